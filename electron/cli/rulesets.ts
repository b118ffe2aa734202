/**
 * Check rulesets and template guidance for a kind, read from the package's templates/
 * through the same loader the app uses.
 */
import { createKindRulesLoader } from '../services/kind-rules-loader';
import { createTemplateService } from '../services/template-service';
import { bundledPrevalidatedTemplates } from '../services/prevalidated-templates';
import type { KindRules } from '../../shared/checks/kind-rules';

export type { KindRules };

export function createRulesetLoader(templatesDir: string): (kind: string) => KindRules {
  // The package's own files, as validated when the CLI was built (an edited file is validated again).
  return createKindRulesLoader(createTemplateService(templatesDir, { prevalidated: bundledPrevalidatedTemplates() }));
}

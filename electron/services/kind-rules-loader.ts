/**
 * The check input for a kind of report, read from templates/<kind>/ once per process.
 * The desktop app, the preview backend and the CLI all use it. A kind without a valid
 * template of its own (an imported general report) is checked with the generic rules.
 */
import { kindRulesFrom, kindRulesOf, rulesetFrom, type KindRules } from '../../shared/checks/kind-rules';
import type { TemplateService } from './template-service';

export function createKindRulesLoader(templates: TemplateService): (kind: string) => KindRules {
  const cache = new Map<string, KindRules>();
  const load = (kind: string): KindRules => {
    const hit = cache.get(kind);
    if (hit) return hit;
    let rules: KindRules;
    try {
      // The service has validated the template; its checks.json too when it is a prevalidated one.
      const loaded = templates.get(kind);
      rules = kindRulesOf(kind, loaded.template, loaded.ruleset ?? rulesetFrom(kind, loaded.checks));
    } catch {
      rules = kind === 'generic' ? kindRulesFrom(kind, null, null) : { ...load('generic'), kind };
    }
    cache.set(kind, rules);
    return rules;
  };
  return load;
}

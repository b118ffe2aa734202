/**
 * What the engine needs for one kind of report, made from the template's two data files
 * (templates/<kind>/template.json and checks.json). The one place that turns template
 * data into check input: the renderer's live panel, the Node-side export gate, the drafts
 * list and the CLI all call it, so they can never disagree.
 */
import { guidanceTexts } from '../templates/instantiate';
import { templateSchema } from '../templates/template-schema';
import { minimalRuleset, parseRuleset, type CheckRuleset } from './ruleset';

export interface KindRules {
  kind: string;
  ruleset: CheckRuleset;
  guidanceTexts: string[];
}

export function kindRulesFrom(kind: string, templateJson: unknown, checksJson: unknown | null): KindRules {
  const template = templateSchema.safeParse(templateJson);
  return {
    kind,
    ruleset: checksJson === null || checksJson === undefined ? minimalRuleset(kind) : parseRuleset(checksJson),
    guidanceTexts: template.success ? guidanceTexts(template.data) : [],
  };
}

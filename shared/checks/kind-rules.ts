/**
 * What the engine needs for one kind of report, made from the template's two data files
 * (templates/<kind>/template.json and checks.json). The one place that turns template
 * data into check input: the renderer's live panel, the Node-side export gate, the drafts
 * list and the CLI all call it, so they can never disagree.
 */
import { guidanceTexts } from '../templates/instantiate';
import { templateSchema, type TemplateData } from '../templates/template-schema';
import { minimalRuleset, parseRuleset, type CheckRuleset } from './ruleset';

export interface KindRules {
  kind: string;
  ruleset: CheckRuleset;
  guidanceTexts: string[];
}

export function kindRulesFrom(kind: string, templateJson: unknown, checksJson: unknown | null): KindRules {
  const template = templateSchema.safeParse(templateJson);
  return kindRulesOf(kind, template.success ? template.data : null, rulesetFrom(kind, checksJson));
}

/** A checks.json (parsed JSON, not yet validated) → the ruleset; none → the minimal one. */
export function rulesetFrom(kind: string, checksJson: unknown | null): CheckRuleset {
  return checksJson === null || checksJson === undefined ? minimalRuleset(kind) : parseRuleset(checksJson);
}

/** From data already validated (by the template service, or when the bundle was built): nothing parsed twice. */
export function kindRulesOf(kind: string, template: TemplateData | null, ruleset: CheckRuleset): KindRules {
  return { kind, ruleset, guidanceTexts: template ? guidanceTexts(template) : [] };
}

export * from './types';
export * from './ruleset';
export { runChecks, applyFix, RULES, RULE_IDS, RULE_BASIS } from './engine';
export { RULE_SOURCES, SOURCE_KEY, type RuleSource, type RuleBasis } from './sources';
export { formatFinding, formatFindingWithPlace, formatPlace, formatFixLabel, severityLabel, type Translate } from './format';
export { parseDocNumber, type ParsedDocNumber } from './doc-number';
export { parseWritingDate, isStandardDate, type ParsedDate } from './dates';
export { exportGate, type ExportGate } from './gate';
export { kindRulesFrom, type KindRules } from './kind-rules';

/**
 * section.reasons: the 不足 section should also say why (原因). A warning only; it is not
 * raised when the 不足 section itself is missing (that is section.shortcomings).
 */
import type { CheckRule } from '../types';
import { sectionPresent } from '../analysis';
import { compact, make } from '../finding';

export const reasonsRule: CheckRule = {
  ids: ['section.reasons'],
  basis: { 'section.reasons': { source: '规定' } },
  run(input) {
    const rule = input.ruleset.reasons;
    if (!rule?.required || !sectionPresent(input, 'shortcomings') || input.reasons) return [];
    const hit = input.hits.find((h) => h.id === 'shortcomings')!;
    return compact([
      make(input, {
        rule: 'section.reasons',
        severity: rule.severity,
        messageKey: 'checks.section.reasons.missing',
        values: { heading: hit.text },
        block: hit.block,
        text: hit.text,
      }),
    ]);
  },
};

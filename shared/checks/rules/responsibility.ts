/**
 * section.responsibility: the report must say how the principal leaders (党政主要负责人,
 * 党委书记, 镇长, 街道主任…) fulfilled the 第一责任人 duty — a section of its own, a
 * subheading, or one sentence anywhere. Which words count is data (checks.json).
 */
import type { CheckRule } from '../types';
import { sectionPresent } from '../analysis';
import { compact, make } from '../finding';
import { snippet } from '../text';

export const responsibilityRule: CheckRule = {
  ids: ['section.responsibility'],
  basis: { 'section.responsibility': { source: '规定' } },
  run(input) {
    const section = input.ruleset.sections.find((s) => s.id === 'responsibility');
    if (!section?.required || !input.ruleset.responsibility) return [];
    if (sectionPresent(input, 'responsibility')) return [];
    const near = input.responsibilityNearMiss;
    if (near) {
      // Say what was found instead: a leading group, 一把手负总责, other units' leaders pressed to act.
      return compact([
        make(input, { rule: 'section.responsibility', severity: section.severity, messageKey: 'checks.section.responsibility.nearMiss', values: { found: snippet(near.text, 30) }, block: near.block, text: near.text }),
      ]);
    }
    // Point at the measures section: that is where most reports put the statement.
    const measures = input.hits.find((h) => h.id === 'measures');
    return compact([
      make(input, {
        rule: 'section.responsibility',
        severity: section.severity,
        messageKey: 'checks.section.responsibility.missing',
        block: measures?.block ?? null,
        text: '',
      }),
    ]);
  },
};

/**
 * numbering.orphan: a level-2 heading （一） with no level-1 heading 一、 anywhere above it
 * (likewise deeper levels). Reported once per level, at the first such heading.
 */
import type { CheckRule, Finding } from '../types';
import { make } from '../finding';
import { headingLabel } from '../../model/numbering';

export const numberingOrphanRule: CheckRule = {
  ids: ['numbering.orphan'],
  basis: { 'numbering.orphan': { source: '实务' } },
  run(input) {
    const out: Finding[] = [];
    let shallowest = Number.POSITIVE_INFINITY;
    const reported = new Set<number>();
    for (const h of input.headings) {
      const level = h.block.level;
      if (level > 1 && shallowest >= level && !reported.has(level)) {
        reported.add(level);
        const f = make(input, {
          rule: 'numbering.orphan',
          severity: 'warning',
          messageKey: 'checks.numbering.orphan',
          values: { found: h.shown, above: headingLabel(1, 1), level },
          block: h.index,
          text: `${h.shown}${h.block.text}`,
        });
        if (f) out.push(f);
      }
      shallowest = Math.min(shallowest, level);
    }
    return out;
  },
};

/**
 * numbering.sequence: heading numbers within one parent run 1, 2, 3… — no gap (一、三、),
 * no repeat (二、二、), no wrong order (一、三、二、). The fix renumbers every heading
 * (labels become generated, which are always right).
 */
import type { CheckRule, Finding } from '../types';
import type { HeadingInfo } from '../analysis';
import { headingLabel } from '../../model/numbering';
import { make } from '../finding';
import { mapHeadingLabels } from '../edit';

function groups(headings: HeadingInfo[]): HeadingInfo[][] {
  const map = new Map<string, HeadingInfo[]>();
  for (const h of headings) {
    const key = `${h.parent ?? -1}:${h.block.level}`;
    const list = map.get(key) ?? [];
    list.push(h);
    map.set(key, list);
  }
  return [...map.values()];
}

export const numberingSequenceRule: CheckRule = {
  ids: ['numbering.sequence'],
  basis: { 'numbering.sequence': { source: '国标' } },
  run(input) {
    const out: Finding[] = [];
    for (const group of groups(input.headings)) {
      const ns = group.map((h, i) => (h.block.label === null ? i + 1 : (h.parsed?.n ?? null)));
      const written = ns.filter((n): n is number => n !== null);
      const sorted = [...written].sort((a, b) => a - b);
      const permutation = written.length === group.length && sorted.every((n, i) => n === i + 1);
      // How often each number is written, counted once: asking per heading made the rule
      // quadratic (a 9 MB report of headings took 55 s).
      const times = new Map<number, number>();
      for (const n of written) times.set(n, (times.get(n) ?? 0) + 1);
      let prev = 0;
      group.forEach((h, i) => {
        const n = ns[i];
        if (n === null || n === undefined) return;
        const level = h.block.level;
        let kind: 'gap' | 'repeat' | 'order' | null = null;
        let expected = prev + 1;
        if (permutation) {
          if (n !== i + 1) {
            kind = 'order';
            expected = i + 1;
          }
        } else if (n === prev) kind = 'repeat';
        else if (n < prev) kind = (times.get(n) ?? 0) > 1 ? 'repeat' : 'order';
        else if (n > prev + 1) kind = 'gap';
        if (kind) {
          const f = make(input, {
            rule: 'numbering.sequence',
            severity: 'warning',
            messageKey: `checks.numbering.${kind}`,
            values: { found: h.shown, expected: headingLabel(level, expected), missing: headingLabel(level, prev + 1), level },
            block: h.index,
            text: `${h.shown}${h.block.text}`,
            fix: 'numbering.renumber',
          });
          if (f) out.push(f);
        }
        prev = Math.max(prev, n);
      });
    }
    return out;
  },
  fixes: {
    'numbering.renumber': (doc) => mapHeadingLabels(doc, () => null),
  },
};

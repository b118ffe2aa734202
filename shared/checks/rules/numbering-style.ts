/**
 * numbering.style: the number form belongs to the level — 一、 （一） 1. （1） (GB/T 9704
 * 7.3.3). Flags 一. or 一，, 1、, a level-2 heading numbered 1., and labels nobody can read.
 * The fix writes the standard label for that heading, keeping its number.
 */
import type { CheckRule, Finding } from '../types';
import { make } from '../finding';
import { STYLE_OF_LEVEL, separatorOk } from '../labels';
import { setHeadingLabel } from '../edit';
import { headingLabel } from '../../model/numbering';
import { parseLabel } from '../labels';
import { toBlocks } from '../../model/lexical-json';
import type { HeadingLevel } from '../../model/blocks';

export const numberingStyleRule: CheckRule = {
  ids: ['numbering.style'],
  basis: { 'numbering.style': { source: '国标' } },
  run(input) {
    const out: Finding[] = [];
    for (const h of input.headings) {
      const label = h.block.label;
      if (label === null || label.trim() === '') continue;
      const level = h.block.level;
      let key: string | null = null;
      if (!h.parsed) key = 'checks.numbering.unreadable';
      else if (h.parsed.style !== STYLE_OF_LEVEL[level]) key = 'checks.numbering.wrongForm';
      else if (!separatorOk(h.parsed)) key = 'checks.numbering.separator';
      if (!key) continue;
      const f = make(input, {
        rule: 'numbering.style',
        severity: 'warning',
        messageKey: key,
        values: { found: label.trim(), expected: headingLabel(level, h.parsed?.n ?? 1), level },
        block: h.index,
        text: `${label.trim()}${h.block.text}`,
        fix: h.parsed ? 'numbering.standardLabel' : null,
      });
      if (f) out.push(f);
    }
    return out;
  },
  fixes: {
    'numbering.standardLabel': (doc, finding) => {
      const index = finding.where.block;
      if (index === null) return doc;
      const block = toBlocks(doc.body)[index];
      if (!block || block.type !== 'heading' || block.label === null) return doc;
      const parsed = parseLabel(block.label);
      if (!parsed) return doc;
      const label = headingLabel(block.level as HeadingLevel, parsed.n);
      return label === block.label ? doc : setHeadingLabel(doc, index, label);
    },
  },
};

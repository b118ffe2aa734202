/**
 * numbering.brackets: （一） and （1） take full-width brackets; (二) or （三) — half-width or
 * mixed widths, common after copying from the web — are flagged one heading at a time.
 */
import type { CheckRule, Finding } from '../types';
import { make } from '../finding';
import { fullWidthBrackets, hasHalfWidthBracket } from '../labels';
import { setHeadingLabel } from '../edit';
import { toBlocks } from '../../model/lexical-json';

export const numberingBracketsRule: CheckRule = {
  ids: ['numbering.brackets'],
  basis: { 'numbering.brackets': { source: '国标' } },
  run(input) {
    const out: Finding[] = [];
    for (const h of input.headings) {
      if (!h.parsed || h.block.label === null || !hasHalfWidthBracket(h.parsed)) continue;
      const mixed = (h.parsed.open === '(') !== (h.parsed.close === ')');
      const f = make(input, {
        rule: 'numbering.brackets',
        severity: 'warning',
        messageKey: mixed ? 'checks.numbering.bracketsMixed' : 'checks.numbering.bracketsHalf',
        values: { found: h.block.label.trim(), expected: fullWidthBrackets(h.block.label) },
        block: h.index,
        text: `${h.block.label.trim()}${h.block.text}`,
        fix: 'numbering.fullWidth',
      });
      if (f) out.push(f);
    }
    return out;
  },
  fixes: {
    'numbering.fullWidth': (doc, finding) => {
      const index = finding.where.block;
      if (index === null) return doc;
      const block = toBlocks(doc.body)[index];
      if (!block || block.type !== 'heading' || block.label === null) return doc;
      const label = fullWidthBrackets(block.label);
      return label === block.label ? doc : setHeadingLabel(doc, index, label);
    },
  },
};

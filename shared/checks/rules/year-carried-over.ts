/**
 * year.carriedOver: body text that still states last year as the year being reported — what a
 * copy of last year's report (以去年报告新建, or a report pasted and edited) leaves behind:
 * - the framing sentence `现将2023年度法治政府建设情况报告如下` (also 现就/特将…, any words between);
 * - a paragraph that opens on the year: `2023年，在市委…`, `2023年以来，我镇…`, `2023年是…`,
 *   unless that same sentence also names the report year (a comparison: `2023年办理30件，今年…`
 *   is written `2024年` somewhere in it).
 * Only the year just before the report year counts, only years ./year-mentions.ts takes for
 * report years (never a 《citation》, a “quoted title”, a range, a date or a 文号), and only
 * paragraphs: headings are year.consistency's, and a mention inside a sentence (`比2023年增长`,
 * `审议了2023年度报告`) is history. Quick fix: the year becomes the report year.
 */
import type { CheckRule, Finding } from '../types';
import { make } from '../finding';
import { yearMentions } from '../../model/year-mentions';
import { replaceInBlock } from '../edit';

const RULE = 'year.carriedOver';
/** Words a paragraph opening on a year goes on with when that year is the one reported. */
const OPENING_TAIL = /^\s*年度?(?:以来|来|全年)?\s*(?:[，,、]|在|是|我|全|本|各|共|以|围绕|坚持|深入|紧紧|认真)/;
const OPENING_HEAD = /^[\s\u3000]*$/;
const FRAMING_HEAD = /(?:现|特|兹|今)[将就把对][^。；！？]{0,24}$/;
const FRAMING_TAIL = /^\s*年度?[^。；！？]{0,60}?报告如下/;

export const yearCarriedOverRule: CheckRule = {
  ids: [RULE],
  basis: { [RULE]: { source: '实务' } },
  run(input) {
    const ry = input.reportYear;
    if (!input.ruleset.years || ry === null) return [];
    const last = ry - 1;
    const out: Finding[] = [];
    input.blocks.forEach((block, index) => {
      if (block.type !== 'paragraph') return;
      const text = block.text;
      const mentions = yearMentions(text, true);
      for (const m of mentions) {
        if (m.year !== last) continue;
        const before = text.slice(0, m.index);
        const after = text.slice(m.index + m.digits.length);
        let hit = false;
        if (OPENING_HEAD.test(before) && OPENING_TAIL.test(after)) {
          const sentenceEnd = text.search(/[。！？；]/);
          const end = sentenceEnd === -1 ? text.length : sentenceEnd;
          hit = !mentions.some((o) => o.year === ry && o.index < end);
        } else if (FRAMING_HEAD.test(before) && FRAMING_TAIL.test(after)) hit = true;
        if (!hit) continue;
        const start = OPENING_HEAD.test(before) ? m.index : before.search(FRAMING_HEAD);
        const phrase = text.slice(start, m.index + m.digits.length + 1);
        const f = make(input, {
          rule: RULE,
          severity: 'warning',
          messageKey: 'checks.year.carriedOver',
          values: { found: last, report: ry, phrase },
          block: index,
          text: phrase,
          fix: 'year.toReport',
        });
        if (f) out.push(f);
      }
    });
    return out;
  },
  fixes: {
    'year.toReport': (doc, finding) => {
      const { phrase, found, report } = finding.values;
      if (finding.where.block === null || typeof phrase !== 'string' || typeof found !== 'number' || typeof report !== 'number') return doc;
      const at = phrase.lastIndexOf(String(found));
      if (at === -1) return doc;
      return replaceInBlock(doc, finding.where.block, phrase, `${phrase.slice(0, at)}${report}${phrase.slice(at + 4)}`);
    },
  },
};

/**
 * year.consistency: a 2023 report describes 2023, plans 2024 and is dated in the first
 * quarter of 2024 (or late 2023); its 文号 carries the year of its date. Each disagreement
 * is one warning at the place that looks wrong.
 */
import type { CheckRule, Finding } from '../types';
import { make } from '../finding';
import { parseWritingDate, parseIsoDay } from '../dates';
import { parseDocNumber } from '../doc-number';
import { yearsIn } from '../text';

export const yearConsistencyRule: CheckRule = {
  ids: ['year.consistency'],
  basis: { 'year.consistency': { source: '实务' } },
  run(input) {
    const out: Finding[] = [];
    const push = (f: Finding | null) => f && out.push(f);
    const rule = 'year.consistency';
    const { doc, ruleset } = input;
    const years = ruleset.years;
    const ry = input.reportYear;

    // Only a year the user set can disagree with the title (otherwise the 报告年度 follows it).
    if (years && ry !== null && input.titleYear !== null && ry !== input.titleYear) {
      push(make(input, { rule, severity: 'warning', messageKey: 'checks.year.title', values: { title: input.titleYear, report: ry }, field: 'title', text: doc.header.title }));
    }

    if (years?.sectionYears && ry !== null) {
      const seen = new Set<number>();
      for (const hit of input.hits) {
        const offset = ruleset.sections.find((s) => s.id === hit.id)?.yearOffset;
        if (offset === null || offset === undefined || hit.structural || seen.has(hit.block)) continue;
        const found = yearsIn(hit.text);
        if (found.length === 0 || found.includes(ry + offset)) continue;
        seen.add(hit.block);
        push(
          make(input, {
            rule,
            severity: 'warning',
            messageKey: offset === 1 ? 'checks.year.plan' : 'checks.year.section',
            values: { found: found[0]!, expected: ry + offset, report: ry },
            block: hit.block,
            text: hit.text,
          }),
        );
      }
    }

    const date = doc.header.date.trim() ? parseWritingDate(doc.header.date) : null;
    const window = years?.writingWindow;
    if (window && ry !== null && date?.year != null && date.month != null) {
      const ok = (date.year === ry + 1 && date.month <= window.nextYearUntilMonth) || (date.year === ry && date.month >= window.sameYearFromMonth);
      if (!ok) {
        push(
          make(input, {
            rule,
            severity: 'warning',
            messageKey: 'checks.year.writing',
            values: { found: doc.header.date, report: ry, from: `${ry}年${window.sameYearFromMonth}月`, until: `${ry + 1}年${window.nextYearUntilMonth}月` },
            field: 'date',
            text: doc.header.date,
          }),
        );
      }
    }

    const docYear = doc.header.docNumber.trim() ? parseDocNumber(doc.header.docNumber).year : null;
    if (docYear !== null) {
      if (date?.year != null && date.year !== docYear) {
        push(make(input, { rule, severity: 'warning', messageKey: 'checks.year.docNumberDate', values: { found: docYear, expected: date.year }, field: 'docNumber', text: doc.header.docNumber }));
      } else if (date?.year == null && years && ry !== null && docYear !== ry && docYear !== ry + 1) {
        push(make(input, { rule, severity: 'warning', messageKey: 'checks.year.docNumberReport', values: { found: docYear, report: ry }, field: 'docNumber', text: doc.header.docNumber }));
      }
    }

    const today = parseIsoDay(input.ctx.today);
    if (years && today && ry !== null && ry > today.year) {
      push(make(input, { rule, severity: 'warning', messageKey: 'checks.year.future', values: { report: ry, today: today.year }, field: 'title', text: doc.header.title }));
    }
    return out;
  },
};

/**
 * date.missing: a red-header document without 成文日期.
 * date.format: 成文日期 (and 印发日期) in Arabic numerals, full year, no leading zero:
 * 2024年1月5日. 二〇二四年一月五日, 2024-01-05, 2024年01月05日 and a missing day are
 * flagged; the fix writes the standard form when the date is complete.
 */
import type { CheckRule, Finding } from '../types';
import type { ReportHeader } from '../../model/document';
import { make } from '../finding';
import { parseWritingDate } from '../dates';
import { setHeader } from '../edit';

const FIELDS = ['date', 'printDate'] as const satisfies readonly (keyof ReportHeader)[];

export const dateFormatRule: CheckRule = {
  ids: ['date.format', 'date.missing'],
  basis: { 'date.format': { source: '国标' }, 'date.missing': { source: '国标' } },
  run(input) {
    const out: Finding[] = [];
    // The red-header (official) version is dated (GB/T 9704 7.3.5); a plain or published one may not be.
    if (input.doc.header.redHeader && !input.doc.header.date.trim()) {
      const missing = make(input, { rule: 'date.missing', severity: 'warning', messageKey: 'checks.date.missing', values: {}, field: 'date', text: '' });
      if (missing) out.push(missing);
    }
    for (const field of FIELDS) {
      const value = input.doc.header[field].trim();
      if (!value) continue;
      const parsed = parseWritingDate(value);
      const problem = parsed.problems[0];
      if (!problem) continue;
      const f = make(input, {
        rule: 'date.format',
        severity: 'warning',
        messageKey: `checks.date.${problem}`,
        values: { found: value, expected: parsed.standard ?? '' },
        field,
        text: value,
        fix: parsed.standard ? (field === 'date' ? 'date.standard' : 'printDate.standard') : null,
      });
      if (f) out.push(f);
    }
    return out;
  },
  fixes: {
    'date.standard': (doc) => {
      const standard = parseWritingDate(doc.header.date).standard;
      return standard && standard !== doc.header.date ? setHeader(doc, { date: standard }) : doc;
    },
    'printDate.standard': (doc) => {
      const standard = parseWritingDate(doc.header.printDate).standard;
      return standard && standard !== doc.header.printDate ? setHeader(doc, { printDate: standard }) : doc;
    },
  },
};

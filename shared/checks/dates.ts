/**
 * 成文日期 in the form GB/T 9704 7.3.5.1 wants: Arabic numerals, full year, no leading
 * zero ("2024年1月5日"). Everything else is read leniently so the year checks and the
 * quick fix still work on 二〇二四年一月五日, 2024-01-05 or 2024年01月05日.
 */
import { parseChineseNumeral } from '../model/numbering';
import { toHalfWidthDigits } from './text';

export type DateProblem = 'chineseNumerals' | 'numericForm' | 'leadingZero' | 'noDay' | 'shortYear' | 'notADate' | 'unrecognized';

export interface ParsedDate {
  year: number | null;
  month: number | null;
  day: number | null;
  problems: DateProblem[];
  /** The standard form when the date is complete and real, else null. */
  standard: string | null;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnYear(s: string): number | null {
  if (s.length !== 4) return null;
  let y = 0;
  for (const c of s) {
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    y = y * 10 + d;
  }
  return y;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number | null, month: number | null, day: number | null, problems: DateProblem[]): ParsedDate {
  if (year !== null && month !== null && (month < 1 || month > 12)) problems.push('notADate');
  else if (year !== null && month !== null && day !== null && (day < 1 || day > daysIn(year, month))) problems.push('notADate');
  if (day === null && month !== null && !problems.includes('noDay')) problems.push('noDay');
  const complete = year !== null && year >= 1000 && month !== null && day !== null && !problems.includes('notADate');
  return { year, month, day, problems, standard: complete ? `${year}年${month}月${day}日` : null };
}

export function parseWritingDate(input: string): ParsedDate {
  const raw = input.replace(/[\s\u3000]/g, '');
  const s = toHalfWidthDigits(raw);
  let m = /^(\d{2}|\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(s);
  if (m) {
    const problems: DateProblem[] = [];
    let year: number | null = Number(m[1]);
    if (m[1]!.length === 2) {
      problems.push('shortYear');
      year = null;
    }
    if (/^0/.test(m[2]!) || (m[3] !== undefined && /^0/.test(m[3]))) problems.push('leadingZero');
    if (s !== raw) problems.push('numericForm');
    return build(year, Number(m[2]), m[3] === undefined ? null : Number(m[3]), problems);
  }
  m = /^(\d{4})[-/.．](\d{1,2})(?:[-/.．](\d{1,2}))?$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), ['numericForm']);
  m = /^([〇零○ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,4})日)?$/.exec(raw);
  if (m) {
    const month = parseChineseNumeral(m[2]!);
    const day = m[3] === undefined ? null : parseChineseNumeral(m[3]);
    return build(cnYear(m[1]!), Number.isNaN(month) ? null : month, day === null || Number.isNaN(day) ? null : day, ['chineseNumerals']);
  }
  return { year: null, month: null, day: null, problems: ['unrecognized'], standard: null };
}

/** True when the text is a date of writing in the standard form. */
export function isStandardDate(input: string): boolean {
  const p = parseWritingDate(input);
  return p.problems.length === 0 && p.standard === input.trim();
}

/** 'YYYY-MM-DD' → {year, month, day}, or null. */
export function parseIsoDay(today: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

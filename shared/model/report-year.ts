/**
 * The 报告年度: the year a report is about. One place decides it (checks, the drafts list,
 * 以去年报告新建 and the editor's 报告年度 field all ask `reportYearOf`):
 * - by default it follows the year in the title, as the user types, pastes or imports
 *   (a 2023 report pasted into a new 2026 template is a 2023 report);
 * - once the user sets it (`reportYearFixed`), it is what they set, whatever the title says
 *   (the year check then points at the title);
 * - with no year in the title it keeps the stored year (a template's, an import's).
 * Drafts saved before the field existed have no `reportYearFixed`: they follow the title.
 */
import type { GongwenDocument } from './document';

export const REPORT_YEAR_MIN = 1949;
export const REPORT_YEAR_MAX = 2200;

const CN_DIGITS: Record<string, string> = { '〇': '0', '○': '0', 零: '0', O: '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const YEAR_DIGIT = '[0-9０-９〇○零OＯ一二三四五六七八九]';
/** A four-digit year before 年, not the end of a range (2021-2025年) nor part of a longer number. */
const TITLE_YEAR = new RegExp(`(?<![0-9０-９\\-－—–~～至到]\\s*)(${YEAR_DIGIT}{4})(?![0-9０-９])\\s*年`, 'g');

export function isReportYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= REPORT_YEAR_MIN && year <= REPORT_YEAR_MAX;
}

/** The first year written in a title (2023年度, ２０２３年, 二〇二三年度), or null. */
export function titleYear(title: string): number | null {
  for (const m of title.matchAll(TITLE_YEAR)) {
    const digits = [...m[1]!].map((c) => (c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : (CN_DIGITS[c] ?? c))).join('');
    const year = Number(digits);
    if (isReportYear(year)) return year;
  }
  return null;
}

type YearFields = Pick<GongwenDocument, 'reportYear' | 'reportYearFixed'> & { header: Pick<GongwenDocument['header'], 'title'> };

/** The report year in force: what the user set, else the title's year, else the stored one. */
export function reportYearOf(doc: YearFields): number | null {
  if (doc.reportYearFixed && isReportYear(doc.reportYear)) return doc.reportYear;
  return titleYear(doc.header.title) ?? (isReportYear(doc.reportYear) ? doc.reportYear : null);
}

/**
 * The document with `reportYear` stored as in force and `reportYearFixed` only where it means
 * something (true with a year). Returns the same object when nothing changes.
 */
export function withReportYear<T extends GongwenDocument>(doc: T): T {
  const year = reportYearOf(doc);
  const fixed = Boolean(doc.reportYearFixed) && isReportYear(doc.reportYear);
  if (year === doc.reportYear && fixed === Boolean(doc.reportYearFixed) && (fixed || doc.reportYearFixed === undefined)) return doc;
  const next = { ...doc, reportYear: year };
  if (fixed) next.reportYearFixed = true;
  else delete next.reportYearFixed;
  return next;
}

/** The user sets the 报告年度 (fixed from now on), or clears it (null: follow the title again). */
export function setReportYear<T extends GongwenDocument>(doc: T, year: number | null): T {
  if (year === null) {
    const next = { ...doc };
    delete next.reportYearFixed;
    return withReportYear(next);
  }
  if (!isReportYear(year)) throw new RangeError(`report year out of range: ${year}`);
  return { ...doc, reportYear: year, reportYearFixed: true };
}

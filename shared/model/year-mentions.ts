/**
 * Where a text names a year that may be the year a report is about, and where a year is
 * only history or a citation. One place for 以去年报告新建 (which moves report years on) and
 * the year.carriedOver check (which finds last year's left behind), so they agree.
 *
 * Not a report-year mention (left as written, never flagged):
 * - anything inside 《…》 〈…〉 <…> or “…”: titles of laws, plans, documents and honours
 *   (《法治政府建设实施纲要（2021-2025年）》, 《…条例（2019年修订）》, “2023年度先进单位”);
 * - ranges (2021-2025年, 2021年至2025年): neither end is a year of its own;
 * - dates (2023年3月, 2023年1月15日): a fact of that day, rewritten by the clerk, not moved;
 * - 文号 years (〔2023〕, [2023]) and revisions (2019年修订, 2021年版, 2020年施行).
 */

export interface YearMention {
  year: number;
  /** Offset of the four digits in the text. */
  index: number;
  /** The digits as written (half- or full-width). */
  digits: string;
}

const D = '[0-9０-９]';
const PROTECTED: RegExp[] = [
  /《[^《》]*》|〈[^〈〉]*〉|<[^<>]*>|“[^“”]*”/g,
  new RegExp(`${D}{4}\\s*年?\\s*[-—–~～－至到]\\s*${D}{4}`, 'g'),
  new RegExp(`${D}{4}\\s*年\\s*${D}{1,2}\\s*月`, 'g'),
  new RegExp(`[〔\\[［(（]\\s*${D}{4}\\s*[〕\\]］)）]`, 'g'),
  new RegExp(`${D}{4}\\s*年\\s*(?:修订|修正|修改|颁布|公布|施行|实施|版|制定|印发)`, 'g'),
];

function toHalfWidth(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function protectedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of PROTECTED) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * The years in `text` that may be report years, in order. `prose` (body text) counts only a
 * year written with 年 (2023年, 2023年度); in a title or heading a bare 2023 counts too.
 */
export function yearMentions(text: string, prose: boolean): YearMention[] {
  const spans = protectedSpans(text);
  const out: YearMention[] = [];
  const re = prose ? /(?<![0-9０-９])([12１２][0-9０-９]{3})(?![0-9０-９])(?=\s*年)/g : /(?<![0-9０-９])([12１２][0-9０-９]{3})(?![0-9０-９])/g;
  for (const m of text.matchAll(re)) {
    const index = m.index;
    if (spans.some(([a, b]) => index >= a && index < b)) continue;
    const year = Number(toHalfWidth(m[1]!));
    if (year < 1949 || year > 2199) continue;
    out.push({ year, index, digits: m[1]! });
  }
  return out;
}

/** `text` with each mention of a year in `years` (every mention when null) moved on by `by`. */
export function moveYears(text: string, years: ReadonlySet<number> | null, prose: boolean, by = 1): string {
  let out = '';
  let last = 0;
  for (const m of yearMentions(text, prose)) {
    if (years && !years.has(m.year)) continue;
    const next = String(m.year + by);
    out += text.slice(last, m.index) + (/[０-９]/.test(m.digits) ? next.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : next);
    last = m.index + m.digits.length;
  }
  return out + text.slice(last);
}

/**
 * The line shapes a 公文 is made of, as they appear in pasted or imported text: heading
 * numbers, 文号, 签发人, dates, organ names. Kept apart from the structuring logic in
 * ./text.ts so every rule about "what does this line look like" is in one place.
 *
 * Every pattern is anchored and free of nested quantifiers: import runs on whatever the
 * user pastes (one 200 KB line included) and must stay linear.
 */
import type { HeadingLevel } from '../model/blocks';
import { parseChineseNumeral } from '../model/numbering';

const CN_DIGITS = '一二三四五六七八九十';
const SPACE = '[ \\t\\u3000]';

/** `一、` (also 一． 一. 一，). The Chinese numeral is validated afterwards (1–99). */
const LEVEL1 = new RegExp(`^([${CN_DIGITS}]{1,3})${SPACE}*([、．.，,])`);
/** `（一）` / `(二)` / mixed widths. */
const LEVEL2 = new RegExp(`^[（(]${SPACE}*([${CN_DIGITS}]{1,3})${SPACE}*[）)]`);
/** `1.` `1．` `1、` — not `3.15` (a date or a decimal) and not `2023.` (a year). */
const LEVEL3 = new RegExp(`^([0-9０-９]{1,2})${SPACE}*[.．、](?![0-9０-９])`);
/** `（1）` / `(1)`. */
const LEVEL4 = new RegExp(`^[（(]${SPACE}*([0-9０-９]{1,2})${SPACE}*[）)]`);

export interface HeadingLabelMatch {
  level: HeadingLevel;
  /** The number exactly as written, e.g. "(二)", "1．" (surrounding spaces dropped). */
  label: string;
  /** Index in the line where the heading text starts (after the label and any spaces). */
  textStart: number;
}

/** The heading number a line starts with, or null. */
export function matchHeadingLabel(line: string): HeadingLabelMatch | null {
  const tries: [RegExp, HeadingLevel, boolean][] = [
    [LEVEL1, 1, true],
    [LEVEL2, 2, true],
    [LEVEL3, 3, false],
    [LEVEL4, 4, false],
  ];
  for (const [re, level, chinese] of tries) {
    const m = re.exec(line);
    if (!m) continue;
    if (chinese && Number.isNaN(parseChineseNumeral(m[1]!))) continue;
    let textStart = m[0].length;
    while (textStart < line.length && /[ \t\u3000]/.test(line[textStart]!)) textStart++;
    return { level, label: m[0].replace(/[ \t\u3000]+$/, ''), textStart };
  }
  return null;
}

/** Characters that end a sentence (a paragraph that stops here is complete). */
export const SENTENCE_END = /[。！？!?]/;
/** A line ending in one of these is not cut in the middle of a sentence. */
export const LINE_COMPLETE = /[。！？；：…!?;:”’」』）)》]$/;
/** Punctuation a wrapped line can start with (the break fell just before it). */
export const CONTINUATION_START = /^[，。、；：？！）》」』”’,.;:?!)]/;

/** `金文〔2023〕5号` in any bracket style, with or without 第 — kept as written for the checks. */
const DOC_NUMBER = new RegExp(
  `^[\\u4e00-\\u9fa5A-Za-z×Ｘ]{1,15}${SPACE}*(?:[〔\\[【(（［{〈《]${SPACE}*[0-9０-９]{2,4}${SPACE}*[〕\\]】)）］}〉》]|[0-9０-９]{4}${SPACE}*年?)${SPACE}*第?${SPACE}*[0-9０-９]{1,5}${SPACE}*号$`,
);

export function isDocNumber(line: string): boolean {
  return line.length <= 40 && DOC_NUMBER.test(line);
}

const SIGNER = new RegExp(`^签${SPACE}*发${SPACE}*人${SPACE}*[:：]${SPACE}*(.*)$`);

/** Names after `签发人：`, or null when the line is not a 签发人 line. */
export function matchSigners(line: string): string[] | null {
  const m = SIGNER.exec(line);
  if (!m) return null;
  return splitNames(m[1]!);
}

export function splitNames(text: string): string[] {
  return text
    .split(/[ \t\u3000、，,；;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A line that holds only person names (2–4 characters each), e.g. the second line of 签发人. */
export function isNamesLine(line: string): boolean {
  if (line.length > 20) return false;
  const names = splitNames(line);
  if (names.length === 0 || !names.every((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n))) return false;
  // A lone 4-character token is more often a title fragment (情况报告) than a name.
  return names.length >= 2 || names[0]!.length <= 3;
}

const CN_YEAR = '[〇○零OＯ0０一二三四五六七八九]{4}';
const YEAR = `(?:[0-9]{4}|[０-９]{4}|${CN_YEAR})`;
const MONTH = `(?:[0-9]{1,2}|[０-９]{1,2}|[${CN_DIGITS}]{1,2})`;
const DAY = `(?:[0-9]{1,2}|[０-９]{1,2}|[${CN_DIGITS}]{1,3})`;
const DATE_CN = new RegExp(`^${YEAR}${SPACE}*年${SPACE}*${MONTH}${SPACE}*月(?:${SPACE}*${DAY}${SPACE}*日)?$`);
const DATE_NUM = new RegExp(`^[0-9]{4}${SPACE}*[-./／－]${SPACE}*[0-9]{1,2}${SPACE}*[-./／－]${SPACE}*[0-9]{1,2}$`);

/** A line that is only a date (成文日期), in any of the forms offices write. */
export function isDateLine(line: string): boolean {
  return line.length <= 30 && (DATE_CN.test(line) || DATE_NUM.test(line));
}

const PRINT_LINE = new RegExp(`^(.*?)${SPACE}*(${YEAR}${SPACE}*年.{0,12}?日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})${SPACE}*印发$`);

/** `××办公室  2024年1月5日印发` → organ and date. */
export function matchPrintLine(line: string): { organ: string; date: string } | null {
  if (line.length > 80) return null;
  const m = PRINT_LINE.exec(line);
  return m ? { organ: m[1]!.trim(), date: m[2]!.trim() } : null;
}

const CC_LINE = new RegExp(`^抄${SPACE}*送${SPACE}*[:：]${SPACE}*(.*)$`);

export function matchCc(line: string): string | null {
  const m = CC_LINE.exec(line);
  return m ? m[1]!.replace(/[。.]$/, '').trim() : null;
}

const ATTACHMENT_LEAD = new RegExp(`^附${SPACE}*件${SPACE}*[0-9０-９]*${SPACE}*[:：]${SPACE}*(.*)$`);

/** `附件：1. 名称` → the rest after the colon ("" when the items follow on their own lines). */
export function matchAttachmentLead(line: string): string | null {
  const m = ATTACHMENT_LEAD.exec(line);
  return m ? m[1]!.trim() : null;
}

/** A whole line in round brackets: the 附注 form, e.g. `（联系人：张三，电话：1234567）`. */
export function matchNote(line: string): string | null {
  if (line.length > 300) return null;
  const m = /^[（(]([^]*)[）)]$/.exec(line);
  if (!m) return null;
  const inner = m[1]!.trim();
  // "(一)" or "(1)" alone is a heading number, not a note.
  if (inner.length === 0 || /^[一二三四五六七八九十0-9０-９]{1,3}$/.test(inner)) return null;
  return inner;
}

/** Endings of organ names (发文机关, 署名). */
const ORGAN_END =
  /(委员会|党委|党工委|工委|党组|支部|委|人民政府|政府|办事处|街道|办公室|办|局|厅|部|院|所|中心|公司|集团|镇|乡|村|社区|处|科|站|队|会|组|室|署)$/;

/** A short line that reads as the name of an organ (no sentence punctuation). */
export function isOrganName(line: string): boolean {
  return line.length >= 2 && line.length <= 40 && !/[。，、；：！？,;:!?（）()“”"]/.test(line) && ORGAN_END.test(line);
}

/** Document types (文种) a title ends with. */
export const GENRE_END =
  /(报告|请示|通知|意见|函|总结|方案|纪要|决定|批复|通报|计划|规定|办法|规划|要点|决议|公告|通告|议案|命令|细则|制度|汇报|说明|讲话|报告书)$/;

/** 文种 that go down (下行文) or sideways (平行文); everything else is treated as up-going. */
export function directionOfTitle(title: string): 'up' | 'down' | 'parallel' {
  const t = title.trim();
  if (/(通知|通报|决定|批复|命令|公告|通告|决议)$/.test(t)) return 'down';
  if (/函$/.test(t)) return 'parallel';
  return 'up';
}

const CN_YEAR_DIGITS: Record<string, string> = {
  '〇': '0', '○': '0', '零': '0', O: '0', 'Ｏ': '0',
  一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** The first year written as `2023年` / `二〇二三年` / `２０２３年` in a text, or null. */
export function firstYear(text: string): number | null {
  const m = /([0-9]{4}|[０-９]{4}|[〇○零OＯ0０一二三四五六七八九]{4})[ \t\u3000]*年/.exec(text);
  if (!m) return null;
  const digits = [...m[1]!]
    .map((c) => (c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : (CN_YEAR_DIGITS[c] ?? c)))
    .join('');
  const year = Number(digits);
  return Number.isInteger(year) && year >= 1949 && year <= 2200 ? year : null;
}

/** A page number in the GB/T 9704 form (— 1 —, -2-, －3－): never a line of a report's text. */
const DASHED_PAGE_NUMBER = /^[—–\-－─]{1,2}[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*[—–\-－─]{1,2}$/;
/** Other page numbers, taken for one only at the top or foot of a page: 3, 第 3 页, 第3页 共12页, 3 / 12. */
const PLAIN_PAGE_NUMBER = /^(?:[0-9０-９]{1,4}|第[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[，,]?[ \t\u3000]*共[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页)?|[0-9０-９]{1,4}[ \t\u3000]*[/／][ \t\u3000]*[0-9０-９]{1,4})$/;

/** Is this (trimmed) line a page number? `atPageEdge`: it stands first or last on a page. */
export function isPageNumber(text: string, atPageEdge: boolean): boolean {
  return DASHED_PAGE_NUMBER.test(text) || (atPageEdge && PLAIN_PAGE_NUMBER.test(text));
}

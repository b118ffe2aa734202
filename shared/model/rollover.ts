/**
 * 以去年报告新建: last year's report becomes the skeleton of this year's.
 *
 * Decisions (documented here because the checks and the UI rely on them):
 * - Years move on by one in the title, in heading text and in the 文号 (〔2023〕 → 〔2024〕,
 *   2023年度 → 2024年度). Only "report" years move: the report year and the plan year after it
 *   (a 2023 report speaks of 2023 and plans 2024). Other years are citations — 《…》 titles,
 *   ranges such as 2021-2025年, 厅字〔2019〕28号 — and stay as written. When reportYear is
 *   unknown, every standalone year in those places moves.
 * - Body paragraphs (and run-in lead-ins) move their report-year mentions too: `2023年，在市委…`,
 *   `现将2023年度…报告如下`, `2024年，我们将…` in the plan. What is history stays: other years
 *   (`2019年以来`, `比2022年增长`), citations (《…条例（2019年修订）》, “2023年度先进单位”),
 *   ranges, dates (`2023年3月`: a fact the clerk rewrites), 文号 years. The year.carriedOver
 *   check flags a last-year statement still left. With no known report year the body stays.
 * - The 文号's number is cleared (`金文〔2024〕号`): every number is used once per year, so the
 *   old one must never survive unnoticed; the 文号 check flags the gap until it is filled.
 * - 成文日期 and 印发日期 are cleared, not moved: a moved date looks right and would be exported
 *   unnoticed, an empty one is visible and checked.
 * - Figures (26次, 5个, 3.5%, 200余条) in headings and paragraphs are wrapped as
 *   `【待核：26次】` (REVIEW_MARK_PATTERN): last year's numbers must be re-checked, and the
 *   marker is ordinary text, so it shows in the editor, survives copy/paste and is found by the
 *   placeholder check. Dates, years, 文号 numbers and numbers inside 《》 are not figures.
 * - Structure (headings, levels, labels, guidance, formatting) is kept; guidance is untouched.
 */
import type { GongwenDocument } from './document';
import type { SerializedInlineJson } from './lexical-json';
import { reportYearOf } from './report-year';
import { moveYears } from './year-mentions';

export const REVIEW_MARK_OPEN = '【待核：';
export const REVIEW_MARK_CLOSE = '】';
/** Finds review markers left by `rolloverDocument`; group 1 is the figure as written. */
export const REVIEW_MARK_PATTERN = /【待核：([^】]*)】/g;

export interface RolloverResult {
  document: GongwenDocument;
  figuresMarked: number;
}

const DIGIT = '[0-9０-９]';
/** Measure words and units that follow a figure in these reports (data, not logic: extend freely). */
const UNITS = [
  '个百分点', '人次', '家次', '场次', '件次', '批次', '课时', '学时', '小时', '平方米', '公里', '万元', '亿元', '千元', '余万元',
  '次', '个', '件', '人', '份', '条', '项', '场', '起', '家', '户', '名', '元', '期', '批', '篇', '本', '册', '部', '所', '处',
  '类', '宗', '例', '天', '位', '支', '台', '套', '张', '轮', '座', '间', '辆', '米', '亩', '吨', '笔', '组', '封', '单', '卷', '册',
  '万', '亿', '千', '百', '%', '％', '‰',
];
const UNIT_ALT = UNITS.map((u) => u.replace(/[%％‰]/g, (c) => `\\${c}`)).join('|');
/**
 * A figure: an Arabic number (thousands separators and decimals allowed), optionally a space
 * (text converted from PDF has `26 次`) and 余/多, then a unit. Not preceded by a digit, 〔 or 第…届 so that parts of years and 文号 do not match.
 */
const FIGURE = new RegExp(`(?<![0-9０-９.．〔\\[])(${DIGIT}+(?:[,，]${DIGIT}{3})*(?:[.．]${DIGIT}+)?[ \u00a0]?(?:余|多)?(?:${UNIT_ALT}))`, 'g');

/** Spans the figure search must skip: existing markers, 《titles》, dates and 文号 forms. */
function protectedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const patterns = [
    /【待核：[^】]*】/g,
    /《[^》]*》/g,
    // dates and parts of dates: 2023年1月15日, 1月15日, 3月, 15日
    /[0-9０-９]{1,4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|[0-9０-９]{1,2}日/g,
    // 文号: 金文〔2023〕5号, [2023]5号
    /[〔\[［(（][0-9０-９]{4}[〕\]］)）][0-9０-９]+号/g,
    // ranges: 2021-2025
    /[0-9０-９]+\s*[-—–~～至到]\s*[0-9０-９]+/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Wrap every figure outside protected spans; returns the new text and how many were wrapped. */
export function markFigures(text: string): { text: string; count: number } {
  const spans = protectedSpans(text);
  let count = 0;
  const out = text.replace(FIGURE, (match: string, _g: string, offset: number) => {
    if (spans.some(([a, b]) => offset < b && offset + match.length > a)) return match;
    count++;
    return `${REVIEW_MARK_OPEN}${match}${REVIEW_MARK_CLOSE}`;
  });
  return { text: out, count };
}

function toHalfWidthNumber(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Move report years on by one in a title or heading. `years` = the years to move (null = every
 * standalone year). Citations, ranges, dates and 文号 years stay (./year-mentions.ts).
 */
export function shiftYears(text: string, years: ReadonlySet<number> | null): string {
  return moveYears(text, years, false);
}

/** 金文〔2023〕5号 → 金文〔2024〕号 (year moved, number cleared for a new one). */
export function rolloverDocNumber(docNumber: string): string {
  return docNumber.replace(/([〔\[［(（])([0-9０-９]{4})([〕\]］)）])\s*[0-9０-９]*\s*号/, (_m, open: string, year: string, close: string) => {
    return `${open}${toHalfWidthNumber(year) + 1}${close}号`;
  });
}

type TextEdit = (text: string) => string;

function editInline(children: SerializedInlineJson[], edit: TextEdit, editRunIn: TextEdit | null): void {
  for (const child of children) {
    if (child.type === 'text') child.text = edit(child.text);
    else if (child.type === 'gw-run-in' && editRunIn) editInline(child.children, editRunIn, null);
  }
}

export function rolloverDocument(doc: GongwenDocument): RolloverResult {
  // structuredClone keeps the input untouched (callers keep last year's draft as it was).
  const next = structuredClone(doc);
  const reportYear = reportYearOf(doc);
  const years = reportYear === null ? null : new Set([reportYear, reportYear + 1]);
  let figuresMarked = 0;
  const figures: TextEdit = (text) => {
    const r = markFigures(text);
    figuresMarked += r.count;
    return r.text;
  };
  const prose: TextEdit = (text) => figures(years ? moveYears(text, years, true) : text);

  next.header.title = shiftYears(next.header.title, years);
  next.header.docNumber = rolloverDocNumber(next.header.docNumber);
  next.header.date = '';
  next.header.printDate = '';

  for (const block of next.body.root.children) {
    if (block.type === 'gw-heading') editInline(block.children, (t) => figures(shiftYears(t, years)), prose);
    else if (block.type === 'paragraph') editInline(block.children, prose, prose);
    // Table cells hold last year's figures as well.
    else if (block.type === 'table') for (const row of block.children) for (const cell of row.children) for (const p of cell.children) editInline(p.children, figures, figures);
    // guidance (and unknown nodes) stay as written
  }

  if (reportYear !== null) next.reportYear = reportYear + 1;
  else {
    const m = /(?<![0-9])(19[5-9][0-9]|2[01][0-9]{2})(?![0-9])/.exec(next.header.title);
    next.reportYear = m ? Number(m[1]) : null;
  }
  return { document: next, figuresMarked };
}

/**
 * The three real reports (shared/fixtures), imported as plain text and checked with the
 * fazhi-annual ruleset. Each must show the four statutory parts and the 第一责任人
 * statement, and raise exactly the findings its text deserves (written down below with the
 * reason). Then each is mutated one way at a time, and exactly the expected rule must appear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, GongwenDocument, HeadingBlock } from '../../../shared/model';
import { toBlocks } from '../../../shared/model';
import { sentences } from '../../../shared/checks/text';
import { guidanceTexts } from '../../../shared/templates/instantiate';
import { templateSchema } from '../../../shared/templates/template-schema';
import { check, fixture, mapBlocks, REPO, rules } from './helpers';

interface FixtureCase {
  file: string;
  reportYear: number;
  /** Words of the 不足 and plan headings as the report writes them. */
  shortcomings: string;
  plan: string;
  /** The findings the text deserves: rule → number of findings, with why. */
  expected: Record<string, number>;
  why: string;
}

const CASES: FixtureCase[] = [
  {
    file: 'report-chengxi-2024.txt',
    reportYear: 2024,
    shortcomings: '存在的不足和原因',
    plan: '工作思路和目标举措',
    expected: {},
    why:
      'Published version (no red header, so no issuer/文号/签发人/recipient required). Measures split as 工作成效 + 主要举措; ' +
      '第一责任人 in （一）(街道党工委书记、办事处主任为第一责任人); 不足和原因 in one heading; plan year 2025 = 2024 + 1; ' +
      'all brackets full-width and numbers in order. Nothing to report.',
  },
  {
    file: 'report-jinlanshan-2022.txt',
    reportYear: 2022,
    shortcomings: '存在的不足',
    plan: '改进措施及工作计划',
    expected: { 'numbering.brackets': 10, 'section.reasons': 1, 'date.missing': 1 },
    why:
      'Red header complete (issuer mark, 金文〔2023〕5号, two signers, 县委、县政府), but the text as published has no 成文日期 (date.missing, a warning). 第一责任人 is part 一. ' +
      'Deserved: (二)(三)(四) in part 二 and every level-2 number in parts 三 and 四 use half-width brackets beside the ' +
      'full-width （一） (10 headings); part 三 is titled 存在的不足 and gives no 原因 (contract example: reasons false). ' +
      '文号 year 2023 fits a 2022 report (no date of writing to compare with); plan year 2023 = 2022 + 1.',
  },
  {
    file: 'report-zhaishang-2023.txt',
    reportYear: 2023,
    shortcomings: '存在不足和原因',
    plan: '主要安排',
    expected: {},
    why:
      'Published version, two-line title. 第一责任人 only as one sentence inside （一） (认真贯彻落实法治政府建设第一责任人职责, ' +
      '街主要领导 in the same paragraph). 存在不足和原因 has no subheadings; plan year 2024 = 2023 + 1. Nothing to report.',
  },
];

function counts(doc: GongwenDocument, guidance: string[] = []): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of check(doc, { guidance }).findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

const isHeading = (b: Block): b is HeadingBlock => b.type === 'heading';

/** Index of the level-1 heading whose text contains `words`. */
function level1(blocks: Block[], words: string): number {
  const i = blocks.findIndex((b) => isHeading(b) && b.level === 1 && b.text.includes(words));
  if (i < 0) throw new Error(`no level-1 heading with ${words}`);
  return i;
}

function sectionEnd(blocks: Block[], start: number): number {
  const next = blocks.findIndex((b, i) => i > start && isHeading(b) && b.level === 1);
  return next < 0 ? blocks.length : next;
}

/** Drops a level-1 part and renumbers the level-1 headings after it, so only the part is missing. */
function deletePart(blocks: Block[], words: string): Block[] {
  const start = level1(blocks, words);
  const kept = [...blocks.slice(0, start), ...blocks.slice(sectionEnd(blocks, start))];
  const numerals = '一二三四五六七八九十';
  let n = 0;
  return kept.map((b) => (isHeading(b) && b.level === 1 ? { ...b, label: `${numerals[n++]}、` } : b));
}

/** The wordings of the 第一责任人 statement (any of them, issue 11): 第一责任, 亲自部署, 带头学, 一把手抓法治… */
const DUTY_WORDS = ['第一责任', '第一职责', '亲自', '带头', '一把手', '抓法治', '主持召开', '研究部署'];

function withoutSentences(text: string, words: string | string[]): string {
  const list = typeof words === 'string' ? [words] : words;
  return sentences(text).filter((s) => !list.some((w) => s.includes(w))).join('');
}

/** Removes every sentence that names the 第一责任人 (a heading made only of such a sentence keeps a neutral text). */
function deleteResponsibility(blocks: Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.type === 'paragraph') {
      const text = withoutSentences(b.text, DUTY_WORDS);
      return text.trim() ? [{ ...b, text }] : [];
    }
    if (b.type === 'heading') {
      const text = withoutSentences(b.text, DUTY_WORDS) || '加强法治政府建设的有关情况';
      const runIn = b.runIn ? withoutSentences(b.runIn, DUTY_WORDS) || null : null;
      return [{ ...b, text, runIn }];
    }
    return [b];
  });
}

function guidanceSentence(): string {
  const file = path.join(REPO, 'templates/fazhi-annual/template.json');
  const fromTemplate = fs.existsSync(file) ? guidanceTexts(templateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))).find((s) => s.length >= 10) : undefined;
  return fromTemplate ?? '简要写明上一年度推进法治政府建设的主要举措和取得的成效，可分条列出。';
}

describe.each(CASES)('$file', (c) => {
  const doc = fixture(c.file);
  const base = counts(doc);
  const baseRules = Object.keys(base).sort();

  it('imports as an annual report of the right year', () => {
    expect(doc.kind).toBe('fazhi-annual');
    expect(doc.reportYear).toBe(c.reportYear);
  });

  it('finds the four statutory parts and the 第一责任人 statement', () => {
    const report = check(doc);
    expect(report.sections).toMatchObject({ measures: true, shortcomings: true, responsibility: true, plan: true });
    expect(report.exportable).toBe(true);
  });

  it(`raises exactly the deserved findings — ${c.why.slice(0, 60)}…`, () => {
    expect(base).toEqual(c.expected);
  });

  /** Rules after a mutation = the baseline's + the expected one (minus rules the mutation removes the cause of). */
  function expectFlip(mutated: GongwenDocument, rule: string, gone: string[] = [], guidance: string[] = [], from: string[] = baseRules) {
    const after = Object.keys(counts(mutated, guidance)).sort();
    const expected = [...new Set([...from.filter((r) => !gone.includes(r)), rule])].sort();
    expect(after).toEqual(expected);
    expect(from).not.toContain(rule);
  }

  it('without any sentence naming the 第一责任人 → section.responsibility (error)', () => {
    const mutated = mapBlocks(doc, deleteResponsibility);
    expect(toBlocks(mutated.body).some((b) => JSON.stringify(b).includes('第一责任'))).toBe(false);
    expectFlip(mutated, 'section.responsibility');
    expect(check(mutated).exportable).toBe(false);
  });

  it('without the 不足 part → section.shortcomings', () => {
    expectFlip(mapBlocks(doc, (b) => deletePart(b, c.shortcomings)), 'section.shortcomings', ['section.reasons']);
  });

  it('asking for approval at the end → genre.requestInReport (error, 条例)', () => {
    const mutated = mapBlocks(doc, (blocks) => [...blocks, { type: 'paragraph', text: '以上报告，妥否，请批示。' }]);
    expectFlip(mutated, 'genre.requestInReport');
    const f = check(mutated).findings.find((x) => x.rule === 'genre.requestInReport');
    expect(f).toMatchObject({ severity: 'error', source: '条例', values: { phrase: '妥否，请批示' } });
  });

  it('without the plan part → section.plan', () => {
    expectFlip(mapBlocks(doc, (b) => deletePart(b, c.plan)), 'section.plan');
  });

  it('two level-1 numbers swapped → numbering.sequence', () => {
    const mutated = mapBlocks(doc, (blocks) => {
      const idx = blocks.map((b, i) => (isHeading(b) && b.level === 1 ? i : -1)).filter((i) => i >= 0);
      const [a, b] = [idx[1]!, idx[2]!];
      const out = blocks.slice();
      out[a] = { ...(blocks[a] as HeadingBlock), label: (blocks[b] as HeadingBlock).label };
      out[b] = { ...(blocks[b] as HeadingBlock), label: (blocks[a] as HeadingBlock).label };
      return out;
    });
    expectFlip(mutated, 'numbering.sequence');
  });

  // 文号 and date mutations start from the report with a correct 文号 and date added, which must change nothing.
  const docYear = doc.header.docNumber ? Number(/〔(\d{4})〕/.exec(doc.header.docNumber)![1]) : c.reportYear + 1;
  const month = docYear === c.reportYear ? 12 : 1;
  const dated: GongwenDocument = { ...doc, header: { ...doc.header, docNumber: doc.header.docNumber || `街文〔${docYear}〕5号`, date: `${docYear}年${month}月5日` } };

  // Adding the date of writing only removes the date.missing warning a red-header report without one has.
  const datedRules = baseRules.filter((r) => r !== 'date.missing');
  it('a correct 文号 and date of writing add no finding', () => {
    expect(Object.keys(counts(dated)).sort()).toEqual(datedRules);
  });

  it.each([
    ['【】', (s: string) => s.replace('〔', '【').replace('〕', '】')],
    ['[]', (s: string) => s.replace('〔', '[').replace('〕', ']')],
    ['05号', (s: string) => s.replace(/〕(\d+)号/, '〕0$1号')],
  ])('文号 with %s → header.docNumber', (_name, change) => {
    const mutated = { ...dated, header: { ...dated.header, docNumber: change(dated.header.docNumber) } };
    expect(mutated.header.docNumber).not.toBe(dated.header.docNumber);
    expectFlip(mutated, 'header.docNumber', [], [], datedRules);
  });

  const cn = (n: number) => [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
  it.each([
    ['Chinese numerals without day', () => `${cn(docYear)}年${month === 12 ? '十二' : '一'}月`],
    ['ISO form', () => `${docYear}-${String(month).padStart(2, '0')}-05`],
  ])('date of writing in %s → date.format', (_name, date) => {
    expectFlip({ ...dated, header: { ...dated.header, date: date() } }, 'date.format', [], [], datedRules);
  });

  it('plan year wrong → year.consistency', () => {
    const mutated = mapBlocks(doc, (blocks) => {
      const i = level1(blocks, c.plan);
      const h = blocks[i] as HeadingBlock;
      expect(h.text).toContain(String(c.reportYear + 1));
      const out = blocks.slice();
      out[i] = { ...h, text: h.text.replace(String(c.reportYear + 1), String(c.reportYear + 2)) };
      return out;
    });
    expectFlip(mutated, 'year.consistency');
  });

  it('a template guidance sentence left in → placeholder.remaining (error)', () => {
    const guidance = guidanceSentence();
    const mutated = mapBlocks(doc, (blocks) => {
      const i = blocks.findIndex((b) => b.type === 'paragraph' && b.text.length > 40);
      const out = blocks.slice();
      out.splice(i, 0, { type: 'paragraph', text: guidance });
      return out;
    });
    expectFlip(mutated, 'placeholder.remaining', [], [guidance]);
    expect(check(mutated, { guidance: [guidance] }).exportable).toBe(false);
  });

  it('a guidance block left in → placeholder.remaining', () => {
    const mutated = mapBlocks(doc, (blocks) => [...blocks.slice(0, 2), { type: 'guidance', text: guidanceSentence() }, ...blocks.slice(2)]);
    expectFlip(mutated, 'placeholder.remaining');
  });
});

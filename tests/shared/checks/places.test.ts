/**
 * Every finding's exact place (where.start/end, computed once in the engine): on the real
 * reports (shared/fixtures) with mutations, in multi-byte text and in tables; and the grouping
 * of repeated findings that the panel, the export dialog and the CLI share.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBlocks, tableBlock, type Block } from '../../../shared/model';
import { blockText } from '../../../shared/checks/analysis';
import { groupFindings, formatGroupTitle, placeMessage, type Finding } from '../../../shared/checks';
import { rolloverDocument } from '../../../shared/model/rollover';
import { createI18n } from '../../../shared/i18n';
import { check, docOf, fixture, FIXTURES, goodBlocks, h1, h2, mapBlocks, p } from './helpers';

const REPORTS = ['report-chengxi-2024.txt', 'report-jinlanshan-2022.txt', 'report-zhaishang-2023.txt'];
const OPENINGS = fs.readdirSync(path.join(FIXTURES, 'openings')).filter((f) => f.endsWith('.txt')).map((f) => `openings/${f}`);

/** The text a finding's place covers (block text, or the header field's value). */
function placed(doc: ReturnType<typeof fixture>, f: Finding): string {
  const blocks = toBlocks(doc.body);
  const full = f.where.block !== null ? blockText(blocks[f.where.block]!) : (() => {
    const v: unknown = doc.header[f.where.field!];
    return Array.isArray(v) ? v.join('\n') : String(v);
  })();
  expect(f.where.start).not.toBeNull();
  expect(f.where.start!).toBeGreaterThanOrEqual(0);
  expect(f.where.end!).toBeGreaterThanOrEqual(f.where.start!);
  expect(f.where.end!).toBeLessThanOrEqual(full.length);
  return full.slice(f.where.start!, f.where.end!);
}

/** Every finding with a block or field has a range inside it; every one without has none. */
function expectWellPlaced(doc: ReturnType<typeof fixture>, findings: Finding[]) {
  for (const f of findings) {
    if (f.where.block === null && f.where.field === null) {
      expect(f.where.start, f.rule).toBeNull();
      continue;
    }
    if (f.where.block === null && !f.where.text) continue;
    const text = placed(doc, f);
    // A short snippet (not cut with …) is the offending text itself, found exactly or ignoring spaces and quote marks.
    if (f.where.text && !f.where.text.endsWith('…') && f.where.block !== null) {
      const squeeze = (s: string) => s.replace(/[\s\u3000“”"'‘’「」『』《》〈〉]/g, '');
      const heading = toBlocks(doc.body)[f.where.block];
      const expected = heading?.type === 'heading' && f.where.text.endsWith(heading.text) && !blockText(heading).includes(f.where.text) ? heading.text : f.where.text;
      expect(squeeze(text), `${f.rule} ${f.where.text}`).toBe(squeeze(expected));
    }
    expect(f.where.excerpt.length, f.rule).toBeGreaterThan(0);
  }
}

describe('where.start/end on real reports', () => {
  for (const file of [...REPORTS, ...OPENINGS]) {
    it(`${file}: every finding's range lies in its block and covers the offending text`, () => {
      const doc = fixture(file);
      expectWellPlaced(doc, check(doc, { hints: true }).findings);
    });
  }

  it('zhaishang rolled over: each 【待核：…】 mark is its own place, from 【 to 】', () => {
    const { document } = rolloverDocument(fixture('report-zhaishang-2023.txt'));
    const marks = check(document, { today: '2025-01-20' }).findings.filter((f) => f.rule === 'placeholder.remaining');
    expect(marks.length).toBeGreaterThan(1);
    for (const f of marks) {
      const text = placed(document, f);
      expect(text.startsWith('【待核：'), text).toBe(true);
      expect(text.endsWith('】'), text).toBe(true);
      expect(f.where.excerpt).toContain(text.length > 24 ? text.slice(0, 24) : text);
    }
    // Two marks in one paragraph: two places, the second after the first.
    const byBlock = new Map<number, Finding[]>();
    for (const f of marks) byBlock.set(f.where.block!, [...(byBlock.get(f.where.block!) ?? []), f]);
    const several = [...byBlock.values()].find((l) => l.length > 1);
    expect(several).toBeDefined();
    expect(several![1]!.where.start!).toBeGreaterThanOrEqual(several![0]!.where.end!);
  });

  it('a near miss of the 第一责任人 statement: the place is the sentence that came near', () => {
    const near = '县委书记担任法治建设领导小组组长，督促各乡镇主要负责人履行推进法治建设第一责任人职责。';
    const blocks = goodBlocks();
    blocks[2] = h2('（一）', '强化组织领导。', `${near}全年审查规范性文件八件，组织集中学法四次。`);
    const doc = docOf(blocks);
    const f = check(doc).findings.find((x) => x.messageKey === 'checks.section.responsibility.nearMiss')!;
    expect(f.where.block).toBe(2);
    expect(placed(doc, f)).toContain('督促各乡镇主要负责人');
    expectWellPlaced(doc, check(doc).findings);
  });
});

describe('offsets are UTF-16 code units of the block text', () => {
  it('multi-byte: CJK, full-width punctuation and a character outside the BMP (𠮷) before the mark', () => {
    const text = '𠮷村、新村（社区）共组织学法××次，覆盖“全体干部”××人。';
    const doc = docOf([...goodBlocks(), p(text)]);
    const found = check(doc).findings.filter((f) => f.rule === 'placeholder.remaining');
    expect(found.map((f) => [f.where.start, f.where.end])).toEqual([
      [text.indexOf('××'), text.indexOf('××') + 2],
      [text.lastIndexOf('××'), text.lastIndexOf('××') + 2],
    ]);
    // 𠮷 is two code units: the offset is one more than the count of characters before the mark.
    expect(found[0]!.where.start).toBe(15);
    expect([...text.slice(0, 15)].length).toBe(14);
    expect(found.every((f) => f.where.block === goodBlocks().length)).toBe(true);
  });

  it('a request phrase written with spaces and quote marks is still the exact place', () => {
    const text = '以上报告，妥否， 请批示。';
    const doc = docOf([...goodBlocks(), p(text)]);
    const f = check(doc).findings.find((x) => x.rule === 'genre.requestInReport')!;
    expect(text.slice(f.where.start!, f.where.end!)).toBe('妥否， 请批示');
  });

  it('a heading run-in: the place counts from the heading text on into the run-in paragraph', () => {
    const blocks: Block[] = [...goodBlocks(), h1('四、', '其他需要报告的情况', '全年办理××件。')];
    const doc = docOf(blocks);
    const f = check(doc).findings.find((x) => x.rule === 'placeholder.remaining')!;
    expect(f.where.start).toBe('其他需要报告的情况'.length + '全年办理'.length);
  });

  it('a table: cells joined by tab, rows by newline; a mark in the second row is placed there', () => {
    const table = tableBlock([['单位', '案件数', '办结率'], ['城关镇', '12', '100%'], ['河西镇', '××', '××%']], 1);
    const doc = docOf([...goodBlocks().slice(0, 2), table, ...goodBlocks().slice(2)]);
    const found = check(doc).findings.filter((f) => f.rule === 'placeholder.remaining');
    expect(found).toHaveLength(2);
    for (const f of found) expect(f.where.block).toBe(2);
    expect(found.map((f) => table.text.slice(f.where.start!, f.where.end!))).toEqual(['××', '××']);
    expect(found[0]!.where.start).toBe('单位\t案件数\t办结率\n城关镇\t12\t100%\n河西镇\t'.length);
    expect(found[1]!.where.start).toBe(table.text.lastIndexOf('××'));
    expect(found[0]!.where.excerpt).not.toMatch(/[\t\n]/);
  });

  it('a header field: the mark in the title', () => {
    const doc = docOf(goodBlocks(), { title: '××镇关于2023年度法治政府建设情况的报告' });
    const f = check(doc).findings.find((x) => x.rule === 'placeholder.remaining')!;
    expect(f.where).toMatchObject({ block: null, field: 'title', start: 0, end: 2 });
  });

  it('something missing has no place', () => {
    const doc = docOf(goodBlocks().slice(0, 6));
    const f = check(doc).findings.find((x) => x.rule === 'section.plan')!;
    expect(f.where).toMatchObject({ block: null, start: null, end: null, excerpt: '' });
  });
});

describe('grouping repeated findings', () => {
  const four = docOf([...goodBlocks(), p('共组织学法××次，覆盖××人。'), p('办理复议案件××件。'), p('培训执法人员××人次。')]);
  const zh = createI18n('zh-CN').t;
  const en = createI18n('en-US').t;

  it('four placeholder marks are one row with four places, in body order', () => {
    const groups = groupFindings(check(four).findings).filter((g) => g.rule === 'placeholder.remaining');
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g!.findings.map((f) => f.where.block)).toEqual([8, 8, 9, 10]);
    expect(formatGroupTitle(g!, zh)).toBe('文中还有待填写的占位符（4处）');
    expect(formatGroupTitle(g!, en)).toBe('Placeholders still to be filled in (4 places)');
    expect(placeMessage(g!, g!.findings[1]!, zh)).toContain('××');
  });

  it('a single finding keeps its own message; one place is singular in English', () => {
    const one = docOf([...goodBlocks(), p('办理复议案件××件。')]);
    const [g] = groupFindings(check(one).findings).filter((x) => x.rule === 'placeholder.remaining');
    expect(formatGroupTitle(g!, zh)).toBe(zh(g!.findings[0]!.messageKey, g!.findings[0]!.values));
    expect(placeMessage(g!, g!.findings[0]!, zh)).toBeNull();
    expect(en('checks.group.placeholderMarker', { count: 1 })).toBe('Placeholders still to be filled in (1 place)');
    expect(en('checks.group.several', { message: 'M', count: 2 })).toBe('M (2 places of this kind)');
  });

  it('different messages of one rule are different rows; a rule without a title of its own says how many', () => {
    const doc = docOf([...goodBlocks(), p('办理复议案件××件。')], {}, 2023);
    const guidance = '请在此简要写明本年度法治政府建设的总体情况。';
    const withGuidance = mapBlocks(doc, (b) => [...b, p(guidance)]);
    const groups = groupFindings(check(withGuidance, { guidance: [guidance] }).findings).filter((g) => g.rule === 'placeholder.remaining');
    expect(groups.map((g) => g.messageKey).sort()).toEqual(['checks.placeholder.guidanceText', 'checks.placeholder.marker']);
    const numbering = groupFindings(check(fixture('report-jinlanshan-2022.txt')).findings).filter((g) => g.findings.length > 1 && !formatGroupTitle(g, zh).includes('处'));
    expect(numbering).toEqual([]);
  });
});

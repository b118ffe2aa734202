import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from '../../../shared/model/document';
import { fromBlocks, toBlocks } from '../../../shared/model/lexical-json';
import type { Block } from '../../../shared/model/blocks';
import { REVIEW_MARK_PATTERN, markFigures, rolloverDocNumber, rolloverDocument, shiftYears } from '../../../shared/model/rollover';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

function doc(blocks: Block[], header: Partial<GongwenDocument['header']> = {}, reportYear: number | null = 2022): GongwenDocument {
  return { schemaVersion: SCHEMA_VERSION, kind: 'fazhi-annual', reportYear, header: { ...emptyHeader(), ...header }, body: fromBlocks(blocks) };
}

describe('markFigures', () => {
  it.each([
    ['修改各类合同文稿179份', '修改各类合同文稿【待核：179份】', 1],
    ['提出专业意见200余条', '提出专业意见【待核：200余条】', 1],
    ['开展治安巡逻 26 次、排查化解矛盾纠纷 100 余起', '开展治安巡逻 【待核：26 次】、排查化解矛盾纠纷 【待核：100 余起】', 2],
    ['按期办结率 100%，群众满意率97.5％', '按期办结率 【待核：100%】，群众满意率【待核：97.5％】', 2],
    ['同比上升3.5个百分点', '同比上升【待核：3.5个百分点】', 1],
    ['共１２件', '共【待核：１２件】', 1],
  ])('%s', (input, expected, count) => {
    expect(markFigures(input)).toEqual({ text: expected, count });
  });

  it.each([
    '2023年1月15日',
    '厅字〔2019〕28号',
    '金文〔2023〕5号',
    '《法治政府建设实施纲要（2021-2025年）》',
    '《关于加强5个方面工作的意见》',
    '“12345”市长热线',
    '党的十九届六中全会',
    '已标出的【待核：26次】不再重复标记',
  ])('leaves %s alone', (input) => {
    expect(markFigures(input)).toEqual({ text: input, count: 0 });
  });
});

describe('shiftYears and rolloverDocNumber', () => {
  it('moves report years, not citations or ranges', () => {
    const years = new Set([2023, 2024]);
    expect(shiftYears('关于2023年度法治政府建设情况的报告', years)).toBe('关于2024年度法治政府建设情况的报告');
    expect(shiftYears('2024年工作计划', years)).toBe('2025年工作计划');
    expect(shiftYears('落实《纲要（2021-2025年）》，2019年以来', years)).toBe('落实《纲要（2021-2025年）》，2019年以来');
    expect(shiftYears('２０２３年度', years)).toBe('２０２４年度');
    expect(shiftYears('12023年', null)).toBe('12023年');
    expect(shiftYears('2019年', null)).toBe('2020年');
  });

  it('moves the 文号 year and clears its number', () => {
    expect(rolloverDocNumber('金文〔2023〕5号')).toBe('金文〔2024〕号');
    expect(rolloverDocNumber('新政[2023]12号')).toBe('新政[2024]号');
    expect(rolloverDocNumber('')).toBe('');
  });
});

describe('rolloverDocument', () => {
  const blocks: Block[] = [
    { type: 'heading', level: 1, label: '一、', text: '2022年度推进法治政府建设的主要举措和成效', runIn: null },
    { type: 'heading', level: 2, label: '（一）', text: '强化组织领导，召开会议4次。', runIn: '一是加强领导，开展学法2次。' },
    { type: 'paragraph', text: '2022年，开展治安巡逻 26 次，落实《法治政府建设实施纲要（2021-2025年）》。' },
    { type: 'guidance', text: '此处填写5个方面的成效' },
    { type: 'heading', level: 1, label: '二、', text: '2023年工作计划', runIn: null },
  ];
  const input = doc(blocks, { title: '金兰山街道关于2022年度法治政府建设工作情况的报告', docNumber: '金文〔2023〕5号', date: '2023年1月15日', printDate: '2023年1月16日', signers: ['张健平'] });

  it('moves years in title, headings and 文号, clears dates, marks figures, keeps structure', () => {
    const before = structuredClone(input);
    const { document: out, figuresMarked } = rolloverDocument(input);
    expect(input).toEqual(before); // pure: the input is untouched
    expect(out.reportYear).toBe(2023);
    expect(out.header).toMatchObject({ title: '金兰山街道关于2023年度法治政府建设工作情况的报告', docNumber: '金文〔2024〕号', date: '', printDate: '', signers: ['张健平'] });
    expect(toBlocks(out.body)).toEqual([
      { type: 'heading', level: 1, label: '一、', text: '2023年度推进法治政府建设的主要举措和成效', runIn: null },
      { type: 'heading', level: 2, label: '（一）', text: '强化组织领导，召开会议【待核：4次】。', runIn: '一是加强领导，开展学法【待核：2次】。' },
      // the report year in a paragraph moves too, the cited range stays; figures are marked
      { type: 'paragraph', text: '2023年，开展治安巡逻 【待核：26 次】，落实《法治政府建设实施纲要（2021-2025年）》。' },
      { type: 'guidance', text: '此处填写5个方面的成效' },
      { type: 'heading', level: 1, label: '二、', text: '2024年工作计划', runIn: null },
    ]);
    expect(figuresMarked).toBe(3);
    expect([...JSON.stringify(out.body).matchAll(REVIEW_MARK_PATTERN)]).toHaveLength(3);
  });

  it('rolling over twice moves on again without double marks', () => {
    const once = rolloverDocument(input).document;
    const twice = rolloverDocument(once);
    expect(twice.document.reportYear).toBe(2024);
    expect(twice.document.header.title).toContain('2024年度');
    expect(twice.figuresMarked).toBe(0);
    expect(JSON.stringify(twice.document.body)).not.toContain('【待核：【待核');
  });

  it('without a reportYear moves every year of the title and takes the year from it', () => {
    const out = rolloverDocument(doc([], { title: '城西街道2024年法治政府建设年度报告' }, null)).document;
    expect(out.header.title).toBe('城西街道2025年法治政府建设年度报告');
    expect(out.reportYear).toBe(2025);
  });

  it('marks the figures of a real report and leaves its dates and citations', () => {
    const text = readFileSync(path.join(FIXTURES, 'report-jinlanshan-2022.txt'), 'utf8');
    const paragraphs = text.split(/\n+/).map((l) => l.replace(/[#*]/g, '').trim()).filter(Boolean);
    const { document: out, figuresMarked } = rolloverDocument(doc(paragraphs.map((t) => ({ type: 'paragraph', text: t }))));
    const outText = toBlocks(out.body).map((b) => b.text).join('\n');
    expect(figuresMarked).toBeGreaterThan(10);
    expect(outText).toContain('【待核：26 次】');
    expect(outText).toContain('【待核：45 件】');
    expect(outText).toContain('【待核：100%】');
    expect(outText).toContain('金文〔2023〕5号'); // a 文号 quoted in the body is text, not ours to change
    expect(outText).not.toMatch(/【待核：[^】]*年/);
    expect(outText).toContain('2023年在县委、县政府的坚强领导下');
    expect(outText).toContain('四、2024年度改进措施及工作计划');
    // removing the markers and moving the report years back gives the original text exactly
    const back = outText.replace(REVIEW_MARK_PATTERN, '$1').replace(/(202[34])(?=年(?!\s*\d{1,2}\s*月))/g, (y) => String(Number(y) - 1));
    expect(back).toBe(paragraphs.join('\n'));
  });
});

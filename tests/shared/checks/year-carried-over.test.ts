/**
 * year.carriedOver and 以去年报告新建 on real reports: the rule is silent on every real report
 * (18 openings, 3 full fixtures) in its own year, flags last year's framing left in a report,
 * and never a comparison or a citation. Rolling each full fixture over leaves no report-year
 * mention behind and moves no citation; leaving one behind flips exactly this rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/checks/engine';
import { importText } from '../../../shared/import/text';
import { toBlocks, type Block, type GongwenDocument } from '../../../shared/model';
import { REVIEW_MARK_PATTERN, rolloverDocument } from '../../../shared/model/rollover';
import { yearMentions } from '../../../shared/model/year-mentions';
import { check, docOf, FIXTURES, goodBlocks, mapBlocks, p, ruleset, TODAY } from './helpers';

const carried = (doc: GongwenDocument) => check(doc).findings.filter((f) => f.rule === 'year.carriedOver');
/** A 2024 report whose opening paragraph is `text`. */
const opening = (text: string) => docOf([p(text), ...goodBlocks().slice(1)].map((b) => (b.type === 'heading' ? { ...b, text: b.text.replace('2024', '2025').replace('2023', '2024') } : b)), { title: '青山镇关于2024年度法治政府建设情况的报告' });

describe('year.carriedOver on sentences', () => {
  it('the 2024 template skeleton itself is clean', () => {
    expect(carried(opening('现将2024年度法治政府建设情况报告如下：'))).toEqual([]);
  });

  it.each([
    ['现将2023年度法治政府建设情况报告如下：', '现将2023年'],
    ['2023年，在市委、市政府的坚强领导下，我镇深入学习贯彻习近平法治思想。现将有关情况报告如下：', '2023年'],
    ['2023年在县委、县政府的坚强领导下，扎实推进法治政府建设。', '2023年'],
    ['2023年以来，我局坚持以习近平新时代中国特色社会主义思想为指导。', '2023年'],
    ['2023年是全面贯彻落实党的二十大精神的开局之年。', '2023年'],
    ['在县委的领导下，我镇扎实推进各项工作。现将我镇2023年法治政府建设工作情况报告如下：', '现将我镇2023年'],
    ['现就２０２３年度我局法治政府建设情况报告如下。', '现就２０２３年'],
  ])('flags %s', (text, phrase) => {
    const f = carried(opening(text));
    expect(f).toMatchObject([{ severity: 'warning', source: '实务', messageKey: 'checks.year.carriedOver', values: { found: 2023, report: 2024, phrase }, where: { block: 0 } }]);
  });

  it.each([
    '2024年，在区委、区政府的坚强领导下，我街全面推进法治政府建设。',
    '全年办理行政复议案件45件，比2023年增长12%，较2023年底新增调解组织3个。',
    '按时报告并公开2023年度法治政府建设情况，审议了2023年度法治政府建设工作报告。',
    '2023年全镇办理案件30件，2024年增至45件。',
    '认真落实《2023年度法治政府建设工作要点》和《中华人民共和国行政复议法》（2023年修订）。',
    '荣获“2023年度全省法治建设先进单位”称号，2023年3月召开专题会议。',
    '落实《法治政府建设实施纲要（2021-2025年）》，2023至2024年连续两年获评优秀。',
    '2022年，在市委的领导下。',
    '2019年以来，我镇坚持依法行政。',
  ])('leaves %s alone', (text) => {
    expect(carried(opening(text))).toEqual([]);
  });

  it('a heading is year.consistency\'s, not this rule\'s', () => {
    const doc = opening('现将有关情况报告如下：');
    const blocks = toBlocks(doc.body);
    const withOldHeading = mapBlocks(doc, (b: Block[]) => b.map((x, i) => (i === 1 && x.type === 'heading' ? { ...x, text: '2023年度推进法治政府建设的主要举措和成效' } : x)));
    expect(blocks[1]!.type).toBe('heading');
    expect(carried(withOldHeading)).toEqual([]);
    expect(check(withOldHeading).findings.map((f) => f.rule)).toContain('year.consistency');
  });

  it('the quick fix writes the report year and the warning goes', () => {
    const doc = opening('2023年，在市委的领导下，现将2023年度法治政府建设情况报告如下：');
    const found = carried(doc);
    expect(found).toHaveLength(2);
    let fixed = doc;
    for (const f of found) fixed = applyFix(fixed, carried(fixed).find((x) => x.values.phrase === f.values.phrase)!);
    expect(toBlocks(fixed.body)[0]!.text).toBe('2024年，在市委的领导下，现将2024年度法治政府建设情况报告如下：');
    expect(carried(fixed)).toEqual([]);
  });

  it('kinds without year rules (generic, 请示: checks.json years null) are not checked', () => {
    const doc = { ...opening('现将2023年度工作情况报告如下：'), kind: 'generic' };
    expect(carried(doc).length).toBe(1);
    expect(check(doc, { ruleset: ruleset('generic') }).findings.filter((f) => f.rule === 'year.carriedOver')).toEqual([]);
  });
});

const OPENINGS = path.join(FIXTURES, 'openings');
const REAL = [
  ...fs.readdirSync(OPENINGS).filter((f) => f.endsWith('.txt')).map((f) => path.join(OPENINGS, f)),
  ...['report-chengxi-2024.txt', 'report-jinlanshan-2022.txt', 'report-zhaishang-2023.txt'].map((f) => path.join(FIXTURES, f)),
];

describe('real reports in their own year', () => {
  it.each(REAL.map((f) => [path.basename(f), f]))('%s: no year.carriedOver', (_name, file) => {
    const doc = importText(fs.readFileSync(file, 'utf8'), { today: TODAY });
    expect(doc.reportYear).not.toBeNull();
    expect(carried(doc)).toEqual([]);
  });
});

const citations = (doc: GongwenDocument) => toBlocks(doc.body).flatMap((b) => [...(b.type === 'heading' ? `${b.text}${b.runIn ?? ''}` : b.type === 'table' ? '' : b.text).matchAll(/《[^《》]*》|“[^“”]*”/g)].map((m) => m[0].replace(REVIEW_MARK_PATTERN, '$1')));
const proseYears = (doc: GongwenDocument) =>
  toBlocks(doc.body).flatMap((b) => (b.type === 'paragraph' ? yearMentions(b.text, true) : b.type === 'heading' ? [...yearMentions(b.text, false), ...yearMentions(b.runIn ?? '', true)] : []).map((m) => m.year));

describe.each(['report-chengxi-2024.txt', 'report-jinlanshan-2022.txt', 'report-zhaishang-2023.txt'])('以去年报告新建 of %s', (name) => {
  const source = importText(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), { today: TODAY });
  const year = source.reportYear!;
  // zhaishang opens on 今年以来: written with the year, as many reports do, it must move as well.
  const opened = mapBlocks(source, (blocks) => blocks.map((b, i) => (b.type === 'paragraph' && i === blocks.findIndex((x) => x.type === 'paragraph') ? { ...b, text: b.text.replace(/^今年以来/, `${year}年以来`) } : b)));
  const rolled = rolloverDocument(opened).document;

  it('the new report is about the next year, title included', () => {
    expect(rolled.reportYear).toBe(year + 1);
    expect(rolled.header.title).toContain(String(year + 1));
    expect(rolled.header.title).not.toContain(String(year));
  });

  it('no mention of the old report year is left, and the plan names year + 2', () => {
    const before = proseYears(opened);
    expect(before).toContain(year);
    expect(proseYears(rolled)).not.toContain(year);
    expect(proseYears(rolled).filter((y) => y === year + 1).length).toBe(before.filter((y) => y === year).length);
    expect(proseYears(rolled).filter((y) => y === year + 2).length).toBe(before.filter((y) => y === year + 1).length);
    const rules = check(rolled).findings.map((f) => f.rule);
    expect(rules).not.toContain('year.carriedOver');
    expect(rules).not.toContain('year.consistency');
  });

  it('no citation, range or date moved', () => {
    expect(citations(rolled)).toEqual(citations(opened));
    expect(citations(opened).length).toBeGreaterThan(0);
  });

  it('one report year left behind → exactly year.carriedOver', () => {
    const baseRules = [...new Set(check(rolled).findings.map((f) => f.rule))].sort();
    const rolledBlocks = toBlocks(rolled.body);
    const openedBlocks = toBlocks(opened.body);
    const i = rolledBlocks.findIndex((b, k) => b.type === 'paragraph' && yearMentions(b.text, true).some((m) => m.year === year + 1) && yearMentions((openedBlocks[k] as { text: string }).text, true).some((m) => m.year === year));
    expect(i).toBeGreaterThanOrEqual(0);
    const left = mapBlocks(rolled, (blocks) => blocks.map((b, k) => (k === i && b.type === 'paragraph' ? { ...b, text: b.text.replace(String(year + 1), String(year)) } : b)));
    const after = [...new Set(check(left).findings.map((f) => f.rule))].sort();
    expect(baseRules).not.toContain('year.carriedOver');
    expect(after).toEqual([...baseRules, 'year.carriedOver'].sort());
  });
});

/**
 * Each rule on small documents built from blocks: what it flags, what it must not flag,
 * and the shape of what it reports.
 */
import { describe, expect, it } from 'vitest';
import { check, docOf, goodBlocks, h1, h2, p, g, redHeader, rules, ruleset } from './helpers';
import type { Block } from '../../../shared/model';

const withBlocks = (fn: (b: Block[]) => Block[], header = {}) => docOf(fn(goodBlocks()), header);

describe('a well-formed report', () => {
  it('passes with no finding, plain and red-header', () => {
    expect(check(docOf(goodBlocks())).findings).toEqual([]);
    const report = check(docOf(goodBlocks(), redHeader()));
    expect(report.findings).toEqual([]);
    expect(report.exportable).toBe(true);
    expect(report.sections).toEqual({ measures: true, shortcomings: true, reasons: true, responsibility: true, plan: true, other: false });
  });
});

describe('statutory sections', () => {
  it('a missing section is an error naming it', () => {
    const report = check(withBlocks((b) => b.slice(0, 6)));
    expect(rules(report)).toEqual(['section.plan']);
    expect(report.findings[0]).toMatchObject({ severity: 'error', messageKey: 'checks.section.plan.missing', where: { block: null } });
    expect(report.exportable).toBe(false);
  });

  it('finds sections by meaning, whatever the exact words', () => {
    for (const [measures, shortcomings, plan] of [
      ['工作开展情况', '存在的问题和不足', '工作计划'],
      ['主要工作举措及成效', '主要存在的问题', '工作思路和打算'],
      ['法治政府建设工作开展情况', '存在不足和原因', '改进措施及工作计划'],
      ['主要举措', '存在的不足', '2024年工作思路和目标举措'],
    ]) {
      const doc = withBlocks((b) => [b[0]!, h1('一、', measures!), b[2]!, b[3]!, h1('二、', shortcomings!), b[5]!, h1('三、', plan!), b[7]!]);
      const report = check(doc);
      expect(report.sections, `${measures}/${shortcomings}/${plan}`).toMatchObject({ measures: true, shortcomings: true, plan: true });
      expect(rules(report).filter((r) => r.startsWith('section.') && r !== 'section.reasons')).toEqual([]);
    }
  });

  it('目标举措 names the plan, not the measures', () => {
    const doc = withBlocks((b) => [b[0]!, h1('一、', '工作思路和目标举措'), p('一是加强法治培训，提升依法履职能力，推进全社会的依法行政。')]);
    const report = check(doc);
    expect(report.sections.plan).toBe(true);
    expect(report.sections.measures).toBe(false);
  });

  it('measures split into 工作成效 + 主要举措 count together', () => {
    const doc = withBlocks((b) => [b[0]!, h1('一、', '工作成效'), p('一是干部法治意识进一步增强，二是制度建设扎实有效。'), h1('二、', '主要举措'), b[2]!, h1('三、', '存在的不足和原因'), b[5]!, h1('四、', '2024年工作计划'), b[7]!]);
    expect(check(doc).findings).toEqual([]);
  });

  it('a section heading with nothing under it does not count: the error says it is empty', () => {
    const report = check(withBlocks((b) => [...b.slice(0, 7), g('写明下一年度的主要安排。')]));
    expect(report.findings.filter((f) => f.rule === 'section.plan')).toMatchObject([{ severity: 'error', messageKey: 'checks.section.plan.empty', where: { block: 6 } }]);
    expect(rules(report)).toEqual(['placeholder.remaining', 'section.plan']);
  });

  it('subheadings of an unnamed level-1 part are read for sections', () => {
    const doc = withBlocks((b) => [b[0]!, h1('一、', '2023年法治政府建设工作情况'), h2('（一）', '主要举措。', (b[2] as { runIn: string }).runIn), h2('（二）', '存在问题及原因。', '法治意识有待加强，原因是学习培训不够系统。'), h1('二、', '2024年工作打算'), b[7]!]);
    const report = check(doc);
    expect(report.sections).toMatchObject({ measures: true, shortcomings: true, reasons: true, plan: true, responsibility: true });
    expect(report.findings).toEqual([]);
  });

  it('a paragraph that starts with 一、 (import without heading styles) still names a section', () => {
    const doc = withBlocks((b) => [...b.slice(0, 6), p('三、2024年度推进法治政府建设的主要安排'), b[7]!]);
    expect(check(doc).sections.plan).toBe(true);
  });
});

describe('第一责任人 statement', () => {
  const measures = (sentence: string) => withBlocks((b) => [b[0]!, b[1]!, h2('（一）', '强化组织领导。', `${sentence}完善工作机制，推进依法行政。`), ...b.slice(3)]);

  it.each([
    '镇党委书记、镇长切实履行推进法治建设第一责任人职责。',
    '严格落实党政主要负责人第一责任人职责。',
    '认真贯彻落实法治政府建设第一责任人职责。',
    '党政主要负责人切实履行推进法治建设职责，带头尊法学法守法用法。',
    '街道党工委书记、办事处主任为法治建设“第一责任人”，亲自抓、负总责。',
  ])('counts %s', (sentence) => {
    expect(check(measures(sentence)).sections.responsibility).toBe(true);
  });

  it.each([
    '主要领导亲自部署重要工作。',
    '落实安全生产责任，开展隐患排查。',
    '其他负责人在分管范围内履行相关职责。',
  ])('does not count %s', (sentence) => {
    const report = check(measures(sentence));
    expect(report.sections.responsibility).toBe(false);
    expect(report.findings.find((f) => f.rule === 'section.responsibility')).toMatchObject({ severity: 'error', where: { block: 1 } });
  });

  it('a heading of its own counts', () => {
    const doc = withBlocks((b) => [b[0]!, h1('一、', '党政主要负责人履行推进法治建设第一责任人职责情况'), p('镇党委定期听取法治建设工作汇报，研究解决重大问题。'), h1('二、', '主要举措和成效'), h2('（一）', '推进依法行政。', '依法决策，规范执法，扎实推进各项工作。'), h1('三、', '存在的不足和原因'), b[5]!, h1('四、', '2024年工作计划'), b[7]!]);
    expect(check(doc).findings).toEqual([]);
  });
});

describe('section.reasons', () => {
  it('不足 without 原因 is a warning, not an error', () => {
    const doc = withBlocks((b) => [...b.slice(0, 4), h1('二、', '存在的不足'), p('一是法治意识有待加强。二是执法力量不足，专业人员缺乏。'), ...b.slice(6)]);
    const report = check(doc);
    expect(report.findings).toMatchObject([{ rule: 'section.reasons', severity: 'warning', where: { block: 4 } }]);
    expect(report.sections.reasons).toBe(false);
    expect(report.exportable).toBe(true);
  });

  it('is not raised when the 不足 part itself is missing', () => {
    const report = check(withBlocks((b) => [...b.slice(0, 4), ...b.slice(6)]));
    expect(rules(report)).toEqual(['numbering.sequence', 'section.shortcomings']);
  });
});

describe('header rules', () => {
  it('red-header mode needs issuer, 文号, 签发人 (up-going), recipient, title', () => {
    const report = check(docOf(goodBlocks(), { redHeader: true, title: '' }));
    expect(rules(report)).toEqual(['date.missing', 'header.docNumber', 'header.issuer', 'header.recipient', 'header.signer', 'header.title']);
    const header = report.findings.filter((f) => f.rule.startsWith('header.'));
    expect(header.every((f) => f.severity === 'error' && f.where.field !== null && f.where.block === null)).toBe(true);
    expect(report.findings.find((f) => f.rule === 'date.missing')).toMatchObject({ severity: 'warning', where: { field: 'date' } });
  });

  it('only the red-header version must carry a date of writing', () => {
    expect(rules(check(docOf(goodBlocks(), { redHeader: false, date: '' })))).not.toContain('date.missing');
  });

  it('a down-going document needs no 签发人; a plain report no issuer or recipient', () => {
    expect(rules(check(docOf(goodBlocks(), { ...redHeader(), signers: [], direction: 'down' })))).toEqual([]);
    expect(rules(check(docOf(goodBlocks(), { redHeader: false })))).toEqual([]);
  });

  it.each([
    ['青文【2024】3号', 'brackets', '青文〔2024〕3号'],
    ['青文[2024]3号', 'brackets', '青文〔2024〕3号'],
    ['青文（2024）3号', 'brackets', '青文〔2024〕3号'],
    ['青文(2024)3号', 'brackets', '青文〔2024〕3号'],
    ['青文〔24〕3号', 'shortYear', ''],
    ['青文〔2024〕03号', 'leadingZero', '青文〔2024〕3号'],
    ['青文〔2024〕第3号', 'di', '青文〔2024〕3号'],
    ['青文〔2024〕3', 'noHao', '青文〔2024〕3号'],
    ['2024年第三号', 'unrecognized', ''],
  ])('文号 %s → %s', (docNumber, problem, expected) => {
    const report = check(docOf(goodBlocks(), { ...redHeader(), docNumber }));
    const f = report.findings.find((x) => x.rule === 'header.docNumber');
    expect(f).toMatchObject({ severity: 'warning', messageKey: `checks.header.docNumber.${problem}`, values: { found: docNumber, expected }, where: { field: 'docNumber' } });
    expect(f!.fix === null).toBe(expected === '');
  });

  it('a 请示 goes to one recipient (qingshi ruleset) and always needs one', () => {
    const qs = ruleset('qingshi');
    const blocks = [p('为做好普法工作，拟申请专项经费5万元，用于法治宣传阵地建设。妥否，请批示。')];
    expect(rules(check(docOf(blocks, { title: '青山镇关于申请普法经费的请示' }), { ruleset: qs }))).toEqual(['header.recipient']);
    const several = check(docOf(blocks, { title: '青山镇关于申请普法经费的请示', recipient: '县司法局、县财政局' }), { ruleset: qs });
    expect(several.findings).toMatchObject([{ rule: 'header.recipient', severity: 'warning', messageKey: 'checks.header.recipient.several' }]);
  });

  it('title with trailing punctuation', () => {
    const report = check(docOf(goodBlocks(), { title: '青山镇关于2023年度法治政府建设情况的报告。' }));
    expect(report.findings).toMatchObject([{ rule: 'title.punctuation', severity: 'warning', values: { mark: '。' }, fix: { id: 'title.trimPunctuation' } }]);
    expect(rules(check(docOf(goodBlocks(), { title: '关于《青山镇法治建设规划》的报告' })))).toEqual([]);
  });
});

describe('numbering', () => {
  const level1 = (labels: string[]) =>
    docOf([
      p('现将2023年度法治政府建设情况报告如下：'),
      h1(labels[0]!, '主要举措和成效'),
      p('镇党委书记切实履行推进法治建设第一责任人职责，扎实推进依法行政各项工作，取得明显成效。'),
      h1(labels[1]!, '存在的不足和原因'),
      p('法治意识有待加强，原因是学习培训不够系统，制度执行不够严格。'),
      h1(labels[2]!, '2024年工作计划'),
      p('加强法治培训，提升依法履职能力，推进全社会依法行政。'),
    ]);

  it.each([
    [['一、', '三、', '四、'], ['gap'], [3]],
    [['二、', '三、', '四、'], ['gap'], [1]],
    [['一、', '二、', '二、'], ['repeat'], [5]],
    [['一、', '三、', '二、'], ['order', 'order'], [3, 5]],
  ])('%j → %j', (labels, kinds, blocks) => {
    const found = check(level1(labels)).findings;
    expect(found.map((f) => f.rule)).toEqual(kinds.map(() => 'numbering.sequence'));
    expect(found.map((f) => f.messageKey)).toEqual(kinds.map((k) => `checks.numbering.${k}`));
    expect(found.map((f) => f.where.block)).toEqual(blocks);
  });

  it('generated labels (null) are always right', () => {
    expect(check(level1(['一、', '二、', '三、']).body ? docOf(goodBlocks().map((b) => (b.type === 'heading' ? { ...b, label: null } : b))) : level1([])).findings).toEqual([]);
  });

  it('half-width and mixed brackets, one finding per heading, with the full-width label', () => {
    const doc = withBlocks((b) => [b[0]!, b[1]!, h2('(一)', '强化组织领导。', (b[2] as { runIn: string }).runIn), h2('（二)', '推进依法行政。', 'x'.repeat(0) + '依法决策，规范执法，扎实推进各项工作。'), ...b.slice(4)]);
    const found = check(doc).findings;
    expect(found.map((f) => [f.rule, f.messageKey, f.values.expected])).toEqual([
      ['numbering.brackets', 'checks.numbering.bracketsHalf', '（一）'],
      ['numbering.brackets', 'checks.numbering.bracketsMixed', '（二）'],
    ]);
  });

  it('label forms that do not belong to the level', () => {
    const doc = withBlocks((b) => [b[0]!, { ...(b[1] as Extract<Block, { type: 'heading' }>), label: '一.' }, ...b.slice(2)]);
    expect(check(doc).findings).toMatchObject([{ rule: 'numbering.style', messageKey: 'checks.numbering.separator', values: { expected: '一、' } }]);
    const wrong = withBlocks((b) => [b[0]!, b[1]!, { ...(b[2] as Extract<Block, { type: 'heading' }>), label: '1.' }, ...b.slice(3)]);
    expect(rules(check(wrong))).toContain('numbering.style');
  });

  it('a level-2 heading with no level-1 above is an orphan (reported once)', () => {
    const doc = docOf([p('根据工作安排，现将有关情况报告如下。'), h2('（一）', '加强学习。', '组织干部集中学法，提升法治素养。'), h2('（二）', '规范执法。', '严格执行行政执法三项制度。')]);
    const found = check(doc, { ruleset: ruleset('generic') }).findings;
    expect(found).toMatchObject([{ rule: 'numbering.orphan', severity: 'warning', where: { block: 1 } }]);
  });
});

describe('date of writing and years', () => {
  it.each([
    ['2024年1月15日', null, ''],
    ['二〇二四年一月十五日', 'chineseNumerals', '2024年1月15日'],
    ['2024-01-15', 'numericForm', '2024年1月15日'],
    ['2024/1/15', 'numericForm', '2024年1月15日'],
    ['2024年01月15日', 'leadingZero', '2024年1月15日'],
    ['2024年1月', 'noDay', ''],
    ['二〇二四年一月', 'chineseNumerals', ''],
    ['2024年2月30日', 'notADate', ''],
  ])('%s', (date, problem, expected) => {
    const report = check(docOf(goodBlocks(), { ...redHeader(), date }));
    const f = report.findings.filter((x) => x.rule === 'date.format');
    if (problem === null) expect(f).toEqual([]);
    else expect(f).toMatchObject([{ severity: 'warning', messageKey: `checks.date.${problem}`, values: { expected }, where: { field: 'date' }, fix: expected ? { id: 'date.standard' } : null }]);
    expect(rules(report).filter((r) => r !== 'date.format')).toEqual([]);
  });

  it('plan year, section year, date window, 文号 year, title year', () => {
    const planWrong = withBlocks((b) => [...b.slice(0, 6), h1('三、', '2025年度推进法治政府建设的主要安排'), b[7]!]);
    expect(check(planWrong).findings).toMatchObject([{ rule: 'year.consistency', messageKey: 'checks.year.plan', values: { found: 2025, expected: 2024 }, where: { block: 6 } }]);
    const sectionWrong = withBlocks((b) => [b[0]!, h1('一、', '2022年度推进法治政府建设的主要举措和成效'), ...b.slice(2)]);
    expect(check(sectionWrong).findings).toMatchObject([{ messageKey: 'checks.year.section', values: { found: 2022, expected: 2023 } }]);
    for (const date of ['2023年12月20日', '2024年3月31日']) expect(check(docOf(goodBlocks(), { ...redHeader(), date, docNumber: `青文〔${date.slice(0, 4)}〕3号` })).findings).toEqual([]);
    expect(check(docOf(goodBlocks(), { ...redHeader(), date: '2024年6月1日' })).findings).toMatchObject([{ messageKey: 'checks.year.writing' }]);
    expect(check(docOf(goodBlocks(), { ...redHeader(), docNumber: '青文〔2023〕3号' })).findings).toMatchObject([{ messageKey: 'checks.year.docNumberDate', values: { found: 2023, expected: 2024 } }]);
    // The 报告年度 follows the title until the user sets it: then a title of another year is flagged.
    const titled2022 = docOf(goodBlocks(), { title: '青山镇关于2022年度法治政府建设情况的报告' });
    expect(check({ ...titled2022, reportYearFixed: true }).findings).toMatchObject([{ messageKey: 'checks.year.title', values: { title: 2022, report: 2023 } }]);
    expect(check(titled2022).findings).toMatchObject([{ messageKey: 'checks.year.section', values: { found: 2023, expected: 2022 } }, { messageKey: 'checks.year.plan', values: { found: 2024, expected: 2023 } }]);
    expect(check(docOf(goodBlocks()), { today: '2022-12-01' }).findings).toMatchObject([{ messageKey: 'checks.year.future' }]);
  });
});

describe('placeholder.remaining and section.empty', () => {
  it('guidance blocks, guidance sentences and ×× marks are errors', () => {
    const guidance = '写明上一年度党政主要负责人履行推进法治建设第一责任人职责的情况。';
    const report = check(
      withBlocks((b) => [b[0]!, b[1]!, g('此处简要概述主要举措。'), b[2]!, b[3]!, p(`${guidance}已全部完成。`), ...b.slice(4), p('共办理案件××件。')]),
      { guidance: [guidance, '短'] },
    );
    expect(report.findings.filter((f) => f.rule === 'placeholder.remaining').map((f) => f.messageKey)).toEqual(['checks.placeholder.guidanceBlock', 'checks.placeholder.guidanceText', 'checks.placeholder.marker']);
    expect(report.exportable).toBe(false);
  });

  it('an empty non-statutory level-1 section is a warning', () => {
    const report = check(withBlocks((b) => [...b, h1('四、', '其他需要报告的情况'), p('无。')]));
    expect(report.findings).toMatchObject([{ rule: 'section.empty', severity: 'warning', where: { block: 8 } }]);
  });
});

describe('ruleset severity overrides', () => {
  it('an office can turn a rule off or change its severity', () => {
    const base = ruleset('fazhi-annual');
    const doc = withBlocks((b) => [...b.slice(0, 4), h1('二、', '存在的不足'), p('法治意识有待加强，执法力量不足，专业人员缺乏。'), ...b.slice(6)]);
    expect(check(doc, { ruleset: { ...base, severity: { 'section.reasons': 'off' } } }).findings).toEqual([]);
    expect(check(doc, { ruleset: { ...base, severity: { 'section.reasons': 'error' } } }).exportable).toBe(false);
  });
});

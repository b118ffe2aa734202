/**
 * Parts found by structure (issue 11): themed work headings are the year's work, a part
 * heading followed by restarted same-level numbering holds what follows, and the 第一责任人
 * statement is found by meaning, with near misses named in the message.
 */
import { describe, expect, it } from 'vitest';
import { check, docOf, h1, h2, p, rules } from './helpers';
import type { Block } from '../../../shared/model';

const FILL = '围绕年度目标任务，扎实推进依法行政各项工作，取得了明显成效，群众满意度持续提升。';
const DUTY = h2('（一）', '压实责任。', `镇党委书记、镇长切实履行推进法治建设第一责任人职责，${FILL}`);
const SHORT = [h1('二、', '存在的不足和原因'), p(`一是法治意识有待加强，原因是学习培训不够系统。${FILL}`)];
const PLAN = [h1('三、', '2024年度推进法治政府建设的主要安排'), p(FILL)];

describe('measures by structure', () => {
  it('a report of themed parts followed by 不足 and 安排 has its measures', () => {
    for (const [one, two] of [
      ['以务求实效为目标，法治政府建设再踏新征程', '聚焦关键环节，提升法治建设质效'],
      ['扛牢主体责任，夯实法治建设根基', '强化服务保障，推动法治政府建设落地落实'],
      ['党对法治政府建设的领导全面加强', '依法行政水平持续提升'],
    ]) {
      const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', one!), DUTY, h1('二、', two!), p(FILL), { ...SHORT[0]!, label: '三、' } as Block, SHORT[1]!, { ...PLAN[0]!, label: '四、' } as Block, PLAN[1]!]);
      const report = check(doc);
      expect(report.sections, one).toMatchObject({ measures: true, shortcomings: true, plan: true, responsibility: true });
      expect(rules(report), one).toEqual([]);
    }
  });

  it('themed parts after the 不足 part are not the measures; a report without any work part still misses them', () => {
    const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '存在的不足和原因'), p(`原因是学习培训不够系统。${FILL}`), h1('二、', '以务求实效为目标，持续用力'), p(FILL), h1('三、', '2024年度推进法治政府建设的主要安排'), p(FILL)]);
    expect(check(doc).sections.measures).toBe(false);
    expect(rules(check(doc))).toContain('section.measures');
  });

  it('a themed part with nothing written under it is not the measures', () => {
    const doc = docOf([h1('一、', '以务求实效为目标，持续用力'), p('略。'), ...SHORT, ...PLAN]);
    expect(check(doc).sections.measures).toBe(false);
  });

  it('a part heading followed by restarted numbering holds the restarted headings', () => {
    const doc = docOf([
      p('现将2023年度法治政府建设情况报告如下：'),
      h1('一、', '2023年法治政府建设主要措施'),
      h1('一、', '强化组织领导', `镇党委书记、镇长切实履行推进法治建设第一责任人职责，${FILL}`),
      h1('二、', '推进依法决策', FILL),
      h1('二、', '存在的不足和原因'),
      p(`一是法治意识有待加强，原因是学习培训不够系统。${FILL}`),
      h1('三、', '2024年度推进法治政府建设的主要安排'),
      p(FILL),
    ]);
    const report = check(doc);
    expect(report.sections).toMatchObject({ measures: true, shortcomings: true, plan: true, responsibility: true });
    // The part is not empty (its content is the restarted headings); the restart itself is still reported.
    expect(rules(report)).not.toContain('section.empty');
    expect(rules(report)).not.toContain('section.measures');
    expect(rules(report)).toContain('numbering.sequence');
  });

  it('the plan part names the next year: 三、2024年主要工作思路和打算 in a 2023 report is right', () => {
    const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '2023年主要工作举措及成效'), DUTY, ...SHORT, h1('三、', '2024年主要工作思路和打算'), p(FILL)]);
    const report = check(doc);
    expect(report.findings.filter((f) => f.rule === 'year.consistency')).toEqual([]);
    expect(report.sections.plan).toBe(true);
    const wrong = check(docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '2023年主要工作举措及成效'), DUTY, ...SHORT, h1('三、', '2023年主要工作思路和打算'), p(FILL)]));
    expect(wrong.findings.filter((f) => f.rule === 'year.consistency').map((f) => f.messageKey)).toEqual(['checks.year.plan']);
  });

  it('the end of a range is no year of its own: （2021－2025年） in a heading is not a wrong year', () => {
    const doc = docOf([h1('一、', '2023年贯彻落实《法治政府建设实施纲要（2021－2025年）》的主要举措'), DUTY, ...SHORT, ...PLAN]);
    expect(check(doc).findings.filter((f) => f.rule === 'year.consistency')).toEqual([]);
  });
});

describe('第一责任人 by meaning', () => {
  const withSentence = (sentence: string) => docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '2023年主要举措和成效'), h2('（一）', '加强组织领导。', `${sentence}${FILL}`), ...SHORT, ...PLAN]);

  it.each([
    '全面落实了党政一把手的抓法治的履职责任。',
    '严格落实第一责任。',
    '局党政主要负责人严格履行法治建设第一责任人职责。',
    '街道工委书记、办事处主任亲自研究部署街道法治建设中心任务。',
    '主要负责人坚持“四个亲自”，推动法治建设各项任务落实。',
    '县长多次听取法治政府建设工作汇报，亲自部署，切实解决法治政府建设重大问题。',
    '党委书记带头学习习近平法治思想，主持召开专题会议研究法治建设。',
  ])('counts %s', (sentence) => {
    expect(check(withSentence(sentence)).sections.responsibility).toBe(true);
  });

  it.each([
    ['成立由乡长任组长的法治政府建设工作领导小组，定期研究法治工作。', '乡长任组长'],
    ['法治建设实行一把手负总责。', '一把手负总责'],
    ['督促各单位主要负责人履行推进法治建设第一责任人职责。', '督促各单位'],
    ['压实各镇（街道）党政主要负责人法治建设第一责任人职责。', '压实各镇'],
    ['听取党政主要负责人履职情况汇报，制定主要负责人履职考核细则。', '听取'],
  ])('does not count %s, and says what it found', (sentence, shown) => {
    const report = check(withSentence(sentence));
    expect(report.sections.responsibility).toBe(false);
    const f = report.findings.find((x) => x.rule === 'section.responsibility');
    expect(f).toMatchObject({ severity: 'error', messageKey: 'checks.section.responsibility.nearMiss', where: { block: 2 } });
    expect(String(f!.values.found)).toContain(shown);
  });

  it('a 第一责任人 heading about other units is not the part', () => {
    const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '2023年主要举措和成效'), p(FILL), h1('二、', '压实各部门主要负责人第一责任人职责'), p(FILL), { ...SHORT[0]!, label: '三、' } as Block, SHORT[1]!, { ...PLAN[0]!, label: '四、' } as Block, PLAN[1]!]);
    expect(check(doc).sections.responsibility).toBe(false);
  });
});

describe('genre.requestInReport', () => {
  it.each(['妥否，请批示。', '以上报告，请予批准。', '特此请示。', '请审批。'])('a report that says %s is an error (条例), at its place', (ask) => {
    const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '2023年主要举措和成效'), DUTY, ...SHORT, ...PLAN, p(`建议上级拨付专项经费。${ask}`)]);
    const found = check(doc).findings.filter((f) => f.rule === 'genre.requestInReport');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', source: '条例', where: { block: 7 } });
    expect(check(doc).exportable).toBe(false);
  });

  it('an ordinary report closing (特此报告) is not a request', () => {
    const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), h1('一、', '2023年主要举措和成效'), DUTY, ...SHORT, ...PLAN, p('特此报告。')]);
    expect(rules(check(doc))).not.toContain('genre.requestInReport');
  });
});

describe('quick fix: the first part written without its number', () => {
  it('offers 设为一级标题 instead of renumbering, and the fix makes the structure right', async () => {
    const { applyFix } = await import('../../../shared/checks/engine');
    const { toBlocks } = await import('../../../shared/model');
    const doc = docOf([p('现将2023年度法治政府建设情况报告如下：'), p('法治政府建设工作开展情况'), DUTY, ...SHORT, ...PLAN]);
    const f = check(doc).findings.find((x) => x.rule === 'numbering.sequence');
    expect(f?.fix?.id).toBe('numbering.makeHeading');
    const fixed = applyFix(doc, f!);
    const blocks = toBlocks(fixed.body);
    expect(blocks[1]).toMatchObject({ type: 'heading', level: 1, label: '一、', text: '法治政府建设工作开展情况' });
    expect(blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { label: string | null }).label)).toEqual(['一、', '二、', '三、']);
    expect(rules(check(fixed))).not.toContain('numbering.sequence');
  });

  it('a real gap (一、三、) still offers renumbering', () => {
    const doc = docOf([h1('一、', '2023年主要举措和成效'), DUTY, ...SHORT.map((b, i) => (i === 0 ? ({ ...b, label: '三、' } as Block) : b)), { ...PLAN[0]!, label: '四、' } as Block, PLAN[1]!]);
    expect(check(doc).findings.find((x) => x.rule === 'numbering.sequence')?.fix?.id).toBe('numbering.renumber');
  });
});

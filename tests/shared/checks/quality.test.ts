/** Quality hints (quality.*): never blocking, each raised by what it names and silent otherwise. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model';
import { check, docOf, fixture, h1, h2, p } from './helpers';
import { aboutChars } from '../../../shared/checks/rules/quality';

const FILL = '围绕年度目标任务，扎实推进依法行政各项工作，取得了明显成效，群众满意度持续提升。';
const LEAD = '镇党委书记、镇长切实履行推进法治建设第一责任人职责，全年主持召开党委会专题研究法治工作4次，组织集体学法6次。';

function report(shortcomings: Block[], plan: Block[], lead = LEAD, measures = 6): Block[] {
  return [
    h1('一、', '2023年度推进法治政府建设的主要举措和成效'),
    h2('（一）', '强化组织领导。', lead),
    ...Array.from({ length: measures }, () => p(FILL)),
    h1('二、', '存在的不足和原因'),
    ...shortcomings,
    h1('三、', '2024年度推进法治政府建设的主要安排'),
    ...plan,
  ];
}

const quality = (blocks: Block[]) => check(docOf(blocks), { hints: true }).findings.filter((f) => f.rule.startsWith('quality.'));

const GOOD_SHORT = [
  p('一是行政执法人员业务素质参差不齐，执法程序不够规范。二是普法宣传形式单一，群众参与度不高。原因是培训不够系统，经费保障不足。'),
];
const GOOD_PLAN = [p('一是开展行政执法人员全员轮训，规范执法程序。二是创新普法宣传形式，提高群众参与度。')];

describe('quality hints', () => {
  it('a well-balanced report gets none', () => {
    expect(quality(report(GOOD_SHORT, GOOD_PLAN))).toEqual([]);
  });

  it('quality.shortcomingsToken: one token sentence', () => {
    const found = quality(report([p('一是工作还有不足。')], GOOD_PLAN, LEAD, 20));
    expect(found.map((f) => [f.rule, f.severity])).toContainEqual(['quality.shortcomingsToken', 'hint']);
    expect(found.find((f) => f.rule === 'quality.shortcomingsToken')!.values).toMatchObject({ problems: 1 });
  });

  it('quality.planAnswersShortcomings: a problem with no matching measure, at its block', () => {
    const plan = [p('一是开展行政执法人员全员轮训，规范执法程序。')];
    const found = quality(report(GOOD_SHORT, plan)).filter((f) => f.rule === 'quality.planAnswersShortcomings');
    expect(found).toHaveLength(1);
    expect(String(found[0]!.values.problem)).toContain('普法宣传形式单一');
    expect(found[0]!.severity).toBe('hint');
  });

  it('quality.responsibilityConcrete: 第一责任人 without a countable action, silent with one', () => {
    const vague = '镇党委书记切实履行推进法治建设第一责任人职责，高度重视，亲自部署。';
    expect(quality(report(GOOD_SHORT, GOOD_PLAN, vague)).map((f) => f.rule)).toEqual(['quality.responsibilityConcrete']);
    expect(quality(report(GOOD_SHORT, GOOD_PLAN, '镇党委书记履行第一责任人职责，主持召开专题会议三次，带头述法1次。'))).toEqual([]);
  });

  it('quality.length: over 5,000 body characters, a hint that says it may not bind an upward report', () => {
    const long = report(GOOD_SHORT, GOOD_PLAN, LEAD, 130);
    const found = check(docOf(long), { hints: true }).findings.filter((f) => f.rule === 'quality.length');
    expect(found).toHaveLength(1);
    expect(Number(found[0]!.values.count)).toBeGreaterThan(5000);
    expect(check(docOf(long), { hints: true }).exportable).toBe(true);
    expect(quality(report(GOOD_SHORT, GOOD_PLAN, LEAD, 100)).filter((f) => f.rule === 'quality.length')).toEqual([]);
  });

  it('quality.length says 约 N 字 to the hundred, so typing a character does not change the finding; near the limit, the exact count', () => {
    expect(aboutChars(18437, 5000)).toBe(18400);
    expect(aboutChars(18499, 5000)).toBe(18400);
    expect(aboutChars(5100, 5000)).toBe(5100);
    expect(aboutChars(5099, 5000)).toBe(5099);
    expect(aboutChars(5001, 5000)).toBe(5001);
    const counted = (blocks: Block[]) => check(docOf(blocks), { hints: true }).findings.find((f) => f.rule === 'quality.length')!.values.count;
    const base = counted(report(GOOD_SHORT, GOOD_PLAN, LEAD, 130));
    expect(Number(base) % 100).toBe(0);
    expect(counted(report(GOOD_SHORT, GOOD_PLAN, LEAD + '一', 130))).toBe(base);
  });

  it('hints never block: a report with hints only is exportable', () => {
    const r = check(docOf(report([p('工作还有差距。')], [p('继续努力。')], '书记履行第一责任人职责。', 3)), { hints: true });
    expect(r.counts.hint).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.rule.startsWith('quality.')).every((f) => f.severity === 'hint')).toBe(true);
  });

  it('the sample reports: the 城西 不足 part is one sentence (2 %) and gets the token hint; 金兰山 gets none', () => {
    expect(check(fixture('report-chengxi-2024.txt'), { hints: true }).findings.map((f) => f.rule)).toContain('quality.shortcomingsToken');
    expect(check(fixture('report-jinlanshan-2022.txt'), { hints: true }).findings.filter((f) => f.rule.startsWith('quality.'))).toEqual([]);
  });
});

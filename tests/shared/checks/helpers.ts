/** Shared by the checks tests: rulesets from templates/, fixture documents, block-built documents. */
import fs from 'node:fs';
import path from 'node:path';
import { emptyHeader, fromBlocks, SCHEMA_VERSION, toBlocks, type Block, type GongwenDocument, type ReportHeader } from '../../../shared/model';
import { parseRuleset, type CheckRuleset } from '../../../shared/checks/ruleset';
import { runChecks } from '../../../shared/checks/engine';
import type { CheckReport } from '../../../shared/checks/types';
import { importText } from '../../../shared/import/text';

export const REPO = path.resolve(__dirname, '../../..');
export const FIXTURES = path.resolve(REPO, '../shared/fixtures');
export const TODAY = '2025-03-01';

export function ruleset(kind: 'fazhi-annual' | 'generic' | 'qingshi'): CheckRuleset {
  return parseRuleset(JSON.parse(fs.readFileSync(path.join(REPO, 'templates', kind, 'checks.json'), 'utf8')));
}

export const FAZHI = ruleset('fazhi-annual');

export function fixture(name: string): GongwenDocument {
  return importText(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), { today: TODAY });
}

/**
 * The engine's report; the quality hints (quality.*, never blocking, tested in quality.test.ts)
 * are left out unless `hints` is set, so the other tests can say "exactly these findings".
 */
export function check(doc: GongwenDocument, options: { ruleset?: CheckRuleset; guidance?: string[]; today?: string; hints?: boolean } = {}): CheckReport {
  const report = runChecks(doc, { today: options.today ?? TODAY, ruleset: options.ruleset ?? FAZHI, guidanceTexts: options.guidance ?? [] });
  if (options.hints) return report;
  const findings = report.findings.filter((f) => !f.rule.startsWith('quality.'));
  return { ...report, findings, counts: { ...report.counts, hint: findings.filter((f) => f.severity === 'hint').length } };
}

export function rules(report: CheckReport): string[] {
  return [...new Set(report.findings.map((f) => f.rule))].sort();
}

export const h1 = (label: string | null, text: string, runIn: string | null = null): Block => ({ type: 'heading', level: 1, label, text, runIn });
export const h2 = (label: string | null, text: string, runIn: string | null = null): Block => ({ type: 'heading', level: 2, label, text, runIn });
export const p = (text: string): Block => ({ type: 'paragraph', text });
export const g = (text: string): Block => ({ type: 'guidance', text });

const FILL = '围绕年度目标任务，扎实推进依法行政各项工作，取得了明显成效，群众满意度持续提升。';

/** A minimal well-formed 2023 annual report: the four statutory parts, a 第一责任人 sentence, a plain header. */
export function goodBlocks(): Block[] {
  return [
    p('现将2023年度法治政府建设情况报告如下：'),
    h1('一、', '2023年度推进法治政府建设的主要举措和成效'),
    h2('（一）', '强化组织领导。', `镇党委书记、镇长切实履行推进法治建设第一责任人职责，${FILL}`),
    h2('（二）', '推进依法行政。', FILL),
    h1('二、', '存在的不足和原因'),
    p(`一是法治意识有待加强，原因是学习培训不够系统。${FILL}`),
    h1('三、', '2024年度推进法治政府建设的主要安排'),
    p(FILL),
  ];
}

export function docOf(blocks: Block[], header: Partial<ReportHeader> = {}, reportYear: number | null = 2023): GongwenDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fazhi-annual',
    reportYear,
    header: { ...emptyHeader(), redHeader: false, title: '××镇关于2023年度法治政府建设情况的报告'.replace('××镇', '青山镇'), ...header },
    body: fromBlocks(blocks),
  };
}

export function redHeader(): Partial<ReportHeader> {
  return { redHeader: true, issuerLines: ['中共青山镇委员会文件'], docNumber: '青文〔2024〕3号', signers: ['王明'], recipient: '县委、县政府', date: '2024年1月15日' };
}

export function mapBlocks(doc: GongwenDocument, fn: (blocks: Block[]) => Block[]): GongwenDocument {
  return { ...doc, body: fromBlocks(fn(toBlocks(doc.body))) };
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../shared/import/text';
import { rolloverDocument } from '../../../shared/model/rollover';
import { kindRulesFrom, runChecks } from '../../../shared/checks';

const TEMPLATES = path.resolve(__dirname, '../../../templates');
const FIXTURE = path.resolve(__dirname, '../../../../shared/fixtures/report-zhaishang-2023.txt');
const readJson = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8'));

describe('figures marked for review by 以去年报告新建', () => {
  it('block the export until each one is looked at', () => {
    const rules = kindRulesFrom('fazhi-annual', readJson(path.join(TEMPLATES, 'fazhi-annual/template.json')), readJson(path.join(TEMPLATES, 'fazhi-annual/checks.json')));
    const ctx = { today: '2025-01-20', ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts };
    const original = importText(fs.readFileSync(FIXTURE, 'utf8'));
    expect(runChecks(original, ctx).findings.filter((f) => f.rule === 'placeholder.remaining')).toEqual([]);
    const { document, figuresMarked } = rolloverDocument(original);
    expect(figuresMarked).toBeGreaterThan(0);
    const flagged = runChecks(document, { ...ctx, today: '2025-01-20' }).findings.filter((f) => f.rule === 'placeholder.remaining');
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('the 第一责任人 part of a new report', () => {
  it('is missing while only its heading is there', () => {
    const rules = kindRulesFrom('fazhi-annual', readJson(path.join(TEMPLATES, 'fazhi-annual/template.json')), readJson(path.join(TEMPLATES, 'fazhi-annual/checks.json')));
    const doc = importText('关于2024年度法治政府建设情况的报告\n县委、县政府：\n一、2024年度推进法治政府建设的主要举措和成效\n全年组织学法活动十二次，审查行政规范性文件八件，化解矛盾纠纷三十余起。\n二、存在的不足和原因\n执法人员力量不足，原因是编制紧张、培训不够深入。\n三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n四、2025年度推进法治政府建设的主要安排\n继续加强执法队伍建设，完善合法性审查机制，全年开展培训四次以上。\n');
    const findings = runChecks(doc, { today: '2025-01-20', ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts }).findings;
    expect(findings.find((f) => f.rule === 'section.responsibility')?.severity).toBe('error');
  });
});

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

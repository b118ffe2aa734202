/**
 * The screen shows a live report only when it reads differently from the one shown: the worker
 * sends fresh objects for every check, and an identical report must not re-render the screen
 * (a second frame per key). A changed finding is shown at once; 检查 (set) always shows, and a
 * later live report is compared with what 检查 showed, never with an older live one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindRulesFrom, runChecks, type CheckReport } from '../../../shared/checks';
import { importText } from '../../../shared/import/text';
import { createReportSink } from '../../../renderer/features/checks/use-checks';
import { sameReport, sameValue } from '../../../renderer/features/checks/same-report';

const REPO = path.resolve(__dirname, '../../..');
const RULES = kindRulesFrom(
  'fazhi-annual',
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'template.json'), 'utf8')),
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'checks.json'), 'utf8')),
);
const DOC = importText(fs.readFileSync(path.join(REPO, '../shared/fixtures', 'report-jinlanshan-2022.txt'), 'utf8'), { today: '2025-03-01' });
const check = (doc = DOC): CheckReport => runChecks(doc, { today: '2025-03-01', ruleset: RULES.ruleset, guidanceTexts: RULES.guidanceTexts });

describe('same report', () => {
  it('compares by value, not identity', () => {
    const a = check();
    expect(a.findings.length).toBeGreaterThan(3);
    expect(sameReport(a, structuredClone(a))).toBe(true);
    expect(sameReport(null, a)).toBe(false);
    const moved = structuredClone(a);
    moved.findings[0]!.where.start = (moved.findings[0]!.where.start ?? 0) + 1;
    expect(sameReport(a, moved)).toBe(false);
    const fewer = structuredClone(a);
    fewer.findings.pop();
    expect(sameReport(a, fewer)).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});

describe('report sink', () => {
  it('drops a live report that reads the same, shows one that changed', () => {
    const shown: CheckReport[] = [];
    const sink = createReportSink((r) => shown.push(r));
    const first = check();
    expect(sink.offer(first)).toBe(true);
    expect(sink.offer(structuredClone(first))).toBe(false);
    expect(shown).toEqual([first]);
    // Typing that changes a finding: the panel gets the new report (never stale).
    const edited = structuredClone(DOC);
    edited.header.title = '';
    const changed = check(edited);
    expect(sameReport(first, changed)).toBe(false);
    expect(sink.offer(changed)).toBe(true);
    expect(shown[shown.length - 1]).toBe(changed);
  });

  it('compares a live report with what 检查 showed last', () => {
    const shown: CheckReport[] = [];
    const sink = createReportSink((r) => shown.push(r));
    const first = check();
    sink.offer(first);
    const edited = structuredClone(DOC);
    edited.header.title = '';
    const fresh = check(edited);
    sink.set(fresh);
    // The live check then reports the first document's findings again (the title typed back).
    expect(sink.offer(structuredClone(first))).toBe(true);
    expect(shown.map((r) => r.findings.length)).toEqual([first.findings.length, fresh.findings.length, first.findings.length]);
    // 检查 shows even a report that reads the same.
    sink.set(structuredClone(first));
    expect(shown).toHaveLength(4);
  });
});

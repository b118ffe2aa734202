/**
 * The check panel with hundreds of findings: a live report that reads the same as the last
 * one does not render (nor translate) its rows again, a finding that changed does, and a row
 * kept from an older report still jumps with the handler of the latest render.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n';
import { groupFindings, kindRulesFrom, runChecks, type CheckReport, type Finding } from '../../../shared/checks';
import { importText } from '../../../shared/import/text';
import { CheckPanel, sameFinding } from '../../../renderer/features/checks/CheckPanel';

const REPO = path.resolve(__dirname, '../../..');
const RULES = kindRulesFrom(
  'fazhi-annual',
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'template.json'), 'utf8')),
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'checks.json'), 'utf8')),
);
const fixture = (name: string) => fs.readFileSync(path.join(REPO, '../shared/fixtures', name), 'utf8');
// Three reports one after another: a long document with many findings.
const DOC = importText(['report-jinlanshan-2022.txt', 'report-chengxi-2024.txt', 'report-zhaishang-2023.txt'].map(fixture).join('\n'), { today: '2025-03-01' });
const REPORT: CheckReport = runChecks(DOC, { today: '2025-03-01', ruleset: RULES.ruleset, guidanceTexts: RULES.guidanceTexts });

describe('check panel', () => {
  it('has many findings to show (the premise of the test)', () => {
    expect(REPORT.findings.length).toBeGreaterThan(20);
  });

  it('re-renders no row for a report that reads the same, and the changed row only', () => {
    const i18n = createI18n('zh-CN');
    const onJump = vi.fn();
    const onFix = vi.fn();
    const view = (report: CheckReport) => (
      <I18nextProvider i18n={i18n}>
        <CheckPanel report={report} onJump={onJump} onFix={onFix} />
      </I18nextProvider>
    );
    const { rerender, container } = render(view(REPORT));
    const rows = container.querySelectorAll('li.finding').length;
    // One row per group: repeated findings of a rule share a row (shared/checks/group.ts).
    const groups = (['error', 'warning', 'hint'] as const).flatMap((s) => groupFindings(REPORT.findings.filter((f) => f.severity === s)));
    expect(rows).toBe(groups.length);
    expect(rows).toBeGreaterThan(5);
    const t = vi.spyOn(i18n, 't');
    rerender(view(structuredClone(REPORT)));
    // The panel's own title, summary and group headings only: fewer than one call a row.
    expect(t.mock.calls.length).toBeLessThan(10);
    expect(t.mock.calls.length).toBeLessThan(rows);

    // One finding changed (another snippet): that row shows it, the others are left alone.
    const changed = structuredClone(REPORT);
    const alone = groups.find((g) => g.findings.length === 1 && g.findings[0]!.where.excerpt)!;
    const target = changed.findings[REPORT.findings.indexOf(alone.findings[0]!)] as Finding;
    target.where.excerpt = '一段不同的原文';
    t.mockClear();
    rerender(view(changed));
    expect(screen.getByText('一段不同的原文')).toBeTruthy();
    expect(t.mock.calls.length).toBeLessThan(20);
  });

  it('a kept row calls the handlers of the latest render', () => {
    const i18n = createI18n('zh-CN');
    const first = vi.fn();
    const second = vi.fn();
    const view = (report: CheckReport, onJump: (f: Finding) => void) => (
      <I18nextProvider i18n={i18n}>
        <CheckPanel report={report} onJump={onJump} onFix={() => {}} />
      </I18nextProvider>
    );
    const { rerender, container } = render(view(REPORT, first));
    rerender(view(structuredClone(REPORT), second));
    fireEvent.click(container.querySelector('li.finding button.finding-text')!);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('a group of repeated findings opens onto its places; a place jumps to its own finding', () => {
    const i18n = createI18n('zh-CN');
    const onJump = vi.fn();
    const doc = importText(`${fixture('report-chengxi-2024.txt')}\n共组织学法××次，覆盖××人。\n办理复议案件××件。\n`, { today: '2025-03-01' });
    const report = runChecks(doc, { today: '2025-03-01', ruleset: RULES.ruleset, guidanceTexts: RULES.guidanceTexts });
    const { container } = render(
      <I18nextProvider i18n={i18n}>
        <CheckPanel report={report} onJump={onJump} onFix={() => {}} />
      </I18nextProvider>,
    );
    const row = container.querySelector('li.finding[data-rule="placeholder.remaining"]')!;
    const head = row.querySelector('button.finding-text')!;
    expect(head.textContent).toBe('文中还有待填写的占位符（3处）');
    expect(row.querySelectorAll('.finding-places-item')).toHaveLength(0);
    fireEvent.click(head);
    const places = row.querySelectorAll('button.finding-place-go');
    expect([...places].map((b) => b.textContent)).toEqual(report.findings.filter((f) => f.rule === 'placeholder.remaining').map((f) => f.where.excerpt));
    fireEvent.click(places[1]!);
    expect(onJump).toHaveBeenCalledWith(report.findings.filter((f) => f.rule === 'placeholder.remaining')[1]);
    expect(onJump.mock.calls[0]![0].where).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
  });

  it('compares findings by what they show', () => {
    const f = REPORT.findings[0]!;
    expect(sameFinding(f, structuredClone(f))).toBe(true);
    expect(sameFinding(f, { ...f, values: { ...f.values, extra: 1 } })).toBe(false);
    expect(sameFinding(f, { ...f, where: { ...f.where, block: (f.where.block ?? 0) + 1 } })).toBe(false);
    expect(sameFinding(f, { ...f, messageKey: `${f.messageKey}x` })).toBe(false);
    // The same message at a moved place is another row: a kept row would select the old offsets.
    expect(sameFinding(f, { ...f, where: { ...f.where, start: (f.where.start ?? 0) + 1 } })).toBe(false);
  });
  it('shortens a long quote of where a finding is to 40 characters and an ellipsis, the whole text as its tooltip', () => {
    const i18n = createI18n('zh-CN');
    const changed = structuredClone(REPORT);
    const alone = (['error', 'warning', 'hint'] as const)
      .flatMap((s) => groupFindings(REPORT.findings.filter((f) => f.severity === s)))
      .find((g) => g.findings.length === 1 && g.findings[0]!.where.excerpt)!;
    const target = changed.findings[REPORT.findings.indexOf(alone.findings[0]!)] as Finding;
    // The 40th character is outside the BMP: it is kept whole, not cut in half.
    const long = '依法行政'.repeat(9) + '依法行' + '𠀀' + '结尾'.repeat(5);
    target.where.excerpt = long;
    const { container } = render(
      <I18nextProvider i18n={i18n}>
        <CheckPanel report={changed} onJump={vi.fn()} onFix={vi.fn()} />
      </I18nextProvider>,
    );
    const quote = [...container.querySelectorAll('q.finding-where')].find((q) => q.getAttribute('title') === long)!;
    expect(quote).toBeTruthy();
    expect(Array.from(quote.textContent!)).toHaveLength(41);
    expect(quote.textContent!.endsWith('…')).toBe(true);
    expect(quote.textContent).toBe(`${Array.from(long).slice(0, 40).join('')}…`);
    expect(quote.textContent).toContain('𠀀');
    // A short one is shown whole, without a tooltip.
    const short = [...container.querySelectorAll('q.finding-where')].find((q) => !q.hasAttribute('title'))!;
    expect(short.textContent!.endsWith('…')).toBe(false);
  });
});

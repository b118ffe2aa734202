/**
 * Rule sources: every rule states its basis, and only 规定/条例/国标 rules or rules that
 * mark the document unfinished may block export, whatever a checks.json asks.
 */
import { describe, expect, it } from 'vitest';
import { RULES, RULE_BASIS, RULE_IDS } from '../../../shared/checks/engine';
import { RULE_SOURCES } from '../../../shared/checks/sources';
import { parseRuleset } from '../../../shared/checks/ruleset';
import { check, docOf, FAZHI, goodBlocks, h1, p } from './helpers';

describe('rule sources', () => {
  it('every id a rule file raises has exactly one basis', () => {
    for (const rule of RULES) expect(Object.keys(rule.basis).sort(), rule.ids.join(',')).toEqual([...rule.ids].sort());
    for (const id of RULE_IDS) expect(RULE_SOURCES).toContain(RULE_BASIS[id]!.source);
  });

  it('every finding carries its rule’s source', () => {
    const doc = docOf([...goodBlocks().slice(0, 4), p('这里还有××待填写的内容。')], { title: '青山镇2023年度法治政府建设情况报告。' });
    const report = check(doc);
    expect(report.findings.length).toBeGreaterThan(2);
    for (const f of report.findings) expect(f.source, f.rule).toBe(RULE_BASIS[f.rule]!.source);
    expect(report.findings.find((f) => f.rule === 'section.shortcomings')?.source).toBe('规定');
    expect(report.findings.find((f) => f.rule === 'title.punctuation')?.source).toBe('实务');
  });

  it('a 实务 rule stays a warning even when checks.json makes it an error; unfinished and 规定 rules may block', () => {
    const strict = parseRuleset({ ...FAZHI, severity: { ...FAZHI.severity, 'title.punctuation': 'error', 'section.empty': 'error' } });
    const doc = docOf([...goodBlocks(), h1('四、', '其他需要报告的情况'), p('××')], { title: '青山镇2023年度法治政府建设情况报告。' });
    const report = check(doc, { ruleset: strict });
    const severity = (rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => f.severity);
    expect(severity('title.punctuation')).toEqual(['warning']);
    expect(severity('section.empty')).toEqual(['warning']);
    expect(severity('placeholder.remaining')).toEqual(['error']);
    for (const f of report.findings.filter((x) => x.severity === 'error')) {
      expect(RULE_BASIS[f.rule]!.source !== '实务' || RULE_BASIS[f.rule]!.unfinished, f.rule).toBeTruthy();
    }
  });
});

describe('README lists the rules with their sources', () => {
  it('every rule id appears on a README line that names its basis', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8').split('\n');
    for (const [id, basis] of Object.entries(RULE_BASIS)) {
      expect(readme.some((line) => line.includes(`\`${id}\``) && line.includes(basis.source)), id).toBe(true);
    }
  });
});

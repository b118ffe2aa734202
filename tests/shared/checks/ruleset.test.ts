/** The checks.json of every template parses, and bad rulesets are refused with a readable reason. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleset, RulesetError } from '../../../shared/checks/ruleset';
import { REPO } from './helpers';

describe('templates/*/checks.json', () => {
  for (const kind of ['fazhi-annual', 'generic', 'qingshi']) {
    it(`${kind} parses and names its kind`, () => {
      const json = JSON.parse(fs.readFileSync(path.join(REPO, 'templates', kind, 'checks.json'), 'utf8'));
      expect(parseRuleset(json).kind).toBe(kind);
    });
  }

  it('fazhi-annual requires the four statutory parts, errors, and lists the leader roles of the brief', () => {
    const rs = parseRuleset(JSON.parse(fs.readFileSync(path.join(REPO, 'templates/fazhi-annual/checks.json'), 'utf8')));
    expect(rs.sections.filter((s) => s.required).map((s) => [s.id, s.severity]).sort()).toEqual([
      ['measures', 'error'],
      ['plan', 'error'],
      ['responsibility', 'error'],
      ['shortcomings', 'error'],
    ]);
    for (const leader of ['党政主要负责人', '党委书记', '党工委书记', '镇长', '乡长', '街道主任', '办事处主任', '主要领导', '主要负责人']) {
      expect(rs.responsibility!.leaders).toContain(leader);
    }
    expect(rs.reasons).toMatchObject({ severity: 'warning' });
  });

  it("reads the older severity name 'info' as 'hint' (提示)", () => {
    const rs = parseRuleset({ kind: 'x', version: 1, reasons: { keywords: ['原因'], severity: 'info' }, severity: { 'section.reasons': 'info' } });
    expect(rs.reasons!.severity).toBe('hint');
    expect(rs.severity['section.reasons']).toBe('hint');
  });

  it.each([
    [null, '(root)'],
    [{ kind: 'x', version: 2 }, 'version'],
    [{ kind: 'x', version: 1, sections: [{ id: 'nope', required: true, titleKeywords: [] }] }, 'sections.0.id'],
    [{ kind: 'x', version: 1, sections: [{ id: 'plan', required: true, titleKeywords: ['a'] }, { id: 'plan', required: true, titleKeywords: ['b'] }] }, 'listed twice'],
    [{ kind: 'x', version: 1, severity: { 'section.plan': 'fatal' } }, 'severity'],
  ])('refuses %j', (json, mention) => {
    expect(() => parseRuleset(json)).toThrow(RulesetError);
    expect(() => parseRuleset(json)).toThrow(mention);
  });
});

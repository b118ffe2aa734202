/** A report freshly made from a template is not exportable until written; a written one passes. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../../shared/templates/template-schema';
import { guidanceTexts, instantiateTemplate } from '../../../shared/templates/instantiate';
import { check, REPO, rules, ruleset } from './helpers';

for (const kind of ['fazhi-annual', 'generic', 'qingshi'] as const) {
  const file = path.join(REPO, 'templates', kind, 'template.json');
  describe.skipIf(!fs.existsSync(file))(`template ${kind}`, () => {
    it('a blank instance is blocked by placeholder.remaining (and, for the annual report, the empty statutory parts)', () => {
      const template = templateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
      const doc = instantiateTemplate(template, '2025-02-10');
      const report = check(doc, { ruleset: ruleset(kind), guidance: guidanceTexts(template) });
      expect(report.exportable).toBe(false);
      expect(rules(report)).toContain('placeholder.remaining');
      if (kind === 'fazhi-annual') {
        expect(rules(report)).toEqual(expect.arrayContaining(['section.measures', 'section.shortcomings', 'section.plan']));
        expect(report.findings.find((f) => f.rule === 'section.measures')?.messageKey).toBe('checks.section.measures.empty');
      }
    });
  });
}

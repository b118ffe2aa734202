/**
 * The package's templates validated when the CLI is built (prevalidated-templates.ts): every
 * bundled template and checks.json passes the schemas, a file with exactly the prevalidated text
 * is not validated again, and a file with any other text is validated as always.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prevalidateTemplates } from '../../../electron/services/prevalidated-templates';
import { TemplateError, createTemplateService } from '../../../electron/services/template-service';
import { createKindRulesLoader } from '../../../electron/services/kind-rules-loader';
import { parseRuleset } from '../../../shared/checks/ruleset';
import { templateSchema } from '../../../shared/templates/template-schema';

const REAL = path.resolve(__dirname, '../../../templates');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gw-prevalidated-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('prevalidated templates', () => {
  const { templates, problems } = prevalidateTemplates(REAL);

  it('covers every template folder of the package, and every one passes the schemas', () => {
    expect(problems).toEqual([]);
    const folders = readdirSync(REAL).filter((id) => existsSync(path.join(REAL, id, 'template.json')));
    expect(Object.keys(templates).sort()).toEqual(folders.sort());
    for (const [id, entry] of Object.entries(templates)) {
      // the embedded data is what the schemas make of the embedded text
      expect(entry.templateText).toBe(readFileSync(path.join(REAL, id, 'template.json'), 'utf8'));
      expect(entry.template).toEqual(templateSchema.parse(JSON.parse(entry.templateText)));
      expect(entry.checksText).not.toBeNull();
      expect(entry.ruleset).toEqual(parseRuleset(JSON.parse(entry.checksText!)));
    }
  });

  it('a file with exactly the prevalidated text is taken as it was validated (not parsed again)', () => {
    // Marked data under the real text: the service hands the marked data back, so it did not parse the file.
    const marked = structuredClone(templates);
    marked['fazhi-annual']!.template.name['zh-CN'] = '（预先校验）';
    marked['fazhi-annual']!.ruleset!.requestPhrases = ['（预先校验）'];
    const loaded = createTemplateService(REAL, { prevalidated: marked }).get('fazhi-annual');
    expect(loaded.template.name['zh-CN']).toBe('（预先校验）');
    expect(loaded.ruleset?.requestPhrases).toEqual(['（预先校验）']);
    // each caller gets its own copy
    loaded.template.name['zh-CN'] = 'changed';
    expect(marked['fazhi-annual']!.template.name['zh-CN']).toBe('（预先校验）');
    // and the check input made from it equals the one made by validating the files
    const fromFiles = createKindRulesLoader(createTemplateService(REAL))('fazhi-annual');
    const fromPrevalidated = createKindRulesLoader(createTemplateService(REAL, { prevalidated: templates }))('fazhi-annual');
    expect(fromPrevalidated).toEqual(fromFiles);
  });

  it('an edited file is validated again: a broken template.json or checks.json is reported, never replaced by the embedded data', () => {
    const dir = path.join(tmp, 'edited');
    cpSync(REAL, dir, { recursive: true });
    const service = createTemplateService(dir, { prevalidated: templates });
    // template.json: one placeholder misspelt
    const templateFile = path.join(dir, 'qingshi', 'template.json');
    writeFileSync(templateFile, readFileSync(templateFile, 'utf8').replace('{{issuer}}', '{{isuser}}'));
    expect(() => service.get('qingshi')).toThrow(TemplateError);
    expect(() => service.get('qingshi')).toThrow(/isuser/);
    // checks.json: a severity no rule knows, and a valid edit
    const checksFile = path.join(dir, 'fazhi-annual', 'checks.json');
    const checks = JSON.parse(readFileSync(checksFile, 'utf8')) as { requestPhrases?: string[]; severity?: Record<string, string> };
    writeFileSync(checksFile, JSON.stringify({ ...checks, severity: { 'section.measures': 'loud' } }));
    const broken = service.get('fazhi-annual');
    expect(broken.ruleset).toBeUndefined();
    expect(() => createKindRulesLoader(service)('fazhi-annual')).not.toThrow(); // the loader falls back to the generic rules…
    expect(createKindRulesLoader(service)('fazhi-annual').ruleset.kind).toBe('generic'); // …as it did before prevalidation
    writeFileSync(checksFile, JSON.stringify({ ...checks, requestPhrases: ['请审定'] }));
    expect(createKindRulesLoader(service)('fazhi-annual').ruleset.requestPhrases).toEqual(['请审定']);
    // a byte order mark or a trailing newline is a different text too: validated, same result
    writeFileSync(templateFile, `\ufeff${readFileSync(path.join(REAL, 'qingshi', 'template.json'), 'utf8')}`);
    expect(service.get('qingshi').template).toEqual(templates.qingshi!.template);
  });
});

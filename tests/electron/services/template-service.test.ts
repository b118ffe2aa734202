/**
 * The template service on the real templates/ folder, and on a temp folder holding a
 * broken template, a template with a bad checks.json and an attempt at path traversal.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TemplateError, createTemplateService } from '../../../electron/services/template-service';
import { documentSchema } from '../../../shared/ipc/schemas';

const REAL = path.resolve(__dirname, '../../../templates');

describe('template service on templates/', () => {
  const service = createTemplateService(REAL);

  it('lists the standard templates, the annual report first, in both languages', () => {
    const list = service.list();
    expect(list.map((t) => t.id).slice(0, 3)).toEqual(['fazhi-annual', 'generic', 'qingshi']);
    for (const t of list) {
      expect(t.name['zh-CN']).toBeTruthy();
      expect(t.name['en-US']).toBeTruthy();
      expect(t.description['zh-CN']).toBeTruthy();
    }
    expect(service.problems()).toEqual([]);
  });

  it('gets a template with its checks.json when there is one', () => {
    const { template, checks } = service.get('fazhi-annual');
    expect(template.kind).toBe('fazhi-annual');
    // checks.json belongs to the checks; the service hands it over parsed, unvalidated.
    expect(checks === null || typeof checks === 'object').toBe(true);
  });

  it('instantiates by id', () => {
    const doc = service.instantiate('fazhi-annual', '2026-02-10');
    expect(doc.reportYear).toBe(2025);
    expect(documentSchema.safeParse(doc).success).toBe(true);
  });

  it('refuses ids that are not plain names, before touching the file system', () => {
    for (const id of ['../templates/generic', '..', 'generic/../qingshi', '/etc', 'Generic', 'a b', '', 'x'.repeat(41)]) {
      expect(() => service.get(id), id).toThrow(TemplateError);
      try {
        service.get(id);
      } catch (error) {
        expect((error as TemplateError).code).toBe('template-bad-id');
      }
    }
  });

  it('says when a template does not exist', () => {
    expect(() => service.get('no-such-template')).toThrow(expect.objectContaining({ code: 'template-not-found', messageKey: 'templates.errors.notFound' }));
  });
});

describe('template service on a folder with broken templates', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-templates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(REAL, 'generic'), path.join(dir, 'generic'), { recursive: true });
  const write = (id: string, file: string, text: string) => {
    mkdirSync(path.join(dir, id), { recursive: true });
    writeFileSync(path.join(dir, id, file), text);
  };
  write('broken-json', 'template.json', '{ "id": "broken-json", ');
  write('bad-field', 'template.json', JSON.stringify({ id: 'bad-field', version: 1, name: { 'zh-CN': '坏', 'en-US': 'Bad' }, description: { 'zh-CN': '坏', 'en-US': 'Bad' }, kind: 'generic', yearRule: 'current', header: { direction: 'sideways', redHeader: true, withSeal: true, recipient: '××' }, title: '{{yaer}}报告', blocks: [{ type: 'guidance', text: '写明。' }] }));
  write('wrong-id', 'template.json', JSON.stringify({ ...JSON.parse(JSON.stringify(createTemplateService(REAL).get('generic').template)), id: 'other' }));
  write('bad-checks', 'template.json', JSON.stringify({ ...createTemplateService(REAL).get('generic').template, id: 'bad-checks' }));
  write('bad-checks', 'checks.json', 'not json');
  write('not-a-template', 'readme.txt', 'no template.json here');
  const service = createTemplateService(dir);

  it('lists only the valid templates and reports the others with the field at fault', () => {
    expect(service.list().map((t) => t.id)).toEqual(['bad-checks', 'generic']);
    const problems = Object.fromEntries(service.problems().map((p) => [p.id, p.details.join(' | ')]));
    expect(Object.keys(problems).sort()).toEqual(['bad-field', 'broken-json', 'wrong-id']);
    expect(problems['broken-json']).toMatch(/not valid JSON/);
    expect(problems['bad-field']).toMatch(/header\.direction/);
    expect(problems['bad-field']).toMatch(/title: unknown placeholder \{\{yaer\}\}/);
    expect(problems['wrong-id']).toMatch(/does not match the folder name/);
  });

  it('fails clearly when a broken template is asked for', () => {
    try {
      service.get('bad-field');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const e = error as TemplateError;
      expect(e.code).toBe('template-invalid');
      expect(e.messageKey).toBe('templates.errors.invalid');
      expect(e.values).toEqual({ id: 'bad-field', file: 'template.json' });
      expect(e.message).toMatch(/header\.direction/);
    }
    expect(() => service.get('bad-checks')).toThrow(/checks\.json|not valid JSON/);
  });

  it('gives an empty list for a folder that does not exist', () => {
    expect(createTemplateService(path.join(dir, 'missing')).list()).toEqual([]);
  });
});

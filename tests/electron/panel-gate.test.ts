/**
 * Panel and gate agree: the renderer's live panel runs the engine with the rules it gets
 * through the contract (`checks:rules`), the Node side gates with its own resolution —
 * for every template kind and for a kind without a template, the two reports are equal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/api';
import { wireServices } from '../../electron/services/wire';
import { checkNow } from '../../renderer/features/checks/use-checks';
import type { KindRules } from '../../shared/checks';
import type { GongwenDocument } from '../../shared/model';
import { importText } from '../../shared/import/text';
import { localIsoDate } from '../../shared/model/today';

const TEMPLATES = path.resolve(__dirname, '../../templates');
const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const today = () => localIsoDate(new Date());

describe('panel and gate resolve the same rules', () => {
  const wired = wireServices({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gw-pg-')), templatesDir: TEMPLATES, shell: 'preview', version: 't' });
  const call = <T>(channel: string, payload?: unknown) => dispatch(wired.handlers, channel, payload) as Promise<{ ok: true; value: T }>;
  const kinds = fs.readdirSync(TEMPLATES).filter((d) => fs.existsSync(path.join(TEMPLATES, d, 'template.json')));
  const fixtureDocs = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).slice(0, 4).map((f) => importText(fs.readFileSync(path.join(FIXTURES, f), 'utf8'), { today: today() }));

  it('finds the templates', () => expect(kinds.length).toBeGreaterThanOrEqual(3));

  for (const kind of [...kinds, 'no-such-kind']) {
    it(`kind ${kind}: same findings, and 0 errors in the panel means the gate lets it through`, async () => {
      const templateId = kinds.includes(kind) ? kind : kinds[0]!;
      const made = await call<GongwenDocument>('templates:instantiate', { templateId, today: today() });
      expect(made.ok).toBe(true);
      const docs: GongwenDocument[] = [made.value, ...fixtureDocs].map((d) => ({ ...d, kind }));
      const rules = await call<KindRules>('checks:rules', { kind });
      expect(rules.ok).toBe(true);
      for (const doc of docs) {
        const panel = checkNow(doc, rules.value);
        const gate = wired.check(doc);
        expect(panel.findings.map((f) => [f.rule, f.severity])).toEqual(gate.findings.map((f) => [f.rule, f.severity]));
        const exported = await call('export:run', { document: doc, format: 'docx', variant: 'official', acceptWarnings: true, draftId: null });
        expect(exported.ok, `${kind}: panel shows ${panel.counts.error} errors`).toBe(panel.counts.error === 0);
      }
    });
  }
});

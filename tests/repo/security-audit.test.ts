/**
 * The security audit's own gates: the ESLint rules catch each dangerous pattern (so a clean
 * audit means something), and the Electronegativity CSV and the accepted-findings table of
 * docs/security.md are read correctly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { acceptedFindings, parseElectronegativityCsv } from '../../scripts/audit-security.mjs';

const REPO = path.resolve(__dirname, '../..');

async function lint(code: string, file = 'electron/main/zz-sample.ts'): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.message);
}

describe('ESLint security rules', () => {
  it('refuse dangerous webPreferences, in every form', async () => {
    expect(await lint("const p = { nodeIntegration: true }; new BrowserWindow({ webPreferences: p });")).toHaveLength(1);
    expect(await lint('new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });')).toHaveLength(1);
    expect(await lint('new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: true } });')).toHaveLength(1);
    expect(await lint('new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, webviewTag: flag } });')).toHaveLength(1);
    expect(await lint("new BrowserWindow({ webPreferences: { preload: 'p.cjs' } });")).toHaveLength(1);
    expect(await lint('new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, ...more } });')).toHaveLength(1);
    expect(await lint("new BrowserWindow({ webPreferences: { preload: 'p.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false } });")).toEqual([]);
  });

  it('refuse openExternal with a computed address, loadURL, a foreign loadFile, eval, new Function, markup', async () => {
    expect(await lint('shell.openExternal(url);')).toHaveLength(1);
    expect(await lint("shell.openExternal('https://example.org/help');")).toEqual([]);
    expect(await lint("win.loadURL('https://example.org');")).toHaveLength(1);
    expect(await lint("win.loadFile('other.html');")).toHaveLength(1);
    expect(await lint('win.loadFile(rendererIndex);')).toEqual([]);
    expect((await lint("eval('1');")).length).toBeGreaterThan(0);
    expect((await lint("const f = new Function('return 1');")).length).toBeGreaterThan(0);
    expect(await lint('el.innerHTML = html;', 'renderer/zz-sample.ts')).toHaveLength(1);
    expect(await lint('export const A = () => <div dangerouslySetInnerHTML={{ __html: x }} />;', 'renderer/zz-sample.tsx')).toHaveLength(1);
  });

  it('cannot be switched off from inside the code', async () => {
    expect(await lint("// eslint-disable-next-line no-restricted-syntax\nwin.loadURL('https://example.org');")).toHaveLength(1);
  });
});

describe('reading Electronegativity and docs/security.md', () => {
  it('reads CSV rows whose code sample holds commas and quotes', () => {
    const csv = [
      'issue, severity, confidence, filename, location, sample, description, url',
      `SANDBOX_JS_CHECK,"MEDIUM","FIRM","electron/main/main.ts","32:15",w = new BrowserWindow(o(path.join(a, 'b'), t("x")));,"Use sandbox for untrusted origins",https://example.org/wiki`,
      'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected",https://example.org/wiki',
    ].join('\n');
    expect(parseElectronegativityCsv(csv)).toMatchObject([
      { check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'electron/main/main.ts', location: '32:15' },
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A' },
    ]);
    expect(() => parseElectronegativityCsv('header\nnot a row')).toThrow(/cannot read/);
  });

  it('every accepted finding in docs/security.md names a check, a file that exists and a reason', () => {
    const accepted = acceptedFindings(fs.readFileSync(path.join(REPO, 'docs', 'security.md'), 'utf8')) as { check: string; file: string; reason: string }[];
    expect(accepted.length).toBeGreaterThan(0);
    for (const a of accepted) {
      expect(fs.existsSync(path.join(REPO, a.file)), a.file).toBe(true);
      expect(a.reason.length, a.check).toBeGreaterThan(40);
    }
  });
});

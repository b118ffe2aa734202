/** The built CLI (dist/cli.cjs, from scripts/build-node.mjs) run as a real process; skipped until it is built. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const DIST = path.join(REPO, 'dist/cli.cjs');
const FIXTURES = path.resolve(REPO, '../shared/fixtures');

describe.skipIf(!fs.existsSync(DIST))('node dist/cli.cjs', () => {
  it('checks a fixture as JSON from another folder, exit 0', () => {
    const r = spawnSync(process.execPath, [DIST, 'check', path.join(FIXTURES, 'report-jinlanshan-2022.txt'), '--json'], { cwd: path.dirname(REPO), encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'fazhi-annual', sections: { reasons: false, responsibility: true } });
  });

  it('V8 code cache beside the bundles: written after a run, used by the next, a damaged one refused and made again', () => {
    const cacheDir = path.join(REPO, 'dist', '.cache');
    const mine = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => /^cli-calendar\.cjs-.*\.v8cache$/.test(f)) : []);
    for (const f of mine()) fs.rmSync(path.join(cacheDir, f));
    const run = () => spawnSync(process.execPath, [DIST, 'calendar', '--level', '县级部门', '--year', '2026', '--json'], { cwd: REPO, encoding: 'utf8' });
    const first = run();
    expect(first.status).toBe(0);
    expect(mine()).toHaveLength(1);
    const file = path.join(cacheDir, mine()[0]!);
    // used as it is: the next run does not write it again
    const past = Math.floor(Date.now() / 1000) - 3600; // whole seconds: no rounding on the way through utimes
    fs.utimesSync(file, past, past);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    expect(Math.round(fs.statSync(file).mtimeMs / 1000)).toBe(past);
    // damaged: V8 refuses it, the command runs all the same and the cache is made again
    fs.writeFileSync(file, 'not a code cache');
    const third = run();
    expect(third.status).toBe(0);
    expect(third.stderr).toBe('');
    expect(third.stdout).toBe(first.stdout);
    expect(fs.readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it("export keeps the title's word starts beside the code cache: the same .docx with it, without it and with a damaged one", () => {
    const cacheDir = path.join(REPO, 'dist', '.cache');
    const mine = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.startsWith('word-starts-')) : []);
    for (const f of mine()) fs.rmSync(path.join(cacheDir, f));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cli-words-'));
    try {
      const exportTo = (name: string) => {
        const r = spawnSync(process.execPath, [DIST, 'export', path.join(FIXTURES, 'report-jinlanshan-2022.txt'), '--out', path.join(dir, name)], { cwd: dir, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        return fs.readFileSync(path.join(dir, name));
      };
      const cold = exportTo('a.docx');
      expect(mine()).toHaveLength(1);
      const file = path.join(cacheDir, mine()[0]!);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).entries.length).toBeGreaterThan(0);
      expect(exportTo('b.docx').equals(cold)).toBe(true);
      fs.writeFileSync(file, '{"entries":[["damaged"');
      expect(exportTo('c.docx').equals(cold)).toBe(true);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).entries.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bin/gongwen.cjs runs the same bundle; a missing file → exit 2, one line', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/gongwen.cjs'), 'check', 'does-not-exist.txt'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the per-command bundles: a .docx goes through the import worker beside them, export writes one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cli-dist-'));
    try {
      const out = path.join(dir, 'r.docx');
      const e = spawnSync(process.execPath, [DIST, 'export', path.join(FIXTURES, 'report-zhaishang-2023.txt'), '--out', out], { cwd: dir, encoding: 'utf8' });
      expect(e.stderr).toBe('');
      expect(e.status).toBe(0);
      const c = spawnSync(process.execPath, [DIST, 'check', out, '--json'], { cwd: dir, encoding: 'utf8' });
      expect(c.stderr).toBe('');
      expect(JSON.parse(c.stdout)).toMatchObject({ kind: 'fazhi-annual' });
      // the dispatcher itself carries neither the checks nor the .docx writer
      expect(fs.statSync(DIST).size).toBeLessThan(300_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a .txt check or export loads only its own bundle: no jszip, mammoth, import worker, nor the draft schemas', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cli-dist-'));
    try {
      // A preload that lists every require() the process makes (start-up: issue 15).
      const spy = path.join(dir, 'spy.cjs');
      fs.writeFileSync(spy, `const M = require('node:module'); const seen = []; const load = M._load; M._load = function (r, ...a) { seen.push(r); return load.call(this, r, ...a); }; process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'seen.json'))}, JSON.stringify(seen)));`);
      const report = path.join(FIXTURES, 'report-zhaishang-2023.txt');
      for (const args of [['check', report], ['export', report, '--out', path.join(dir, 'r.docx')]]) {
        const r = spawnSync(process.execPath, ['-r', spy, DIST, ...args], { cwd: dir, encoding: 'utf8' });
        expect(r.status).toBe(0);
        const seen = JSON.parse(fs.readFileSync(path.join(dir, 'seen.json'), 'utf8')) as string[];
        expect(seen.filter((m) => /jszip|mammoth|import-worker|word-extractor|pdfjs/.test(m))).toEqual([]);
      }
      // Node's own modules: a .txt check builds no stdout stream (net, streams), no worker, no fs.promises
      // and zod is not even evaluated (the package's templates are prevalidated; zod-on-first-use.ts)
      const nodeModules = path.join(dir, 'node-modules.cjs');
      fs.writeFileSync(nodeModules, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'loaded.json'))}, JSON.stringify({ modules: process.moduleLoadList, zod: '__zod_globalRegistry' in globalThis })));`);
      const c = spawnSync(process.execPath, ['-r', nodeModules, DIST, 'check', report], { cwd: dir, encoding: 'utf8' });
      expect(c.status).toBe(0);
      expect(c.stdout).toContain('report-zhaishang-2023.txt');
      const loaded = JSON.parse(fs.readFileSync(path.join(dir, 'loaded.json'), 'utf8')) as { modules: string[]; zod: boolean };
      expect(loaded.modules.filter((m) => /^NativeModule (net|stream|worker_threads|internal\/fs\/promises)$/.test(m))).toEqual([]);
      expect(loaded.zod).toBe(false);
      const e = spawnSync(process.execPath, ['-r', nodeModules, DIST, 'export', report, '--out', path.join(dir, 'z.docx')], { cwd: dir, encoding: 'utf8' });
      expect(e.status).toBe(0);
      expect((JSON.parse(fs.readFileSync(path.join(dir, 'loaded.json'), 'utf8')) as { zod: boolean }).zod).toBe(false);
      for (const bundle of ['cli-check.cjs', 'cli-export.cjs']) {
        const code = fs.readFileSync(path.join(REPO, 'dist', bundle), 'utf8');
        // the draft format's and the approvals' schemas: built in the worker only (when a .gwdraft comes in)
        expect(code).not.toContain('not a draft id');
        expect(code).not.toContain('not a time');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the package templates are embedded prevalidated; an edited templates/ file is read and validated again', () => {
    // A copy of the package (package.json, the bundles, templates/) whose checks.json an office edits.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cli-dist-'));
    try {
      fs.copyFileSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
      fs.mkdirSync(path.join(dir, 'dist'));
      for (const f of fs.readdirSync(path.join(REPO, 'dist')).filter((f) => f.endsWith('.cjs'))) fs.copyFileSync(path.join(REPO, 'dist', f), path.join(dir, 'dist', f));
      fs.cpSync(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true });
      expect(fs.readFileSync(path.join(dir, 'dist', 'cli-check.cjs'), 'utf8')).toContain('templateText');
      const checked = () => {
        const r = spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.cjs'), 'check', path.join(FIXTURES, 'report-zhaishang-2023.txt'), '--json'], { cwd: dir, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        return JSON.parse(r.stdout) as { findings: { rule: string }[]; sections: Record<string, boolean> };
      };
      const rules = () => checked().findings.map((f) => f.rule);
      const sections = checked().sections;
      expect(rules()).toContain('quality.responsibilityConcrete');
      const checksFile = path.join(dir, 'templates', 'fazhi-annual', 'checks.json');
      const checks = JSON.parse(fs.readFileSync(checksFile, 'utf8')) as { severity?: Record<string, string> };
      fs.writeFileSync(checksFile, JSON.stringify({ ...checks, severity: { ...checks.severity, 'quality.responsibilityConcrete': 'off' } }));
      expect(rules()).not.toContain('quality.responsibilityConcrete');
      // an edit zod refuses (zod loaded on first use for it): the kind falls back to the generic rules, as in the app
      fs.writeFileSync(checksFile, JSON.stringify({ ...checks, severity: { 'quality.responsibilityConcrete': 'loud' } }));
      const generic = checked();
      expect(generic.findings.map((f) => f.rule).filter((r) => r.startsWith('quality.'))).toEqual([]);
      expect(generic.sections).not.toEqual(sections);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pdf.js is a bundle apart from the import worker: a .docx worker does not compile it, a PDF job hands it over', () => {
    const worker = fs.readFileSync(path.join(REPO, 'dist/import-worker.cjs'), 'utf8');
    const pdf = fs.readFileSync(path.join(REPO, 'dist/import-pdf.cjs'), 'utf8');
    // the Chinese CMaps and pdf.js's own worker handler live in the PDF bundle only
    for (const marker of ['UniGB-UCS2-H', 'WorkerMessageHandler']) {
      expect(worker).not.toContain(marker);
      expect(pdf).toContain(marker);
    }
    expect(worker.length).toBeLessThan(1_000_000);
    if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) return; // no LibreOffice to make a PDF
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cli-dist-'));
    try {
      fs.copyFileSync(path.join(FIXTURES, 'report-chengxi-2024.txt'), path.join(dir, 'report.txt'));
      spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.txt')], { stdio: 'ignore', timeout: 120_000 });
      const docx = path.join(dir, 'report.docx');
      expect(spawnSync(process.execPath, [DIST, 'export', path.join(dir, 'report.txt'), '--out', docx], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
      // one process, a .docx then a PDF then a damaged PDF: the one worker gets pdf.js with the first PDF job
      fs.writeFileSync(path.join(dir, 'bad.pdf'), '%PDF-1.4 not really');
      const c = spawnSync(process.execPath, [DIST, 'check', docx, path.join(dir, 'report.pdf'), path.join(dir, 'bad.pdf'), '--json'], { cwd: dir, encoding: 'utf8' });
      const json = JSON.parse(c.stdout) as { file: string; kind: string }[];
      expect(json.map((j) => [path.basename(j.file), j.kind])).toEqual([
        ['report.docx', 'fazhi-annual'],
        ['report.pdf', 'fazhi-annual'],
      ]);
      // the damaged PDF: its own clear line (an ImportError from the PDF bundle keeps its code), not an internal error
      expect(c.stderr.trim().split('\n')).toHaveLength(1);
      expect(c.stderr).toContain('bad.pdf');
      expect(c.stderr).not.toMatch(/internal|内部|worker/i);
      expect(c.status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExportService, writeFileAtomic, ExportWriteError } from '../../../electron/services/export-service';
import { safeFileName } from '../../../electron/services/file-names';
import { emptyHeader, SCHEMA_VERSION, type GongwenDocument } from '../../../shared/model/document';
import { fromBlocks } from '../../../shared/model/lexical-json';
import zhCN from '../../../shared/i18n/locales/zh-CN.json';
import enUS from '../../../shared/i18n/locales/en-US.json';

const doc: GongwenDocument = {
  schemaVersion: SCHEMA_VERSION,
  kind: 'generic',
  reportYear: 2024,
  header: { ...emptyHeader(), title: '关于2024年度法治政府建设情况的报告' },
  body: fromBlocks([{ type: 'paragraph', text: '正文。' }]),
};
const BYTES = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gw-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const clean = () => ({ errors: [], warnings: [] });

describe('safeFileName', () => {
  it('keeps a normal Chinese title', () => {
    expect(safeFileName('关于2024年度法治政府建设情况的报告', '2025-01-05')).toBe('关于2024年度法治政府建设情况的报告');
  });
  it('avoids Windows reserved names', () => {
    for (const n of ['con', 'CON', 'nul', 'com1', 'LPT9', 'aux.txt']) {
      const safe = safeFileName(n, '2025-01-05');
      expect(safe.toLowerCase().replace(/\..*$/, '')).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
      expect(safe.length).toBeGreaterThan(0);
    }
  });
  it('replaces reserved characters with _', () => {
    const s = safeFileName('a/b:c*?', '2025-01-05');
    expect(s).not.toMatch(/[<>:"/\\|?*]/);
    expect(s.startsWith('a_b_c')).toBe(true);
  });
  it('truncates a 200-character Chinese title to 80 characters', () => {
    const s = safeFileName('法'.repeat(200), '2025-01-05');
    expect([...s].length).toBeLessThanOrEqual(80);
    expect(s.startsWith('法法法')).toBe(true);
  });
  it('falls back to 报告_yyyyMMdd for empty or unusable titles', () => {
    expect(safeFileName('', '2025-01-05')).toBe('报告_20250105');
    expect(safeFileName('   ', '2025-01-05')).toBe('报告_20250105');
    expect(safeFileName('///', '2025-01-05')).toBe('报告_20250105');
    expect(safeFileName('...', '2025-01-05')).toBe('报告_20250105');
  });
  it('strips trailing dots and spaces and joins a multi-line title', () => {
    expect(safeFileName('报告. . ', '2025-01-05')).toBe('报告');
    expect(safeFileName('关于\n年度报告', '2025-01-05')).toBe('关于年度报告');
  });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temp file', async () => {
    const target = path.join(dir, 'a.docx');
    await writeFileAtomic(target, BYTES);
    expect(new Uint8Array(readFileSync(target))).toEqual(BYTES);
    expect(readdirSync(dir)).toEqual(['a.docx']);
  });
  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'a.docx');
    writeFileSync(target, 'old contents that are longer than the new ones');
    await writeFileAtomic(target, BYTES);
    expect(new Uint8Array(readFileSync(target))).toEqual(BYTES);
  });
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a write into a read-only folder, leaving nothing behind', async () => {
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    try {
      await expect(writeFileAtomic(path.join(ro, 'a.docx'), BYTES, { timeoutMs: 200 })).rejects.toBeInstanceOf(ExportWriteError);
      expect(readdirSync(ro)).toEqual([]);
    } finally {
      chmodSync(ro, 0o700);
    }
  });
});

describe('createExportService', () => {
  it('writes the built file and returns its path', async () => {
    const build = vi.fn(async () => BYTES);
    const service = createExportService({ buildDocx: build, gate: clean });
    const outPath = path.join(dir, 'r.docx');
    const r = await service.exportDocx(doc, { variant: 'public', outPath, overwrite: false, acceptWarnings: false });
    expect(r).toEqual({ ok: true, value: { path: outPath, fileName: 'r.docx', bytes: BYTES.length, warnings: 0 } });
    expect(build).toHaveBeenCalledWith(doc, { variant: 'public' });
    expect(new Uint8Array(readFileSync(outPath))).toEqual(BYTES);
  });

  it('refuses when the gate has errors (export-blocked, details = messages) and writes nothing', async () => {
    const build = vi.fn(async () => BYTES);
    const service = createExportService({ buildDocx: build, gate: () => ({ errors: ['缺少第一责任人履职情况'], warnings: ['w'] }) });
    const r = await service.exportDocx(doc, { variant: 'official', outPath: path.join(dir, 'r.docx'), overwrite: true, acceptWarnings: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('export-blocked');
      expect(r.error.messageKey).toBe('export.errors.blocked');
      expect(r.error.details).toEqual(['缺少第一责任人履职情况']);
    }
    expect(build).not.toHaveBeenCalled();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses warnings unless accepted', async () => {
    const service = createExportService({ buildDocx: async () => BYTES, gate: () => ({ errors: [], warnings: ['日期晚于报送期限'] }) });
    const outPath = path.join(dir, 'r.docx');
    const refused = await service.exportDocx(doc, { variant: 'official', outPath, overwrite: false, acceptWarnings: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('export-needs-confirmation');
      expect(refused.error.details).toEqual(['日期晚于报送期限']);
    }
    expect(existsSync(outPath)).toBe(false);
    const accepted = await service.exportDocx(doc, { variant: 'official', outPath, overwrite: false, acceptWarnings: true });
    expect(accepted.ok && accepted.value.warnings).toBe(1);
  });

  it('refuses to overwrite an existing file unless asked', async () => {
    const outPath = path.join(dir, 'r.docx');
    writeFileSync(outPath, 'keep me');
    const service = createExportService({ buildDocx: async () => BYTES, gate: clean });
    const refused = await service.exportDocx(doc, { variant: 'official', outPath, overwrite: false, acceptWarnings: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'file-exists', messageKey: 'export.errors.fileExists', values: { fileName: 'r.docx' } });
    expect(readFileSync(outPath, 'utf8')).toBe('keep me');
    const done = await service.exportDocx(doc, { variant: 'official', outPath, overwrite: true, acceptWarnings: false });
    expect(done.ok).toBe(true);
    expect(new Uint8Array(readFileSync(outPath))).toEqual(BYTES);
  });

  it('leaves no partial file (and an existing file untouched) when the build throws', async () => {
    const outPath = path.join(dir, 'r.docx');
    const service = createExportService({
      buildDocx: async () => {
        throw new Error('boom');
      },
      gate: clean,
    });
    const r = await service.exportDocx(doc, { variant: 'official', outPath, overwrite: true, acceptWarnings: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('export-build-failed');
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(outPath, 'old');
    await service.exportDocx(doc, { variant: 'official', outPath, overwrite: true, acceptWarnings: false });
    expect(readFileSync(outPath, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['r.docx']);
  });

  it('maps a locked target (EBUSY/EPERM that outlasts the retries) to file-locked', async () => {
    vi.resetModules();
    vi.doMock('../../../electron/services/durable-write', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../../electron/services/durable-write')>()),
      writeFileDurable: async () => {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      },
    }));
    const mod = await import('../../../electron/services/export-service');
    const outPath = path.join(dir, 'r.docx');
    writeFileSync(outPath, 'open in Word');
    const service = mod.createExportService({ buildDocx: async () => BYTES, gate: clean, writeTimeoutMs: 10 });
    const r = await service.exportDocx(doc, { variant: 'official', outPath, overwrite: true, acceptWarnings: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'file-locked', messageKey: 'export.errors.fileLocked' });
    expect(readFileSync(outPath, 'utf8')).toBe('open in Word');
    vi.doUnmock('../../../electron/services/durable-write');
  });
});

describe('export i18n keys', () => {
  it('every message key the service uses exists in both languages', () => {
    const keys = ['blocked', 'needsConfirmation', 'fileExists', 'fileLocked', 'buildFailed', 'writeFailed', 'diskFull', 'readOnly', 'isDirectory', 'noFolder'];
    for (const res of [zhCN, enUS] as Record<string, any>[]) {
      for (const k of keys) expect(typeof res.export.errors[k]).toBe('string');
    }
    const flat = (o: Record<string, unknown>, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));
    expect(flat((zhCN as any).export).sort()).toEqual(flat((enUS as any).export).sort());
  });
});

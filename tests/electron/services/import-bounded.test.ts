/**
 * Probe 2 of issue 15: a small file that inflates to hundreds of MB, or nests without end,
 * must be refused with "文件过大…" — by a counter while inflating (not from the zip header),
 * depth/element caps, and a worker with memory and time limits — and whoever called carries
 * on: the other files of `gongwen check`, the event loop of the preview backend / app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileBounded } from '../../../electron/services/import-bounded';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, checkJsonBounds, checkXmlBounds, type ImportLimits } from '../../../electron/services/import-limits';
import { ImportError } from '../../../electron/services/import-service';
import { runCli, type CliIo } from '../../../electron/cli';
import { buildDocx } from '../../../shared/docx/build';
import { createI18n } from '../../../shared/i18n';
import { FIXTURES, importRefusal, makeDocument } from './helpers';

const REPO = path.resolve(__dirname, '../../..');
const zh = createI18n('zh-CN');
let dir: string;
let goodDocx: Uint8Array;
let bomb: Uint8Array;

/** A real .docx whose document.xml is replaced by `xml` (optionally lying about its size in the headers). */
async function docxWith(xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(goodDocx);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Overwrite the "uncompressed size" of every entry over 10 MB, local headers and central directory, with `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 30 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const at = sig === 0x04034b50 ? i + 22 : sig === 0x02014b50 ? i + 24 : -1;
    if (at > 0 && view.getUint32(at, true) > 10_000_000) view.setUint32(at, size, true);
  }
  return out;
}

const BODY_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const BODY_CLOSE = '</w:body></w:document>';

const isRefused = importRefusal;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bounded-'));
  goodDocx = await buildDocx(makeDocument(), { variant: 'official' });
  // 100 MB of valid WordprocessingML in a ~200 KB file (the probe used 200–400 MB)
  const para = '<w:p><w:r><w:t>法治政府建设</w:t></w:r></w:p>';
  bomb = await docxWith(BODY_OPEN + para.repeat(Math.ceil((100 * 1024 * 1024) / para.length)) + BODY_CLOSE);
  fs.writeFileSync(path.join(dir, 'bomb.docx'), bomb);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('linear bounds checks', () => {
  const limits = { maxDepth: 50, maxElements: 1_000 };
  it('XML: depth and element count, self-closing tags, quoted ">" and comments counted right', () => {
    expect(() => checkXmlBounds('<a>'.repeat(50) + '</a>'.repeat(50), limits)).not.toThrow();
    expect(() => checkXmlBounds('<a>'.repeat(51), limits)).toThrow(ImportLimitError);
    expect(() => checkXmlBounds(`<r>${'<b x="1>2"/>'.repeat(999)}</r>`, limits)).not.toThrow();
    expect(() => checkXmlBounds(`<r>${'<b/>'.repeat(1_000)}</r>`, limits)).toThrow(/elements/);
    expect(() => checkXmlBounds(`<?xml version="1.0"?><!-- <a><a><a> --><![CDATA[<a><a>]]><r/>`, { maxDepth: 1, maxElements: 1 })).not.toThrow();
  });
  it('JSON: depth and count, brackets inside strings ignored', () => {
    expect(() => checkJsonBounds('['.repeat(50) + ']'.repeat(50), limits)).not.toThrow();
    expect(() => checkJsonBounds('['.repeat(51) + ']'.repeat(51), limits)).toThrow(/depth/);
    expect(() => checkJsonBounds(JSON.stringify({ t: '[[[[{{{{\\"['.repeat(100) }), limits)).not.toThrow();
  });
});

describe('importFileBounded', () => {
  it('imports a real .docx, .txt and .gwdraft as before', async () => {
    expect((await importFileBounded('a.docx', goodDocx, '2025-03-01')).header.title).toContain('金兰山街道');
    const text = fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'));
    expect((await importFileBounded('a.txt', text, '2025-03-01')).body).toBeTruthy();
    expect((await importFileBounded('a.gwdraft', Buffer.from(JSON.stringify(makeDocument())), '2025-03-01')).header.docNumber).toBe('金文〔2023〕5号');
  });

  it('a zip bomb (100 MB document.xml in ~200 KB) → 文件过大, stopped while inflating', async () => {
    expect(bomb.length).toBeLessThan(2_000_000);
    const error = await isRefused(importFileBounded('bomb.docx', bomb, '2025-03-01'));
    expect(error.code).toBe('over-limit');
    expect(error.messageKey).toBe('import.errors.overLimit.inflated');
    expect(zh.t(error.messageKey, error.values)).toBe(`文件“bomb.docx”过大：解压后超过 ${DEFAULT_IMPORT_LIMITS.maxEntryBytes / 1024 / 1024} MB，不像一篇报告，未导入。`);
  });

  it('the same bomb renamed .txt is still bounded (a small .txt is read on the calling thread, but not one whose bytes are a zip)', async () => {
    const error = await isRefused(importFileBounded('bomb.txt', bomb, '2025-03-01'));
    expect(error.code).toBe('over-limit');
    expect(error.messageKey).toBe('import.errors.overLimit.inflated');
  });

  it('headers that claim tiny sizes change nothing: the count is of the bytes inflated', async () => {
    const error = await isRefused(importFileBounded('liar.docx', lieAboutSizes(bomb, 1_000), '2025-03-01'));
    expect(error.messageKey).toBe('import.errors.overLimit.inflated');
    // and a damaged entry is "not a valid .docx", not a crash
    const damaged = new Uint8Array(goodDocx);
    for (let i = 200; i < damaged.length - 400; i += 97) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    expect((await isRefused(importFileBounded('damaged.docx', damaged, '2025-03-01'))).code).toMatch(/not-docx|empty/);
  });

  it('a document nested 100 000 deep → 嵌套超过…层 (no "Maximum call stack size exceeded")', async () => {
    const deep = await docxWith(BODY_OPEN + '<w:sdt><w:sdtContent>'.repeat(100_000) + BODY_CLOSE);
    const error = await isRefused(importFileBounded('deep.docx', deep, '2025-03-01'));
    expect(error.messageKey).toBe('import.errors.overLimit.depth');
    const deepJson = Buffer.from(`{"body":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect((await isRefused(importFileBounded('deep.gwdraft', deepJson, '2025-03-01'))).messageKey).toBe('import.errors.overLimit.depth');
  });

  it('memory and time limits of the worker', async () => {
    const text = Buffer.from(fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8').repeat(300));
    const tight: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxMemoryMb: 8 };
    const error = await isRefused(importFileBounded('big.txt', text, '2025-03-01', tight));
    expect(error.messageKey).toBe('import.errors.overLimit.memory');
    const slow: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxTimeMs: 1 };
    expect((await isRefused(importFileBounded('a.docx', goodDocx, '2025-03-01', slow))).messageKey).toBe('import.errors.overLimit.time');
    expect(zh.t('import.errors.overLimit.time', { name: 'a.docx', value: 60 })).toContain('过大或过于复杂');
  });

  it('the caller’s event loop keeps running while a bomb is refused (the preview answers other requests)', async () => {
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const pending = importFileBounded('bomb.docx', bomb, '2025-03-01').catch((e: unknown) => e);
    await new Promise((r) => setImmediate(r));
    const before = ticks;
    await pending;
    running = false;
    // inflating 64 MB takes hundreds of milliseconds; in-thread, not one tick would have run
    expect(ticks - before).toBeGreaterThan(20);
  });
});

describe('gongwen check with a bomb among the files', () => {
  it('the bomb gets 文件过大, the other files are still checked, exit 2', async () => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, cwd: dir, env: {}, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
    const code = await runCli(['check', 'bomb.docx', path.join(FIXTURES, 'report-zhaishang-2023.txt')], io);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`文件“bomb.docx”过大：解压后超过 ${DEFAULT_IMPORT_LIMITS.maxEntryBytes / 1024 / 1024} MB，不像一篇报告，未导入。`);
    expect(stdout).toContain('report-zhaishang-2023.txt');
  });
});

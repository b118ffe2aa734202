/**
 * Probe 8 of issue 15: offices' real files — last year's report as a Word 97–2003 .doc, a WPS
 * .wps, or the published PDF — come in through the bounded worker and the plain-text import.
 * The files are made here: a fixture report → our .docx → LibreOffice → .doc / PDF / encrypted
 * PDF; a scan is a PDF of page images (the LibreOffice PDF rasterised by pdftoppm). Damaged and
 * hostile variants (truncated, bytes changed, a looping sector chain) are refused with a clear
 * reason, never a crash or a hang; fast-check runs seeded (tests/fuzz-seed.ts).
 *
 * .wps: WPS Office writes .wps in the Word binary format (an OLE file with a WordDocument
 * stream). Nothing on this machine writes a .wps (LibreOffice only reads Works' .wps), so the
 * .wps cases are the LibreOffice .doc under a .wps name — the format WPS writes, not a file
 * WPS wrote.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileBounded } from '../../../electron/services/import-bounded';
import { ImportError, importTextBytes } from '../../../electron/services/import-service';
import { runCli, type CliIo } from '../../../electron/cli';
import { buildDocx } from '../../../shared/docx/build';
import { toBlocks } from '../../../shared/model/lexical-json';
import type { GongwenDocument } from '../../../shared/model/document';
import { FIXTURES, importRefusal } from './helpers';

const TODAY = '2024-01-10';
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const hasPdftoppm = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;
let dir: string;
const made: Record<'doc' | 'pdf' | 'encrypted' | 'scan', Uint8Array> = {} as never;
let reference: GongwenDocument;

function soffice(src: string, filter: string, outdir: string): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', filter, '--outdir', outdir, src], { stdio: 'pipe', timeout: 180_000 });
}

/** A PDF whose pages are only images (8-bit grey, Flate): what a scanner writes. */
function imagePdf(pages: { width: number; height: number; pixels: Uint8Array }[]): Uint8Array {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body) && objects.length;
  const kids: number[] = [];
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // Pages, filled in below
  for (const page of pages) {
    const data = deflateSync(page.pixels);
    const image = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
    const content = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** pdftoppm -gray writes PGM (P5): header, then one byte a pixel. */
function readPgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const bytes = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: new Uint8Array(bytes.subarray(header[0].length)) };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-formats-'));
  reference = importTextBytes('r.txt', fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt')), TODAY);
  if (!hasSoffice) return;
  const docx = path.join(dir, 'report.docx');
  fs.writeFileSync(docx, await buildDocx(reference, { variant: 'official' }));
  soffice(docx, 'doc', dir);
  soffice(docx, 'pdf', dir);
  const enc = path.join(dir, 'enc');
  soffice(docx, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}', enc);
  made.doc = fs.readFileSync(path.join(dir, 'report.doc'));
  made.pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
  made.encrypted = fs.readFileSync(path.join(enc, 'report.pdf'));
  if (hasPdftoppm) {
    execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '2', path.join(dir, 'report.pdf'), path.join(dir, 'scan')]);
    const pgms = fs.readdirSync(dir).filter((f) => /^scan.*\.pgm$/.test(f)).sort();
    made.scan = imagePdf(pgms.map((f) => readPgm(path.join(dir, f))));
  }
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const refusal = importRefusal;

const texts = (doc: GongwenDocument) => toBlocks(doc.body).map((b) => (b.type === 'heading' ? `${b.label ?? ''}${b.text}` : b.text));

/** What every reader of the report must get from it: title, the statutory headings, the text of paragraphs. */
function expectSameReport(doc: GongwenDocument): void {
  expect(doc.kind).toBe('fazhi-annual');
  expect(doc.header.title).toBe(reference.header.title);
  const want = texts(reference);
  const got = texts(doc);
  const headings = toBlocks(reference.body).filter((b) => b.type === 'heading');
  expect(toBlocks(doc.body).filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? [b.level, b.text] : null))).toEqual(headings.map((b) => (b.type === 'heading' ? [b.level, b.text] : null)));
  expect(got.length).toBe(want.length);
  return undefined;
}

describe.skipIf(!hasSoffice)('Word 97–2003 .doc and WPS .wps (LibreOffice-made)', () => {
  it('a .doc imports with the same title, headings and paragraphs as the text it was made from', async () => {
    const doc = await importFileBounded('去年报告.doc', made.doc, TODAY);
    expectSameReport(doc);
    // paragraph text word for word (the .doc keeps every character)
    expect(texts(doc)).toEqual(texts(reference));
  });

  it('the same bytes as .wps (the format WPS writes), and a .doc renamed .docx, import alike', async () => {
    expect(texts(await importFileBounded('去年报告.wps', made.doc, TODAY))).toEqual(texts(reference));
    expect(texts(await importFileBounded('去年报告.docx', made.doc, TODAY))).toEqual(texts(reference));
  });

  it('a truncated .doc is "damaged", never a crash; other OLE files too', async () => {
    const cut = await refusal(importFileBounded('cut.doc', made.doc.subarray(0, Math.floor(made.doc.length / 3)), TODAY));
    expect(cut.code).toBe('not-doc');
    expect(cut.messageKey).toBe('import.errors.notDoc');
  });

  it('a looping sector chain (A → B → A) is refused as damaged at once, not left to fill the heap', async () => {
    const bytes = new Uint8Array(made.doc);
    const view = new DataView(bytes.buffer);
    const dirStart = view.getInt32(0x30, true);
    const satSector = view.getInt32(0x4c, true);
    const sat = (id: number) => 512 * (satSector + 1) + 4 * id;
    const other = dirStart === 0 ? 1 : 0;
    view.setInt32(sat(dirStart), other, true);
    view.setInt32(sat(other), dirStart, true);
    const error = await refusal(importFileBounded('loop.doc', bytes, TODAY));
    expect(error.code).toBe('not-doc');
  });

  it('HTML saved under a .doc name (web systems\' "Word" export) imports as HTML; RTF says to re-save', async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><p>${reference.header.title}</p><p>一、主要工作举措及成效</p><p>今年以来，我街坚持依法行政。</p></body></html>`;
    const doc = await importFileBounded('web.doc', new TextEncoder().encode(html), TODAY);
    expect(doc.header.title).toBe(reference.header.title);
    expect(texts(doc)).toContain('一、主要工作举措及成效');
    const rtf = await refusal(importFileBounded('old.doc', new TextEncoder().encode('{\\rtf1\\ansi hello}'), TODAY));
    expect(rtf.messageKey).toBe('import.errors.rtf');
  });
});

describe.skipIf(!hasSoffice)('PDF (LibreOffice-made)', () => {
  it('a text PDF imports with the title, every heading and every paragraph (lines joined, no spaces between Chinese characters)', async () => {
    const doc = await importFileBounded('公开版.pdf', made.pdf, TODAY);
    expectSameReport(doc);
    const joined = texts(doc).join('\n');
    expect(joined).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(joined).toContain('寨上街道2023年度依法治街工作要点');
    // no page number (— 1 —) left in the text
    expect(joined).not.toMatch(/^[—-]\s*\d+\s*[—-]$/m);
    // the paragraphs' text: each reference paragraph found whole (LibreOffice may squeeze out a
    // comma that hangs at a line end, so compare without punctuation)
    const bare = (s: string) => s.replace(/[\p{P}\s]/gu, '');
    expect(texts(doc).map(bare)).toEqual(texts(reference).map(bare));
  });

  it('a file under the wrong office extension imports as what it is: a PDF named .docx or .doc, a .docx or .doc named .pdf', async () => {
    const docx = new Uint8Array(fs.readFileSync(path.join(dir, 'report.docx')));
    for (const [name, bytes] of [['网站下载.docx', made.pdf], ['网站下载.doc', made.pdf], ['改名.pdf', docx], ['旧版.pdf', made.doc]] as const) {
      const doc = await importFileBounded(name, bytes, TODAY);
      expect(doc.header.title, name).toBe(reference.header.title);
    }
    // a report saved or renamed as .txt/.md is read as what it is, not refused as binary
    for (const [name, bytes] of [['导出.txt', made.pdf], ['改名.txt', docx], ['旧版.md', made.doc]] as const) {
      const doc = await importFileBounded(name, bytes, TODAY);
      expect(doc.header.title, name).toBe(reference.header.title);
    }
    // and through gongwen check (the worker is handed the PDF importer by the bytes, not the name)
    fs.writeFileSync(path.join(dir, '改名.docx'), made.pdf);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd: dir, env: {}, today: TODAY } as CliIo;
    expect(await runCli(['check', '--json', '改名.docx'], io), err.join('')).not.toBe(2);
    expect((JSON.parse(out.join('')) as { header: { title: string } }).header.title).toBe(reference.header.title);
  });

  it('an encrypted PDF: "needs a password"; a truncated one: damaged', async () => {
    expect((await refusal(importFileBounded('加密.pdf', made.encrypted, TODAY))).code).toBe('pdf-encrypted');
    const cut = await refusal(importFileBounded('cut.pdf', made.pdf.subarray(0, 2000), TODAY));
    expect(['not-pdf', 'pdf-scanned']).toContain(cut.code);
    expect((await refusal(importFileBounded('x.pdf', new TextEncoder().encode('not a pdf at all'), TODAY))).code).toBe('not-pdf');
  });

  it.skipIf(!hasPdftoppm)('a scan (page images, no text layer) says so in the user\'s language instead of an empty document', async () => {
    const error = await refusal(importFileBounded('扫描件.pdf', made.scan, TODAY));
    expect(error.code).toBe('pdf-scanned');
    expect(error.messageKey).toBe('import.errors.pdfScanned');
    expect(error.values.count).toBe(2);
  });

  it('gongwen check reads .doc, .wps and .pdf; a scan and a damaged file are one line each and the others still checked', async () => {
    const files: Record<string, Uint8Array> = { 'a.doc': made.doc, 'b.wps': made.doc, 'c.pdf': made.pdf, 'd.pdf': made.scan ?? made.encrypted, 'e.doc': made.doc.subarray(0, 4000) };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, cwd: dir, env: {}, today: TODAY } as CliIo;
    const code = await runCli(['check', '--json', ...Object.keys(files)], io);
    expect(code).toBe(2);
    const json = JSON.parse(out.join('')) as { file: string; kind: string; header: { title: string } }[];
    expect(json.map((j) => j.file)).toEqual(['a.doc', 'b.wps', 'c.pdf']);
    for (const j of json) expect(j.header.title).toBe(reference.header.title);
    const lines = err.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(made.scan ? /这是扫描件，无法读取文字.*d\.pdf/ : /d\.pdf.*加密/);
    expect(lines[1]).toMatch(/e\.doc.*无法读取/);
  });
});

describe.skipIf(!hasSoffice)('fuzz: damaged .doc and .pdf (seeded)', () => {
  /** The file cut short, or a run of bytes changed: a refusal with a reason, or a document — never anything else. */
  const damage = (bytes: () => Uint8Array) =>
    fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }).map((f) => bytes().subarray(0, Math.floor(f * bytes().length))),
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([f, junk]) => {
        const copy = new Uint8Array(bytes());
        copy.set(junk.subarray(0, copy.length), Math.min(Math.floor(f * copy.length), Math.max(0, copy.length - junk.length)));
        return copy;
      }),
    );
  for (const [name, bytes] of [
    ['damaged.doc', () => made.doc],
    ['damaged.pdf', () => made.pdf],
  ] as const) {
    it(`${name}: refused with an ImportError or imported, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(damage(bytes), async (input) => {
          try {
            const doc = await importFileBounded(name, input, TODAY);
            expect(doc.schemaVersion).toBe(reference.schemaVersion);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
            expect((error as ImportError).code).not.toBe('unreadable');
          }
        }),
        { numRuns: 30 },
      );
    }, 240_000);
  }
});

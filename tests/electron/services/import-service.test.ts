import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError, decodeText, importFileBytes } from '../../../electron/services/import-service';
import { encodeDraft } from '../../../electron/services/drafts-file';
import { toBlocks } from '../../../shared/model/lexical-json';
import { FIXTURES, gbkEncode, makeDocument } from './helpers';

const TODAY = '2024-01-10';
const utf8 = (s: string) => new TextEncoder().encode(s);

async function expectImportError(p: Promise<unknown>, code: string): Promise<ImportError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.code).toBe(code);
    expect(e.messageKey).toMatch(/^import\.errors\./);
    return e;
  }
  throw new Error(`expected ImportError ${code}`);
}

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and GB18030', () => {
    const s = '寨上街道办事处2023年度法治政府建设情况报告';
    expect(decodeText(utf8(s))).toBe(s);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]))).toBe(s);
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]))).toBe(s);
    expect(decodeText(gbkEncode(s))).toBe(s);
  });

  it('reads UTF-16 without a BOM (LE and BE) by its zero bytes, and a file of GBK and UTF-8 pieces line by line', () => {
    const report = fixture('report-zhaishang-2023.txt').replace(/[^\u0000-\uffff]/g, '');
    const be = Buffer.from(report, 'utf16le').swap16();
    expect(decodeText(new Uint8Array(Buffer.from(report, 'utf16le')))).toBe(report);
    expect(decodeText(new Uint8Array(be))).toBe(report);
    // A GBK file from Windows with a UTF-8 paste appended (and the other way round); short
    // GBK lines (一、工作) stay GBK.
    const lines = report.split('\n');
    const half = Math.floor(lines.length / 2);
    const head = lines.slice(0, half).join('\r\n');
    const tail = lines.slice(half).join('\r\n');
    const crlf = lines.join('\r\n');
    expect(decodeText(new Uint8Array([...gbkEncode(head), 0x0d, 0x0a, ...utf8(tail)]))).toBe(crlf);
    expect(decodeText(new Uint8Array([...utf8(head), 0x0d, 0x0a, ...gbkEncode(tail)]))).toBe(crlf);
    const short = '关于××的报告\n一、工作\n做了。\n二、不足\n年度\n原因\n落实';
    expect(decodeText(new Uint8Array([...gbkEncode(short), 0x0a, ...utf8('附：说明')]))).toBe(`${short}\n附：说明`);
    // A UTF-8 file cut in the middle of its last character: the rest, one-character lines too, stays UTF-8.
    const cut = utf8(`${report}\n一\n附件`);
    expect(decodeText(cut.subarray(0, cut.length - 1)).startsWith(`${report}\n一\n`)).toBe(true);
  });
});

describe('importFileBytes: text', () => {
  it('imports a real report as UTF-8, GBK and with a BOM to the same document', async () => {
    const text = fixture('report-zhaishang-2023.txt');
    const a = await importFileBytes('report.txt', utf8(text), TODAY);
    const b = await importFileBytes('report.txt', gbkEncode(text.replace(/[^\u0000-\uffff]/g, '')), TODAY);
    const c = await importFileBytes('report.TXT', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), TODAY);
    expect(toBlocks(a.body).length).toBeGreaterThan(5);
    expect(a.header.title).toContain('寨上街道');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('imports Markdown through the same importer', async () => {
    const doc = await importFileBytes('金兰山.md', utf8(fixture('report-jinlanshan-2022.txt')), TODAY);
    expect(doc.header.docNumber).toBe('金文〔2023〕5号');
    expect(JSON.stringify(doc.body)).not.toContain('**');
  });

  it('refuses empty, binary and disguised files with one clear code', async () => {
    await expectImportError(importFileBytes('a.txt', new Uint8Array(), TODAY), 'empty');
    await expectImportError(importFileBytes('a.txt', utf8(' \n\r\n\t　\n'), TODAY), 'empty');
    await expectImportError(importFileBytes('a.txt', new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x41, 0x00]), TODAY), 'binary');
    // an office file named .txt is read as what its bytes are: these are broken ones, and say so
    await expectImportError(importFileBytes('a.txt', utf8('%PDF-1.7 ...'), TODAY), 'not-pdf');
    await expectImportError(importFileBytes('a.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), TODAY), 'not-docx');
    const big = await expectImportError(importFileBytes('a.txt', new Uint8Array(11 * 1024 * 1024), TODAY), 'too-large');
    expect(big.values.maxMb).toBe(10);
  });
});

describe('importFileBytes: .docx', () => {
  it('imports a Word file with headings and paragraphs', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '寨上街道关于2023年度法治政府建设情况的报告', heading: HeadingLevel.TITLE }),
            new Paragraph('区委、区政府：'),
            new Paragraph('一、主要工作举措及成效'),
            new Paragraph('（一）强化组织领导'),
            new Paragraph('街主要领导把法治政府建设工作列入重要工作日程。'),
            new Paragraph('二、存在的不足和原因'),
            new Paragraph('法治宣传形式较为单一。'),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const out = await importFileBytes('报告.docx', bytes, TODAY);
    const blocks = toBlocks(out.body);
    expect(out.header.title).toContain('法治政府建设');
    expect(blocks.filter((b) => b.type === 'heading').length).toBeGreaterThanOrEqual(2);
    expect(blocks.some((b) => b.text.includes('法治宣传形式较为单一'))).toBe(true);
  });

  it('refuses a damaged .doc (also under a .docx name), a renamed text file, a broken zip and an empty document', async () => {
    await expectImportError(importFileBytes('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), TODAY), 'not-doc');
    const renamed = await expectImportError(importFileBytes('old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), TODAY), 'not-doc');
    expect(renamed.messageKey).toBe('import.errors.notDoc');
    await expectImportError(importFileBytes('x.docx', utf8('just text'), TODAY), 'not-docx');
    await expectImportError(importFileBytes('x.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), TODAY), 'not-docx');
    const zip = new JSZip();
    zip.file('hello.txt', 'not a word file');
    await expectImportError(importFileBytes('x.docx', new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), TODAY), 'not-docx');
    const empty = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })));
    await expectImportError(importFileBytes('empty.docx', empty, TODAY), 'empty');
  });
});

describe('importFileBytes: .gwdraft and others', () => {
  it('reads a draft envelope and a bare document', async () => {
    const envelope = encodeDraft({ id: 'abcdef12', createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z', document: makeDocument('草稿') });
    expect((await importFileBytes('a.gwdraft', utf8(envelope), TODAY)).header.title).toBe('草稿');
    expect((await importFileBytes('a.gwdraft', utf8(JSON.stringify(makeDocument('裸'))), TODAY)).header.title).toBe('裸');
  });

  it('refuses corrupt, newer and unknown files', async () => {
    await expectImportError(importFileBytes('a.gwdraft', utf8('{"format":'), TODAY), 'corrupt-draft');
    await expectImportError(importFileBytes('a.gwdraft', utf8('{"format":"gongwen-draft","schemaVersion":3}'), TODAY), 'newer-draft');
    await expectImportError(importFileBytes('a.gwdraft', utf8(JSON.stringify({ ...makeDocument(), schemaVersion: 9 })), TODAY), 'newer-draft');
    await expectImportError(importFileBytes('a.gwdraft', new Uint8Array(), TODAY), 'empty');
    await expectImportError(importFileBytes('scan.pdf', utf8('%PDF-'), TODAY), 'not-pdf');
    const rtf = await expectImportError(importFileBytes('a.rtf', utf8('{\\rtf1}'), TODAY), 'unsupported-type');
    expect(rtf.values.ext).toBe('.rtf');
    await expectImportError(importFileBytes('noext', utf8('x'), TODAY), 'unsupported-type');
    await expectImportError(importFileBytes('a.wps', utf8('x'), TODAY), 'not-doc');
  });
});

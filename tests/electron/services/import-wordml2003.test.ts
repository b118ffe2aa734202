/**
 * Word 2003 XML (WordprocessingML, <w:wordDocument>) and Word's "single file web page" (MHTML)
 * named .doc: what many OA systems and web sites send as "Word". They are read through the
 * bounded worker like any .doc; before, they were refused as a damaged .doc.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFileBounded } from '../../../electron/services/import-bounded';
import { importTextBytes } from '../../../electron/services/import-service';
import { toBlocks } from '../../../shared/model/lexical-json';
import type { GongwenDocument } from '../../../shared/model/document';
import { FIXTURES, gbkEncode } from './helpers';

const TODAY = '2024-01-10';
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-wordml-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const texts = (doc: GongwenDocument) => toBlocks(doc.body).map((b) => (b.type === 'heading' ? `${b.label ?? ''}${b.text}${b.runIn ?? ''}` : b.text));

describe('Word 2003 XML named .doc', () => {
  it('a hand-written one: paragraphs, runs, entities, a tab; 版头 and headings found as in text', async () => {
    const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:b/></w:rPr><w:t>${r}</w:t></w:r>`).join('')}</w:p>`;
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
      + '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><wx:sect>'
      + p('关于2023年度', '法治政府建设情况的报告') + p('区委、区政府：')
      + p('2023年，我街&amp;各社区坚持依法行政。现将有关情况报告如下：') + p('一、主要举措') + p('制定&lt;工作要点&gt;，落实到人。')
      + '<w:p><w:r><w:t>联系人：张三</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>电话：1234</w:t></w:r></w:p>'
      + '</wx:sect></w:body></w:wordDocument>';
    const doc = await importFileBounded('OA导出.doc', new TextEncoder().encode(xml), TODAY);
    expect(doc.header.title).toBe('关于2023年度法治政府建设情况的报告');
    expect(doc.header.recipient).toBe('区委、区政府');
    expect(texts(doc).slice(0, 3)).toEqual(['2023年，我街&各社区坚持依法行政。现将有关情况报告如下：', '一、主要举措', '制定<工作要点>，落实到人。']);
  });

  it.skipIf(!hasSoffice)('one LibreOffice writes ("MS Word 2003 XML") imports as the same report as its text', async () => {
    const src = path.join(dir, 'report.txt');
    fs.copyFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), src);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo')}`, '--headless', '--norestore', '--convert-to', 'xml:MS Word 2003 XML', '--outdir', dir, src], { stdio: 'pipe', timeout: 180_000 });
    const bytes = fs.readFileSync(path.join(dir, 'report.xml'));
    expect(bytes.subarray(0, 400).toString('utf8')).toContain('<w:wordDocument');
    const doc = await importFileBounded('去年的报告.doc', new Uint8Array(bytes), TODAY);
    const reference = importTextBytes('r.txt', fs.readFileSync(src), TODAY);
    expect(doc.header).toEqual(reference.header);
    expect(texts(doc)).toEqual(texts(reference));
  }, 240_000);
});

describe('MHTML ("single file web page") named .doc', () => {
  it('the HTML part, quoted-printable in GB2312 with soft line breaks, beside an image part', async () => {
    const html = '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body lang=ZH-CN>'
      + '<p class=MsoNormal align=center>关于2023年度法治政府建设情况的报告</p><p class=MsoNormal>区委、区政府：</p>'
      + '<p class=MsoNormal>2023年，我街坚持依法行政，推进法治政府建设。现将有关情况报告如下：</p><p class=MsoNormal>一、主要举措</p>'
      + '<p class=MsoNormal>制定工作要点，落实到人。</p></body></html>';
    // Quoted-printable as Word writes it: every byte ≥ 0x80 and = as =XX, lines cut at 76 with a soft break (=).
    let qp = '';
    let line = '';
    for (const byte of gbkEncode(html)) {
      const piece = byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
      if (line.length + piece.length > 75) {
        qp += `${line}=\r\n`;
        line = '';
      }
      line += piece;
    }
    qp += line;
    const mht = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_01D9.5A2B"',
      '',
      'This document is a Single File Web Page, also known as a Web Archive file.',
      '',
      '------=_NextPart_01D9.5A2B',
      'Content-Location: file:///C:/report.htm',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Type: text/html; charset="gb2312"',
      '',
      qp,
      '',
      '------=_NextPart_01D9.5A2B',
      'Content-Location: file:///C:/report.files/image001.png',
      'Content-Transfer-Encoding: base64',
      'Content-Type: image/png',
      '',
      'iVBORw0KGgo=',
      '',
      '------=_NextPart_01D9.5A2B--',
      '',
    ].join('\r\n');
    const doc = await importFileBounded('网站下载.doc', new Uint8Array(Buffer.from(mht, 'latin1')), TODAY);
    expect(doc.header.title).toBe('关于2023年度法治政府建设情况的报告');
    expect(doc.header.recipient).toBe('区委、区政府');
    expect(texts(doc)).toEqual(['2023年，我街坚持依法行政，推进法治政府建设。现将有关情况报告如下：', '一、主要举措', '制定工作要点，落实到人。']);
  });
});

describe('a web page, Word 2003 XML or RTF named .docx', () => {
  // Word opens these whatever their name says; before, a .docx that was not a zip was refused as damaged.
  const page = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
    + '<p align=center>关于2023年度法治政府建设情况的报告</p><p>区委、区政府：</p>'
    + '<p>2023年，我街坚持依法行政。现将有关情况报告如下：</p><p>一、主要举措</p><p>制定工作要点，落实到人。</p></body></html>';

  it('a web page saved by a web system as 报告.docx imports as its text', async () => {
    const doc = await importFileBounded('报告.docx', new TextEncoder().encode(page), TODAY);
    expect(doc.header.title).toBe('关于2023年度法治政府建设情况的报告');
    expect(texts(doc)).toContain('一、主要举措');
    expect(texts(doc)).toContain('制定工作要点，落实到人。');
  });

  it('Word 2003 XML named .docx imports; RTF named .docx gets the RTF message, not "damaged"', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
      + '<w:p><w:r><w:t>关于2023年度法治政府建设情况的报告</w:t></w:r></w:p><w:p><w:r><w:t>一、主要举措</w:t></w:r></w:p><w:p><w:r><w:t>制定工作要点。</w:t></w:r></w:p></w:body></w:wordDocument>';
    const doc = await importFileBounded('OA导出.docx', new TextEncoder().encode(xml), TODAY);
    expect(doc.header.title).toBe('关于2023年度法治政府建设情况的报告');
    const rtf = await importFileBounded('x.docx', new TextEncoder().encode('{\\rtf1\\ansi 关于}'), TODAY).then(
      () => null,
      (error: { code?: string; messageKey?: string }) => error,
    );
    expect(rtf?.messageKey).toBe('import.errors.rtf');
    // plain text under a .docx name is still no Word file
    const plain = await importFileBounded('y.docx', new TextEncoder().encode('just text'), TODAY).then(
      () => null,
      (error: { code?: string }) => error,
    );
    expect(plain?.code).toBe('not-docx');
  });
});

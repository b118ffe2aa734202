/**
 * Word 97–2003 (.doc, .dot) and WPS (.wps, .wpt) files → their text → the plain-text import
 * (title, 版头, headings, closing recognised as for every other file). Runs only inside the
 * import worker (import-bounded.ts: heap and time limits); the other bundles leave it out.
 *
 * word-extractor (pure JavaScript) reads the OLE compound file from the bytes we hand it (a
 * Buffer: its BufferReader copies sectors out of it, nothing is read from disk) and the
 * WordDocument stream's piece table; WPS Office's .wps is the same binary format. Its
 * allocation-table walk stops only at a sector pointing to itself, so a hostile file with a
 * longer loop (A → B → A) would grow an array until the heap limit: the walk is replaced here
 * by one that stops at any loop or at a chain longer than the table. A truncated file reads
 * as zeros past its end (Buffer.copy), which fails the format checks: "已损坏". Recursion over
 * a looping directory tree ends in a RangeError, caught like any other parse error.
 *
 * Files that carry another format under a .doc name — a .docx renamed, or the HTML that many
 * web systems send as "Word", or Word's "single file web page" (MHTML) — go to the matching
 * importer; Word 2003 XML is read for its paragraphs' text. RTF is not read: save it as .docx.
 */
import type { GongwenDocument } from '../../shared/model/document';
import { importText } from '../../shared/import/text';
import { importHtml } from '../../shared/import/html';
import { ImportError, MAX_DOCX_BYTES, decodeText, importDocxBytes } from './import-service';

type Extractor = { extract(source: Buffer): Promise<{ getBody(options?: { filterUnicode?: boolean }): string }> };
let extractor: Promise<Extractor> | undefined;

interface AllocationTable {
  _table: number[];
  getSecIdChain(start: number): number[];
}

function loadExtractor(): Promise<Extractor> {
  extractor ??= (async () => {
    const table = (await import('word-extractor/lib/ole-allocation-table')) as unknown as { default?: { prototype: AllocationTable }; prototype?: AllocationTable };
    const proto = (table.default ?? table).prototype as AllocationTable;
    proto.getSecIdChain = function boundedChain(this: AllocationTable, start: number): number[] {
      const chain: number[] = [];
      const seen = new Set<number>();
      // -1 free, -2 end of chain, -3/-4 table sectors: any negative id ends the chain.
      for (let id = start; id >= 0; id = this._table[id] ?? -2) {
        if (seen.has(id) || chain.length >= this._table.length) throw new Error('looping sector chain');
        seen.add(id);
        chain.push(id);
      }
      return chain;
    };
    const WordExtractor = ((await import('word-extractor')) as unknown as { default: new () => Extractor }).default;
    return new WordExtractor();
  })();
  return extractor;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function headText(bytes: Uint8Array): string {
  return decodeText(bytes.subarray(0, 2048)).replace(/^\s+/, '').slice(0, 512).toLowerCase();
}

/**
 * What a file that is neither zip nor OLE is, when Word opens it as a document whatever its
 * name says: RTF, Word's single file web page (MHTML), Word 2003 XML, or a web page. Web
 * systems and OA exports send these as .doc and, less often, as .docx.
 */
function wordTextKind(head: string): 'rtf' | 'mhtml' | 'wordml' | 'html' | null {
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^mime-version:/.test(head) || /^content-type:\s*multipart\/related/.test(head)) return 'mhtml';
  if (/^(<\?xml[^>]*>\s*)?(<\?mso-application[^>]*>\s*)?<w:worddocument\b/.test(head)) return 'wordml';
  if (/^(<\?xml[^>]*>\s*)?(<!doctype html|<html|<meta|<body|<div|<p[\s>]|<table)/.test(head)) return 'html';
  return null;
}

/** Not a zip, not OLE, but a file Word reads as a document (importLegacyWordBytes reads it). */
export function isWordReadableText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && !startsWith(bytes, ZIP) && !startsWith(bytes, OLE) && wordTextKind(headText(bytes)) !== null;
}

export async function importLegacyWordBytes(name: string, bytes: Uint8Array, today: string): Promise<GongwenDocument> {
  if (bytes.length > MAX_DOCX_BYTES) throw new ImportError('too-large', { name, maxMb: MAX_DOCX_BYTES / 1024 / 1024 });
  if (bytes.length === 0) throw new ImportError('empty', { name });
  if (startsWith(bytes, ZIP)) return importDocxBytes(name, bytes, today);
  if (!startsWith(bytes, OLE)) {
    const kind = wordTextKind(headText(bytes));
    if (kind === 'rtf') throw new ImportError('unsupported-type', { name, ext: 'rtf' }, 'import.errors.rtf');
    // Word's "single file web page" (MHTML) saved as .doc: the HTML part of the MIME message.
    if (kind === 'mhtml') {
      const html = mhtmlHtml(bytes);
      if (html === null) throw new ImportError('not-doc', { name });
      if (!html.replace(/<[^>]*>/g, '').trim()) throw new ImportError('empty', { name });
      return importHtml(html, { today });
    }
    // Word 2003 XML (WordprocessingML, <w:wordDocument>): what many OA systems fill in from a
    // template and send as .doc; Word and WPS open it as a document.
    if (kind === 'wordml') {
      const body = wordMl2003Text(decodeText(bytes));
      if (!body.trim()) throw new ImportError('empty', { name });
      return importText(body, { today });
    }
    // Web systems' "Word" export: HTML (or Word's own "save as web page") named .doc.
    if (kind === 'html') {
      const html = decodeText(bytes);
      if (!html.replace(/<[^>]*>/g, '').trim()) throw new ImportError('empty', { name });
      return importHtml(html, { today });
    }
    throw new ImportError('not-doc', { name });
  }
  let body: string;
  try {
    const doc = await (await loadExtractor()).extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode:false — by default it turns “” into " and —— (破折号) into --.
    body = doc.getBody({ filterUnicode: false });
  } catch (error) {
    // Damaged, truncated, encrypted, or an OLE file that is no Word text (a Works .wps, an .xls).
    throw new ImportError('not-doc', { name }, undefined, (error as Error)?.message?.slice(0, 200));
  }
  if (!body.trim()) throw new ImportError('empty', { name });
  return importText(body, { today });
}

const XML_ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string): string =>
  text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/gi, (m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return XML_ENTITY[named.toLowerCase()] ?? m;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  });

/**
 * The text of a Word 2003 XML document: a line per paragraph (w:p), its runs' w:t joined, w:tab
 * a tab, w:br a line break. Linear string work, like the .docx numbering pass: the file is
 * already bounded in size, and no tree is built, so depth costs nothing.
 */
export function wordMl2003Text(xml: string): string {
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const lines: string[] = [];
  for (const p of body.matchAll(/<w:p\b(?:[^>]*[^/>])?>([\s\S]*?)<\/w:p>/g)) {
    let line = '';
    for (const m of p[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (m[2] === 'tab') line += '\t';
      else if (m[2]) line += '\n';
      else line += unescapeXml(m[1]!);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** A charset name from a MIME header as TextDecoder knows it (GB2312 text is GBK/GB18030 in practice). */
function decoderFor(charset: string | undefined): TextDecoder | null {
  const name = (charset ?? '').trim().toLowerCase();
  if (!name) return null;
  try {
    return new TextDecoder(/^(gb2312|gbk|gb_2312-80|cp936|x-gbk)$/.test(name) ? 'gb18030' : name);
  } catch {
    return null;
  }
}

function quotedPrintable(text: string): Uint8Array {
  const body = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(body.slice(i + 1, i + 3)) : null;
    if (hex) {
      out.push(parseInt(hex[0], 16));
      i += 2;
    } else out.push(body.charCodeAt(i) & 0xff);
  }
  return new Uint8Array(out);
}

/**
 * The HTML of an MHTML file (Word's "single file web page"): the first text/html part of the
 * multipart/related message, its transfer encoding (quoted-printable, base64, 8bit) undone and
 * decoded by its charset. null when there is none.
 */
export function mhtmlHtml(bytes: Uint8Array): string | null {
  const raw = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(raw.slice(0, 4096))?.[1];
  if (!boundary) return null;
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const content = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const data = encoding === 'quoted-printable'
      ? quotedPrintable(content)
      : encoding === 'base64'
        ? new Uint8Array(Buffer.from(content.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'))
        : new Uint8Array(Buffer.from(content, 'latin1'));
    const decoder = decoderFor(/charset\s*=\s*"?([\w.:-]+)"?/i.exec(headers)?.[1]);
    return decoder ? decoder.decode(data) : decodeText(data);
  }
  return null;
}

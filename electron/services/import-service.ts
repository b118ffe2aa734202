/**
 * A file from anywhere (USB stick, e-mail attachment, WeChat download) → a document.
 * .txt/.md go through the text importer, .docx through mammoth's HTML, .doc/.wps through
 * word-extractor's text and a text PDF through pdf.js's text layer (both into the text importer),
 * .gwdraft is read as a draft. Every refusal is an ImportError with a stable code and an i18n key, so the CLI and
 * the UI show one clear line instead of a stack trace.
 */
import type { GongwenDocument } from '../../shared/model/document';
import { toBlocks } from '../../shared/model/lexical-json';
import { normalizeBody } from '../../shared/model/normalize';
import { importText } from '../../shared/import/text';
import { importHtml } from '../../shared/import/html';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES } from './file-size-limits';

export type ImportErrorCode = 'empty' | 'binary' | 'not-docx' | 'not-doc' | 'not-pdf' | 'pdf-scanned' | 'pdf-encrypted' | 'unsupported-type' | 'too-large' | 'corrupt-draft' | 'newer-draft' | 'over-limit' | 'unreadable';

/** The default message of each refusal (a refusal may name a more precise one). */
export const IMPORT_ERROR_KEYS: Record<ImportErrorCode, string> = {
  empty: 'import.errors.empty',
  binary: 'import.errors.binary',
  'not-docx': 'import.errors.notDocx',
  'not-doc': 'import.errors.notDoc',
  'not-pdf': 'import.errors.notPdf',
  'pdf-scanned': 'import.errors.pdfScanned',
  'pdf-encrypted': 'import.errors.pdfEncrypted',
  'unsupported-type': 'import.errors.unsupportedType',
  'too-large': 'import.errors.tooLarge',
  'corrupt-draft': 'import.errors.corruptDraft',
  'newer-draft': 'import.errors.newerDraft',
  'over-limit': 'import.errors.overLimit.memory',
  unreadable: 'import.errors.unreadable',
};

export class ImportError extends Error {
  readonly messageKey: string;
  constructor(
    readonly code: ImportErrorCode,
    readonly values: Record<string, string | number>,
    messageKey?: string,
    detail?: string,
  ) {
    super(`${code}: ${String(values.name ?? values.ext ?? '')}${detail ? ` (${detail})` : ''}`);
    this.name = 'ImportError';
    this.messageKey = messageKey ?? IMPORT_ERROR_KEYS[code];
  }
}

export { MAX_TEXT_BYTES, MAX_DOCX_BYTES } from './file-size-limits';

/** The extension importByType goes by (lower case, no dot; '' without one). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .wps, .xls
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * Bytes → text. UTF-8 first (with or without BOM), UTF-16 when it has a BOM (Notepad's
 * "Unicode") or, without one, when its zero bytes say so (other programs' "Unicode" export),
 * else GB18030, which is what Windows in China writes as "ANSI" (a superset of GBK). A file
 * put together from pieces in both (a UTF-8 paste appended to a GBK file) is read line by line.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeLinesUtf8OrGb(bytes);
  }
}

/**
 * UTF-16 without a BOM: an even length, zero bytes (no 8-bit text has one: they are the high
 * half of ASCII in UTF-16, and the low half of 一 U+4E00), and read in one byte order it is
 * text — ASCII and the characters of a Chinese report — where the other order is not.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0 || bytes.indexOf(0) < 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 1 << 16));
  const share = (encoding: 'utf-16le' | 'utf-16be'): number => {
    const chars = [...new TextDecoder(encoding).decode(sample)];
    return chars.filter((ch) => (ch >= ' ' && ch <= '~') || ch === '\t' || ch === '\r' || ch === '\n' || REPORT_CHAR.test(ch)).length / Math.max(1, chars.length);
  };
  const le = share('utf-16le');
  const be = share('utf-16be');
  if (le >= 0.9 && le > be) return 'utf-16le';
  if (be >= 0.9 && be > le) return 'utf-16be';
  return null;
}

/** What a Chinese report's non-ASCII characters are: CJK, full-width and CJK punctuation, ① …, ×, ·, °. */
const REPORT_CHAR = /^[\u00b0\u00b7\u00d7\u2000-\u206f\u2460-\u257f\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\ufeff\uff00-\uffef]$/u;

/**
 * Not UTF-8 as a whole: GB18030, except lines that are UTF-8 made of the characters a Chinese
 * report has (two or more). GBK bytes that happen to be valid UTF-8 decode to Latin-1, Greek,
 * Cyrillic… and are left to GB18030 (of 1.5 million random lines of 1–10 report characters
 * in GBK, 2 passed this test). Lines end at 0x0A, which is never part of a GBK or UTF-8 character.
 */
function decodeLinesUtf8OrGb(bytes: Uint8Array): string {
  const gb = new TextDecoder('gb18030');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const lines: { bytes: Uint8Array; utf8: string | null; reportUtf8: boolean }[] = [];
  let utf8Lines = 0;
  let otherLines = 0;
  for (let start = 0; start <= bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    let text: string | null = null;
    try {
      text = utf8.decode(line);
    } catch {
      // not UTF-8
    }
    const wide = text === null ? [] : [...text].filter((ch) => ch > '\u007f');
    const reportUtf8 = wide.length >= 2 && wide.every((ch) => REPORT_CHAR.test(ch));
    if (reportUtf8) utf8Lines++;
    else if (text === null) otherLines++;
    lines.push({ bytes: line, utf8: text, reportUtf8 });
    start = end + 1;
  }
  // Mostly UTF-8 with a few bad lines (a file cut in the middle of a character, a stray byte):
  // every line that is valid UTF-8 is read so, a short one (一) too.
  const mostlyUtf8 = utf8Lines > otherLines;
  return lines.map((l) => (l.utf8 !== null && (l.reportUtf8 || mostlyUtf8) ? l.utf8 : gb.decode(l.bytes))).join('\n');
}

/** Control characters other than tab, newlines and form feed: a text file has (almost) none. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return control > Math.max(2, text.length / 100);
}

function hasText(doc: GongwenDocument): boolean {
  const h = doc.header;
  if (h.title.trim() || h.issuerLines.some((l) => l.trim()) || h.recipient.trim()) return true;
  return toBlocks(doc.body).some((b) => b.text.trim() !== '' || (b.type === 'heading' && !!b.runIn?.trim()));
}

export function ensureNotEmpty(doc: GongwenDocument, name: string): GongwenDocument {
  if (!hasText(doc)) throw new ImportError('empty', { name });
  return doc;
}

export function importTextBytes(name: string, bytes: Uint8Array, today: string): GongwenDocument {
  if (bytes.length > MAX_TEXT_BYTES) throw new ImportError('too-large', { name, maxMb: MAX_TEXT_BYTES / 1024 / 1024 });
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE) || startsWith(bytes, PDF)) throw new ImportError('binary', { name });
  const text = decodeText(bytes);
  if (looksBinary(text)) throw new ImportError('binary', { name });
  if (!text.trim()) throw new ImportError('empty', { name });
  return ensureNotEmpty(importText(text, { today }), name);
}

/**
 * The .docx with Word's automatic numbering written out as text (一、 （一） 1. that were
 * numbering, not typed: shared/import/docx-list-labels.ts). Any trouble leaves the file as it
 * was; its sizes were already bounded before the import (import-limits.ts).
 */
async function withListLabels(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const { default: jszip } = await import('jszip');
    const zip = await jszip.loadAsync(bytes, { checkCRC32: false });
    const documentPart = zip.file('word/document.xml');
    const numberingPart = zip.file('word/numbering.xml');
    if (!documentPart || !numberingPart) return bytes;
    const documentXml = await documentPart.async('string');
    // Numbering on the paragraph itself (w:numPr) or from its style (styles.xml).
    const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    if (!documentXml.includes('<w:numPr') && !stylesXml.includes('<w:numPr') && !documentXml.includes('<w:pStyle')) return bytes;
    const { writeListLabels } = await import('../../shared/import/docx-list-labels');
    const labelled = writeListLabels(documentXml, await numberingPart.async('string'), stylesXml);
    if (labelled === documentXml) return bytes;
    zip.file('word/document.xml', labelled);
    return await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  } catch {
    return bytes;
  }
}

export async function importDocxBytes(name: string, bytes: Uint8Array, today: string): Promise<GongwenDocument> {
  if (bytes.length > MAX_DOCX_BYTES) throw new ImportError('too-large', { name, maxMb: MAX_DOCX_BYTES / 1024 / 1024 });
  if (bytes.length === 0) throw new ImportError('empty', { name });
  // A .doc renamed .docx: read it as what it is.
  if (startsWith(bytes, OLE)) return (await import('./import-legacy')).importLegacyWordBytes(name, bytes, today);
  if (!startsWith(bytes, ZIP)) {
    // A web page, MHTML, Word 2003 XML or RTF named .docx (what some web systems send): Word
    // opens it, so it is read as what it is; anything else is no Word file.
    const legacy = await import('./import-legacy');
    if (legacy.isWordReadableText(bytes)) return legacy.importLegacyWordBytes(name, bytes, today);
    throw new ImportError('not-docx', { name });
  }
  let html: string;
  try {
    // Loaded on first use: `gongwen check report.txt` never compiles mammoth.
    const mammoth = (await import('mammoth')).default;
    const labelled = await withListLabels(bytes);
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(labelled.buffer, labelled.byteOffset, labelled.byteLength) });
    html = result.value;
  } catch (error) {
    throw new ImportError('not-docx', { name }, undefined, error instanceof Error ? error.message.slice(0, 200) : String(error));
  }
  if (!html.replace(/<[^>]*>/g, '').trim()) throw new ImportError('empty', { name });
  return ensureNotEmpty(importHtml(html, { today }), name);
}

/**
 * The one entry for every importer (UI "import", CLI `gongwen check`/`export`).
 * Throws ImportError for every input it refuses; other errors are bugs.
 */
export async function importFileBytes(name: string, bytes: Uint8Array, today: string): Promise<GongwenDocument> {
  const doc = await importByType(name, bytes, today);
  // The one door (shared/model/normalize.ts): the CLI checks and exports what comes out here.
  return { ...doc, body: normalizeBody(doc.body) };
}

/** The bytes are a PDF whatever the name (the import worker needs the PDF importer for it). */
export const isPdfBytes = (bytes: Uint8Array): boolean => startsWith(bytes, PDF);

/** Office files read by what their bytes are when the name says another office type (a download or a rename mislabels them). */
const OFFICE_TYPES = new Set(['docx', 'doc', 'dot', 'wps', 'wpt', 'pdf']);
const TEXT_TYPES = new Set(['txt', 'text', 'md', 'markdown']);

/** An office file's bytes under any name: a .docx or .doc renamed report.txt is still that. */
export function officeTypeOfBytes(bytes: Uint8Array): 'pdf' | 'docx' | null {
  if (isPdfBytes(bytes)) return 'pdf';
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE) ? 'docx' : null; // importDocxBytes reads an OLE .doc too
}

async function importByType(name: string, bytes: Uint8Array, today: string): Promise<GongwenDocument> {
  let ext = extensionOf(name);
  if (OFFICE_TYPES.has(ext)) {
    if (ext !== 'pdf' && isPdfBytes(bytes)) ext = 'pdf';
    else if (ext === 'pdf' && (startsWith(bytes, ZIP) || startsWith(bytes, OLE))) ext = 'docx'; // importDocxBytes reads an OLE .doc too
  } else if (TEXT_TYPES.has(ext)) {
    // Text never starts with these bytes; refusing it as "binary" would turn away a readable report.
    ext = officeTypeOfBytes(bytes) ?? ext;
  }
  switch (ext) {
    case 'txt':
    case 'text':
    case 'md':
    case 'markdown':
      return importTextBytes(name, bytes, today);
    case 'docx':
      return importDocxBytes(name, bytes, today);
    case 'gwdraft':
    case 'json':
      // Loaded on first use: the draft format's schemas are not built for a .txt.
      return (await import('./import-draft')).parseDraftBytes(name, bytes);
    // The worker-only importers, loaded on first use (the other bundles leave them out).
    case 'doc':
    case 'dot':
    case 'wps':
    case 'wpt':
      return ensureNotEmpty(await (await import('./import-legacy')).importLegacyWordBytes(name, bytes, today), name);
    case 'pdf':
      return ensureNotEmpty(await (await import('./import-pdf')).importPdfBytes(name, bytes, today), name);
    default:
      throw new ImportError('unsupported-type', { name, ext: ext ? `.${ext}` : name.slice(0, 40) });
  }
}

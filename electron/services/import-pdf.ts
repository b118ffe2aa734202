/**
 * A PDF (usually last year's report as published on the website) → its text → the plain-text
 * import. Runs only inside the import worker (import-bounded.ts: heap and time limits); the
 * other bundles leave this module out (scripts/build-node.mjs).
 *
 * pdf.js (legacy build, for Node) is used as a parser only: the document is given as bytes
 * (no URL, so no fetch and no network), its "worker" is pdf.js's own code run on this thread
 * (globalThis.pdfjsWorker: nothing is loaded by import() or from a URL), isEvalSupported:false
 * (no `new Function` for fonts), disableFontFace (no fonts installed), no system fonts, no
 * XFA, no scripting. The CMaps that Chinese PDFs name (UniGB-UCS2-H, GBK-EUC-H …) come from
 * memory: scripts/pdf-cmaps.cjs embeds them in the worker bundle at build time.
 *
 * A PDF with (almost) no text layer is a scan → "这是扫描件…需要先做文字识别（OCR）"; one that
 * needs a password, or that pdf.js cannot parse, gets its own clear message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GongwenDocument } from '../../shared/model/document';
import { importText } from '../../shared/import/text';
import { pdfParagraphs, type PdfPageText, type PdfTextRun } from '../../shared/import/pdf-text';
import { ImportError, MAX_DOCX_BYTES } from './import-service';

/** Set by scripts/build-node.mjs for the worker bundle: CMap file name → base64 of its bytes. */
declare const __GONGWEN_PDF_CMAPS__: Record<string, string>;

let embedded: Record<string, string> | null | undefined;
/** The embedded CMaps, or null when run from the sources (one mention: esbuild pastes a define at each). */
function embeddedCmaps(): Record<string, string> | null {
  if (embedded === undefined) {
    try {
      embedded = __GONGWEN_PDF_CMAPS__;
    } catch {
      embedded = null;
    }
  }
  return embedded;
}

/** A scan has no text layer; a stamp's or a header's few characters a page are not a report either. */
const MIN_CHARS_PER_PAGE = 10;
/** More pages than any report; each page costs parsing time. */
export const MAX_PDF_PAGES = 2_000;

function cmapBytes(name: string): Uint8Array | null {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(name)) return null;
  const cmaps = embeddedCmaps();
  if (cmaps) {
    const b64 = Object.hasOwn(cmaps, name) ? cmaps[name] : undefined;
    return b64 ? new Uint8Array(Buffer.from(b64, 'base64')) : null;
  }
  // From the sources (tests): the package's own files.
  try {
    return new Uint8Array(readFileSync(createRequire(__filename).resolve(`pdfjs-dist/cmaps/${name}.bcmap`)));
  } catch {
    return null;
  }
}

/** pdf.js asks this for CMaps (and standard font data, which a text layer does not need). */
class MemoryDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const bytes = kind === 'cMapUrl' ? cmapBytes(filename.replace(/\.bcmap$/, '')) : null;
    if (!bytes) throw new Error(`no ${kind} data for ${filename}`);
    return bytes;
  }
}

/**
 * pdf.js builds a few DOMMatrix objects when it loads (for drawing, which we never do; Node has
 * no DOMMatrix). A 2-D affine one is enough for that, with the arithmetic done right.
 */
class AffineMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }
  multiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b; this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d; this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e; this.f = b * m.e + d * m.f + f;
    return this;
  }
  preMultiplySelf(m: AffineMatrix): this {
    const product = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    Object.assign(this, { a: product.a, b: product.b, c: product.c, d: product.d, e: product.e, f: product.f });
    return this;
  }
  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y]));
  }
  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0]));
  }
  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (!det) return Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
    return Object.assign(this, { a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
  }
  translate(x?: number, y?: number): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).translateSelf(x, y);
  }
  scale(x?: number, y?: number): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).scaleSelf(x, y);
  }
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // pdf.js runs its "worker" on this thread when it finds the handler here: no import(), no URL.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const g = globalThis as { DOMMatrix?: unknown };
    g.DOMMatrix ??= AffineMatrix;
    // Loading, pdf.js warns on the console that it cannot draw (no canvas package): not our case.
    const warn = console.warn;
    console.warn = () => undefined;
    let lib: PdfJs;
    try {
      lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
    lib.GlobalWorkerOptions.workerSrc = '';
    return lib;
  })();
  return pdfjs;
}

function runOf(item: unknown): PdfTextRun | null {
  const it = item as { str?: unknown; transform?: unknown; width?: unknown; height?: unknown };
  if (typeof it.str !== 'string' || !Array.isArray(it.transform)) return null;
  const [a, b, c, d, e, f] = it.transform as number[];
  // Horizontal text only: rotated runs (a vertical stamp, a watermark) are left out.
  if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3) return null;
  const size = Math.abs(d ?? 0) || Math.abs(a ?? 0) || (typeof it.height === 'number' ? it.height : 0);
  return { str: it.str, x: e ?? 0, y: f ?? 0, width: typeof it.width === 'number' ? it.width : 0, size };
}

/** The text layer of every page (throws pdf.js's exceptions for the caller to translate). */
async function readPages(bytes: Uint8Array): Promise<PdfPageText[]> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: 'memory/',
    cMapPacked: true,
    BinaryDataFactory: MemoryDataFactory,
  } as Parameters<PdfJs['getDocument']>[0]);
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) throw new ImportError('too-large', { name: '', maxMb: MAX_DOCX_BYTES / 1024 / 1024 });
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push({ runs: content.items.map(runOf).filter((r): r is PdfTextRun => r !== null) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function importPdfBytes(name: string, bytes: Uint8Array, today: string): Promise<GongwenDocument> {
  if (bytes.length > MAX_DOCX_BYTES) throw new ImportError('too-large', { name, maxMb: MAX_DOCX_BYTES / 1024 / 1024 });
  if (bytes.length === 0) throw new ImportError('empty', { name });
  // %PDF- may follow some junk (pdf.js allows 1 KB of it, as readers do).
  if (!new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) throw new ImportError('not-pdf', { name });
  let pages: PdfPageText[];
  try {
    pages = await readPages(new Uint8Array(bytes));
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(error.code, { ...error.values, name }, error.messageKey);
    const kind = (error as { name?: string })?.name;
    if (kind === 'PasswordException') throw new ImportError('pdf-encrypted', { name });
    throw new ImportError('not-pdf', { name }, undefined, (error as Error)?.message?.slice(0, 200));
  }
  const paragraphs = pdfParagraphs(pages);
  // Page numbers are gone by now: a scan that only carries them in its text layer is still a scan.
  if (paragraphs.join('').replace(/\s+/g, '').length < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    // No image either (an image is a stream object, whose dictionary is never compressed into an
    // object stream): blank pages, not a scan — saying "only images" would send the user to OCR.
    const hasImages = /\/Subtype\s*\/Image\b/.test(new TextDecoder('latin1').decode(bytes));
    throw new ImportError('pdf-scanned', { name, count: pages.length }, hasImages ? undefined : 'import.errors.pdfNoText');
  }
  return importText(paragraphs.join('\n'), { today });
}

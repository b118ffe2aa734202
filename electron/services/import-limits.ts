/**
 * Limits on what an imported file may make us build in memory, checked as the data is
 * produced — never from what the file says about itself (a zip header can claim any size).
 *
 * - .docx: every zip entry is inflated through a counter that stops the inflation as soon as
 *   an entry or the total goes over the cap; the XML parts are scanned (one linear pass) for
 *   nesting depth and element count before mammoth sees them.
 * - .gwdraft / JSON: one linear pass for nesting depth and the number of objects and arrays.
 * - every import also runs in a worker thread with a memory and a time limit
 *   (import-bounded.ts), for whatever these checks do not foresee.
 *
 * Pure JavaScript (jszip), no node:fs: it runs inside the import worker. jszip is loaded on
 * first use: the callers that only need the limits (import-bounded.ts, the CLI) never load it.
 */
import type JSZip from 'jszip';

export interface ImportLimits {
  /** One inflated zip entry (document.xml of a 100-page report is ~5 MB). */
  maxEntryBytes: number;
  /** All inflated entries together (photos included). */
  maxInflatedBytes: number;
  maxZipEntries: number;
  /** Nesting of XML elements or JSON objects/arrays. */
  maxDepth: number;
  /** XML elements (all parts together) or JSON objects + arrays. */
  maxElements: number;
  /** Heap of the worker that imports (MB). */
  maxMemoryMb: number;
  /** Wall-clock time for one import (ms). */
  maxTimeMs: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxDepth: 256,
  maxElements: 4_000_000,
  maxMemoryMb: 1024,
  maxTimeMs: 60_000,
};

export type LimitKind = 'inflated' | 'entries' | 'depth' | 'elements' | 'memory' | 'time';

/** A file went over a limit; `kind` and `limit` say which, for the message. */
export class ImportLimitError extends Error {
  constructor(
    readonly kind: LimitKind,
    readonly limit: number,
  ) {
    super(`import limit exceeded: ${kind} > ${limit}`);
    this.name = 'ImportLimitError';
  }
}

/** A zip entry that cannot be inflated (damaged data, sizes or CRC that do not match). */
export class ZipUnreadableError extends Error {
  constructor(detail: string) {
    super(`unreadable zip entry: ${detail}`);
    this.name = 'ZipUnreadableError';
  }
}

/** The number shown to the user for a limit: MB for sizes and memory, seconds for time. */
export function limitValue(kind: LimitKind, limit: number): number {
  if (kind === 'inflated') return Math.round(limit / 1024 / 1024);
  if (kind === 'time') return Math.round(limit / 1000);
  return limit;
}

/**
 * Depth and element count of XML text in one pass. Tags are `<name …>`, `</name>`, `<name …/>`;
 * `<?…?>`, `<!--…-->`, `<![CDATA[…]]>` and `<!DOCTYPE…>` are skipped; quoted attribute values
 * may hold `>`.
 */
export function checkXmlBounds(xml: string, limits: Pick<ImportLimits, 'maxDepth' | 'maxElements'>, counted = { elements: 0 }): void {
  let depth = 0;
  let i = xml.indexOf('<');
  const n = xml.length;
  while (i !== -1 && i < n) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', i + 2);
      i = end === -1 ? -1 : xml.indexOf('<', end + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      const close = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = xml.indexOf(close, i + 2);
      i = end === -1 ? -1 : xml.indexOf('<', end + close.length);
      continue;
    }
    // find the end of the tag, skipping quoted attribute values
    let j = i + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    if (next === 0x2f /* / */) depth = Math.max(0, depth - 1);
    else {
      if (++counted.elements > limits.maxElements) throw new ImportLimitError('elements', limits.maxElements);
      if (xml.charCodeAt(j - 1) !== 0x2f /* self-closing */ && ++depth > limits.maxDepth) throw new ImportLimitError('depth', limits.maxDepth);
    }
    i = xml.indexOf('<', j + 1);
  }
}

/** Depth and number of objects/arrays of JSON text in one pass (strings skipped). */
export function checkJsonBounds(text: string, limits: Pick<ImportLimits, 'maxDepth' | 'maxElements'>): void {
  let depth = 0;
  let elements = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++elements > limits.maxElements) throw new ImportLimitError('elements', limits.maxElements);
      if (++depth > limits.maxDepth) throw new ImportLimitError('depth', limits.maxDepth);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

function inflateCounted(file: JSZip.JSZipObject, budget: { left: number }, limits: ImportLimits): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let entry = 0;
    let stopped = false;
    // internalStream is jszip's streaming inflation: chunks arrive as they are inflated.
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return;
        entry += chunk.length;
        budget.left -= chunk.length;
        if (entry > limits.maxEntryBytes || budget.left < 0) {
          stopped = true;
          stream.pause();
          reject(new ImportLimitError('inflated', entry > limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxInflatedBytes));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error: unknown) => {
        if (!stopped) reject(new ZipUnreadableError(`${file.name}: ${String((error as Error)?.message ?? error)}`));
        stopped = true;
      })
      .on('end', () => {
        if (!stopped) resolve(chunks);
      })
      .resume();
  });
}

interface JSZipStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', fn: (error: unknown) => void): JSZipStream;
  on(event: 'end', fn: () => void): JSZipStream;
  resume(): JSZipStream;
  pause(): JSZipStream;
}

/**
 * Inflate every entry of a zip through the counters and scan its XML parts. Throws
 * ImportLimitError over a limit, ZipUnreadableError for an entry that cannot be inflated; a
 * zip whose directory jszip cannot read is left for the importer to refuse.
 */
export async function checkZipBounds(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<void> {
  let zip: JSZip;
  const { default: jszip } = await import('jszip');
  try {
    zip = await jszip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return; // not a zip we can read: the importer says "not a valid .docx"
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.maxZipEntries) throw new ImportLimitError('entries', limits.maxZipEntries);
  const budget = { left: limits.maxInflatedBytes };
  const counted = { elements: 0 };
  const decoder = new TextDecoder('utf-8');
  for (const file of files) {
    const chunks = await inflateCounted(file, budget, limits);
    if (/\.(xml|rels)$/i.test(file.name)) {
      let text = '';
      for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
      text += decoder.decode();
      checkXmlBounds(text, limits, counted);
    }
  }
}

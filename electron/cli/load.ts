/**
 * A file named on the command line → a document, or one clear reason why not. Reading and
 * importing go through the same import service as the app; this adds what only a command
 * line meets (missing paths, folders, a huge text with no line breaks).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GongwenDocument } from '../../shared/model/document';
import { IMPORT_ERROR_KEYS, ImportError, decodeText } from '../services/import-service';
import { MAX_DOCX_BYTES, MAX_DRAFT_BYTES, MAX_TEXT_BYTES } from '../services/file-size-limits';
import { importFileBounded } from '../services/import-bounded';

export type Loaded =
  /** `source`: a plain-text / Markdown file's decoded text, so findings can say their line. */
  | { ok: true; doc: GongwenDocument; source?: string }
  | { ok: false; key: string; values: Record<string, string | number> };

/** A report is 10–100 KB of text; this much without one line break is something else. */
export const MAX_CHARS_WITHOUT_BREAK = 100_000;

/** No accepted file is larger (the .docx and .gwdraft caps); beyond this nothing is read. */
export const MAX_FILE_BYTES = Math.max(MAX_TEXT_BYTES, MAX_DOCX_BYTES, MAX_DRAFT_BYTES);

const TEXT_EXT = /\.(txt|text|md|markdown)$/i;

const IMPORT_KEYS: Record<string, string> = {
  empty: 'checks.cli.fail.empty',
  binary: 'checks.cli.fail.binary',
  'not-docx': 'checks.cli.fail.docx',
  'unsupported-type': 'checks.cli.fail.unsupported',
  'too-large': 'checks.cli.fail.tooLarge',
  'corrupt-draft': 'checks.cli.fail.draft',
  'newer-draft': 'checks.cli.fail.draftNewer',
};

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function hasLineBreak(bytes: Uint8Array): boolean {
  // 0x0A / 0x0D in UTF-8 and GB18030, and the low byte of UTF-16 line breaks.
  return bytes.includes(0x0a) || bytes.includes(0x0d);
}

export async function loadDocument(file: string, cwd: string, today: string): Promise<Loaded> {
  const full = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    // Sync reads: one file at a time anyway, and fs.promises would load ~20 more Node modules (start-up).
    const stat = statSync(full);
    if (stat.isDirectory()) return { ok: false, key: 'checks.cli.fail.isDirectory', values: { file } };
    // /dev/zero, a FIFO, a socket: reading would never end (or block) — refuse before opening.
    if (!stat.isFile()) return { ok: false, key: 'checks.cli.fail.notRegular', values: { file } };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, key: 'checks.cli.fail.tooLarge', values: { file, size: humanSize(stat.size) } };
    bytes = new Uint8Array(readFileSync(full));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, key: 'checks.cli.fail.notFound', values: { file } };
    return { ok: false, key: 'checks.cli.fail.unreadable', values: { file, reason: code || String((error as Error).message ?? error) } };
  }
  if (bytes.length === 0) return { ok: false, key: 'checks.cli.fail.empty', values: { file } };
  if (TEXT_EXT.test(file) && bytes.length > MAX_CHARS_WITHOUT_BREAK && !hasLineBreak(bytes)) {
    return { ok: false, key: 'checks.cli.fail.noLines', values: { file, size: humanSize(bytes.length) } };
  }
  try {
    const doc = await importFileBounded(path.basename(full), bytes, today);
    return TEXT_EXT.test(file) && bytes.length <= MAX_TEXT_BYTES ? { ok: true, doc, source: decodeText(bytes) } : { ok: true, doc };
  } catch (error) {
    if (error instanceof ImportError) {
      // Limits, worker failures, .doc/.pdf refusals and the more precise messages (RTF under a
      // .doc name) carry a full sentence of their own, naming the file.
      const key = error.messageKey === IMPORT_ERROR_KEYS[error.code] ? IMPORT_KEYS[error.code] : undefined;
      if (!key) return { ok: false, key: error.messageKey, values: { ...error.values, name: file } };
      return { ok: false, key, values: { ...error.values, file, size: humanSize(bytes.length) } };
    }
    // Anything else is a bug in an importer; still one line, no internals, and the other files go on.
    return { ok: false, key: 'checks.cli.fail.internal', values: { file, code: (error as Error)?.name ?? 'Error' } };
  }
}

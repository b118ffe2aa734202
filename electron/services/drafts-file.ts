/**
 * The .gwdraft file format and the disk primitives the drafts, settings and import services
 * share. Every write goes through `writeAtomic` (temp file in the same folder, fsync, rename,
 * retried on EPERM/EBUSY/EACCES — see /work/shared/docs/reliability.md for why).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFile as atomicWriteFile } from 'atomically';
import { InvalidDocumentError, NewerSchemaError, migrateDocument } from '../../shared/model/migrate';
import type { GongwenDocument } from '../../shared/model/document';
import { documentSchema } from '../../shared/ipc/schemas';

export const DRAFT_FORMAT = 'gongwen-draft';
export const JOURNAL_FORMAT = 'gongwen-journal';
/** Version of the envelope around the document (the document has its own schemaVersion). */
export const DRAFT_FILE_VERSION = 1;
export const DRAFT_EXT = '.gwdraft';

export interface DraftEnvelope {
  format: typeof DRAFT_FORMAT;
  schemaVersion: number;
  id: string;
  createdAt: string;
  modifiedAt: string;
  document: GongwenDocument;
}

export interface JournalEnvelope {
  format: typeof JOURNAL_FORMAT;
  schemaVersion: number;
  id: string;
  journaledAt: string;
  document: GongwenDocument;
}

export type BadDataReason = 'drafts.corrupt.parse' | 'drafts.corrupt.newer' | 'drafts.corrupt.invalid';

export type Decoded<T> = { ok: true; value: T } | { ok: false; reasonKey: BadDataReason; detail: string };

/** Migrate and validate a document read from anywhere (file, import, journal). */
export function decodeDocument(raw: unknown): Decoded<GongwenDocument> {
  let migrated: GongwenDocument;
  try {
    migrated = migrateDocument(raw);
  } catch (error) {
    if (error instanceof NewerSchemaError) return { ok: false, reasonKey: 'drafts.corrupt.newer', detail: error.message };
    if (error instanceof InvalidDocumentError) return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: error.message };
    return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: String(error) };
  }
  const parsed = documentSchema.safeParse(migrated);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: first ? `${first.path.join('.')}: ${first.message}` : 'invalid document' };
  }
  return { ok: true, value: parsed.data as GongwenDocument };
}

function parseJson(text: string): Decoded<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reasonKey: 'drafts.corrupt.parse', detail: error instanceof Error ? error.message : String(error) };
  }
}

const isoDate = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

/**
 * Bytes of a .gwdraft (or a bare document JSON, as older tools and tests write) → envelope.
 * `fallback` supplies id and times when the file has none (bare document).
 */
export function decodeDraft(bytes: Uint8Array | string, fallback: { id: string; time: string }): Decoded<DraftEnvelope> {
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reasonKey: 'drafts.corrupt.parse', detail: 'not UTF-8 text' };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const json = parseJson(text);
  if (!json.ok) return json;
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: 'not a JSON object' };
  const obj = raw as Record<string, unknown>;
  if (obj.format === undefined && 'body' in obj) {
    const doc = decodeDocument(obj);
    if (!doc.ok) return doc;
    return { ok: true, value: { format: DRAFT_FORMAT, schemaVersion: DRAFT_FILE_VERSION, id: fallback.id, createdAt: fallback.time, modifiedAt: fallback.time, document: doc.value } };
  }
  if (obj.format !== DRAFT_FORMAT) return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: 'not a GongwenDesk draft' };
  if (typeof obj.schemaVersion !== 'number' || !Number.isInteger(obj.schemaVersion) || obj.schemaVersion < 1) {
    return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: 'missing schemaVersion' };
  }
  if (obj.schemaVersion > DRAFT_FILE_VERSION) return { ok: false, reasonKey: 'drafts.corrupt.newer', detail: `draft file version ${obj.schemaVersion}` };
  const doc = decodeDocument(obj.document);
  if (!doc.ok) return doc;
  return {
    ok: true,
    value: {
      format: DRAFT_FORMAT,
      schemaVersion: DRAFT_FILE_VERSION,
      id: typeof obj.id === 'string' ? obj.id : fallback.id,
      createdAt: isoDate(obj.createdAt) ? obj.createdAt : fallback.time,
      modifiedAt: isoDate(obj.modifiedAt) ? obj.modifiedAt : fallback.time,
      document: doc.value,
    },
  };
}

export function decodeJournal(text: string): Decoded<JournalEnvelope> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const obj = json.value as Record<string, unknown> | null;
  if (typeof obj !== 'object' || obj === null || obj.format !== JOURNAL_FORMAT || !isoDate(obj.journaledAt) || typeof obj.id !== 'string') {
    return { ok: false, reasonKey: 'drafts.corrupt.invalid', detail: 'not a journal' };
  }
  const doc = decodeDocument(obj.document);
  if (!doc.ok) return doc;
  return { ok: true, value: { format: JOURNAL_FORMAT, schemaVersion: DRAFT_FILE_VERSION, id: obj.id, journaledAt: obj.journaledAt, document: doc.value } };
}

export function encodeDraft(envelope: Omit<DraftEnvelope, 'format' | 'schemaVersion'>): string {
  const full: DraftEnvelope = { format: DRAFT_FORMAT, schemaVersion: DRAFT_FILE_VERSION, ...envelope };
  return JSON.stringify(full);
}

export interface WriteOptions {
  /** How long `atomically` keeps retrying a locked file (Windows antivirus, indexer). */
  timeoutMs?: number;
}

/** Temp file in the same folder, fsync, rename; retried on EPERM/EBUSY/EACCES by `atomically`. */
export async function writeAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await atomicWriteFile(file, data, { fsync: true, timeout: options.timeoutMs ?? 7_500, encoding: 'utf8' });
}

/**
 * rename with the same patience as `atomically`: on Windows antivirus and the indexer hold
 * files for a moment (EPERM/EBUSY/EACCES).
 */
export async function renameRetry(from: string, to: string, options: WriteOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 7_500);
  for (;;) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 150));
    }
  }
}

/** `atomically`'s temp names: `<file>.tmp-<10 digits><6 hex>`. */
export const ATOMIC_TEMP_PATTERN = /\.tmp-\d{10}[a-f0-9]{6}$/;

/**
 * Delete temp files a killed process left behind. Only files older than `minAgeMs`: a second
 * instance sharing the folder (the preview next to the app) may be writing right now.
 */
export async function removeStaleTempFiles(dir: string, nowMs: number, minAgeMs = 60_000): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!ATOMIC_TEMP_PATTERN.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const st = await fsp.stat(file);
      if (!st.isFile() || nowMs - st.mtimeMs < minAgeMs) continue;
      await fsp.unlink(file);
      removed++;
    } catch {
      // gone already or locked: try again next start
    }
  }
  return removed;
}

/** The i18n key that says why a write failed, so the user knows whether to free space or move the folder. */
export function writeErrorKey(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'drafts.writeFailed.diskFull';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'drafts.writeFailed.readOnly';
    case 'EBUSY':
      return 'drafts.writeFailed.busy';
    default:
      return 'drafts.writeFailed.other';
  }
}

export function errorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException | null;
  return (e?.code ? `${e.code}: ` : '') + (e instanceof Error ? e.message : String(error)).slice(0, 300);
}

/** A name to move a bad file aside under that does not overwrite an earlier one. */
export async function freeName(file: string, suffix: string, now: Date): Promise<string> {
  const first = `${file}${suffix}`;
  if (!(await exists(first))) return first;
  const stamp = compactTime(now);
  for (let i = 0; ; i++) {
    const candidate = `${file}.${stamp}${i ? `-${i}` : ''}${suffix}`;
    if (!(await exists(candidate))) return candidate;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/** 2024-01-05T09:30:12.345Z → 20240105T093012345Z: sortable, and legal in Windows file names. */
export function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function parseCompactTime(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

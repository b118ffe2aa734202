/**
 * The .gwdraft file format: the envelope around a document, the journal, and how bytes
 * read from anywhere (the drafts folder, an import, a USB stick) become a document.
 * Disk primitives live in ./disk.
 */
import { InvalidDocumentError, NewerSchemaError, migrateDocument } from '../../shared/model/migrate';
import type { GongwenDocument } from '../../shared/model/document';
import { documentSchema } from '../../shared/ipc/schemas';

export const DRAFT_FORMAT = 'gongwen-draft';
export const JOURNAL_FORMAT = 'gongwen-journal';
/** Version of the envelope around the document (the document has its own schemaVersion). */
export const DRAFT_FILE_VERSION = 1;
export const DRAFT_EXT = '.gwdraft';
export { MAX_DRAFT_BYTES } from './file-size-limits';

export interface DraftEnvelope {
  format: typeof DRAFT_FORMAT;
  schemaVersion: number;
  id: string;
  createdAt: string;
  modifiedAt: string;
  /**
   * Counts the saves of this draft (1 = created). A save names the revision it was based on;
   * one based on an older revision than the file's is a conflict (kept as a copy, never
   * written over). Absent in files of earlier versions: read as 0.
   */
  revision?: number;
  /** Set on a conflict copy: the draft whose newer save it would have overwritten. */
  conflictOf?: string;
  document: GongwenDocument;
}

export interface JournalEnvelope {
  format: typeof JOURNAL_FORMAT;
  schemaVersion: number;
  id: string;
  journaledAt: string;
  document: GongwenDocument;
}

/**
 * Why a file in the drafts folder cannot be opened (an i18n key). `unreadable`: the file is
 * there but the system refused to read it (locked, no permission) after a few retries — it
 * is left where it is and tried again at the next list. `index`: the list's cache file.
 */
export type BadDataReason =
  | 'drafts.corrupt.parse'
  | 'drafts.corrupt.newer'
  | 'drafts.corrupt.invalid'
  | 'drafts.corrupt.tooLarge'
  | 'drafts.corrupt.notAFile'
  | 'drafts.corrupt.unreadable'
  | 'drafts.corrupt.index';

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
      revision: typeof obj.revision === 'number' && Number.isSafeInteger(obj.revision) && obj.revision >= 0 ? obj.revision : 0,
      ...(typeof obj.conflictOf === 'string' && /^[A-Za-z0-9_-]{6,64}$/.test(obj.conflictOf) ? { conflictOf: obj.conflictOf } : {}),
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

/**
 * What every part of the drafts store shares: the folder layout, the clock, the in-memory
 * view of the folder (live drafts, trash, set-aside files), the per-draft write queue and
 * the Result plumbing. Created once per service; the other modules take it as their first
 * argument and keep no state of their own beyond what they say.
 */
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AppError, CheckState, DraftSummary, Result } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model/document';
import { DRAFT_EXT, type BadDataReason, type DraftEnvelope } from '../drafts-file';
import { errorMessage, writeErrorKey, type WriteOptions } from '../disk';

export interface DraftServiceOptions {
  dataDir: string;
  now?: () => Date;
  checkState?: (doc: GongwenDocument) => CheckState;
  /** How long a locked file is retried before a save fails (default 7.5 s, for Windows antivirus). */
  writeTimeoutMs?: number;
  /** Temp files younger than this are left alone at start (another instance may be writing). */
  staleTempAgeMs?: number;
  newId?: () => string;
  /** Reads a draft file (tests inject transient failures); default fs.readFile. */
  readFile?: (file: string) => Promise<Buffer>;
  /** Pause before the first retry of a refused read (doubles each time; default 100 ms, 4 tries). */
  readRetryMs?: number;
}

/** How draft files are read: a refused read (EBUSY from antivirus, EMFILE, …) is retried. */
export interface ReadIo {
  readFile(file: string): Promise<Buffer>;
  retryMs: number;
}

/**
 * A file of drafts/ that cannot be opened. `where` is its path under the data folder, with
 * `/` (drafts/quarantine/x.gwdraft once moved, drafts/x.gwdraft while it stays in place).
 */
export interface SetAsideEntry {
  fileName: string;
  reasonKey: BadDataReason;
  where: string;
  moved: boolean;
}

/** What the store knows of a draft without reading it (also the index cache's record). */
export interface Entry {
  id: string;
  createdAt: string;
  modifiedAt: string;
  title: string;
  kind: string;
  reportYear: number | null;
  checkState: CheckState;
  mtimeMs: number;
  size: number;
  /** The file's revision (see DraftEnvelope.revision). */
  revision: number;
  conflictOf?: string;
}

export interface TrashEntry extends Entry {
  deletedAt: string;
}

export const DRAFT_NAME = /^([A-Za-z0-9_-]{6,64})\.gwdraft$/;

export interface DraftPaths {
  draftsDir: string;
  trashDir: string;
  revisionsDir: string;
  indexFile: string;
  /** drafts/quarantine/: files that cannot be opened, moved out of the way, never deleted. */
  quarantineDir: string;
  draftFile(id: string): string;
  journalFile(id: string): string;
  trashDraft(id: string): string;
  trashJournal(id: string): string;
  trashMeta(id: string): string;
  revisionDir(id: string): string;
}

export function draftPaths(dataDir: string): DraftPaths {
  const draftsDir = path.join(dataDir, 'drafts');
  const trashDir = path.join(dataDir, 'trash');
  const revisionsDir = path.join(dataDir, 'revisions');
  return {
    draftsDir,
    trashDir,
    revisionsDir,
    indexFile: path.join(draftsDir, 'index.json'),
    quarantineDir: path.join(draftsDir, 'quarantine'),
    draftFile: (id) => path.join(draftsDir, `${id}${DRAFT_EXT}`),
    journalFile: (id) => path.join(draftsDir, `${id}.journal`),
    trashDraft: (id) => path.join(trashDir, `${id}${DRAFT_EXT}`),
    trashJournal: (id) => path.join(trashDir, `${id}.journal`),
    trashMeta: (id) => path.join(trashDir, `${id}.meta.json`),
    revisionDir: (id) => path.join(revisionsDir, id),
  };
}

export interface DraftsContext {
  paths: DraftPaths;
  now: () => Date;
  newId: () => string;
  writeOpts: WriteOptions;
  staleTempAgeMs: number;
  live: Map<string, Entry>;
  trash: Map<string, TrashEntry>;
  io: ReadIo;
  /** Files that cannot be opened, keyed by `where` (their path under the data folder). */
  setAside: Map<string, SetAsideEntry>;
  /** `file` (absolute, inside the data folder) → its `where` key. */
  where(file: string): string;
  /** Saves are serialised per file, so two writes of one draft never race. */
  enqueue<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Every queued operation still running (flush waits for them). */
  pending(): Promise<void>[];
  entryFrom(env: DraftEnvelope, stat: { mtimeMs: number; size: number }): Entry;
}

export function createContext(options: DraftServiceOptions): DraftsContext {
  const now = options.now ?? (() => new Date());
  const checkStateOf = options.checkState ?? (() => 'unknown' as const);
  const queues = new Map<string, Promise<void>>();

  function enqueue<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  }

  function safeCheckState(doc: GongwenDocument): CheckState {
    try {
      return checkStateOf(doc);
    } catch {
      return 'unknown';
    }
  }

  return {
    paths: draftPaths(options.dataDir),
    now,
    newId: options.newId ?? (() => `${now().getTime().toString(36)}-${randomBytes(5).toString('hex')}`),
    writeOpts: { timeoutMs: options.writeTimeoutMs ?? 7_500 },
    staleTempAgeMs: options.staleTempAgeMs ?? 60_000,
    live: new Map(),
    trash: new Map(),
    io: { readFile: options.readFile ?? ((file) => fsp.readFile(file)), retryMs: options.readRetryMs ?? 100 },
    setAside: new Map(),
    where: (file) => path.relative(options.dataDir, file).split(path.sep).join('/'),
    enqueue,
    pending: () => [...queues.values()],
    entryFrom(env, stat) {
      const doc = env.document;
      return {
        id: env.id,
        createdAt: env.createdAt,
        modifiedAt: env.modifiedAt,
        title: doc.header.title.replace(/\s+/g, ' ').trim().slice(0, 200),
        kind: doc.kind,
        reportYear: doc.reportYear,
        checkState: safeCheckState(doc),
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        revision: env.revision ?? 0,
        ...(env.conflictOf ? { conflictOf: env.conflictOf } : {}),
      };
    },
  };
}

export const summary = (e: Entry): DraftSummary => ({
  id: e.id,
  title: e.title,
  kind: e.kind,
  reportYear: e.reportYear,
  modifiedAt: e.modifiedAt,
  checkState: e.checkState,
  ...(e.conflictOf ? { conflictOf: e.conflictOf } : {}),
});

// ---- Results: nothing in the store throws to the caller ----

type Fail = { ok: false; error: AppError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export class ServiceFailure extends Error {
  constructor(readonly result: Fail) {
    super(result.error.code);
  }
}

/** Throw inside a queued operation to answer a Result; anything else becomes errors.internal. */
export function bail(code: string, messageKey: string, values?: Record<string, string | number>): never {
  throw new ServiceFailure(fail(code, messageKey, values));
}

export function writeFailure(error: unknown): never {
  throw new ServiceFailure(fail('write-failed', writeErrorKey(error), { reason: errorMessage(error) }));
}

/** Wait for start-up, run, and turn a bail (or any other throw) into a Result. */
export async function guarded<T>(started: Promise<void>, fn: () => Promise<T>): Promise<Result<T>> {
  try {
    await started;
    return ok(await fn());
  } catch (error) {
    if (error instanceof ServiceFailure) return error.result;
    return fail('internal', 'errors.internal', { message: errorMessage(error) });
  }
}

/**
 * Drafts on the user's disk: one file per draft, a journal for crash recovery, revisions,
 * a trash kept 30 days. Nothing here throws to the caller: every method answers a Result,
 * and a failed write leaves the previous version intact (the renderer keeps the text).
 *
 * Layout under dataDir:
 *   drafts/<id>.gwdraft        the last save (envelope: format, schemaVersion, id, times, document)
 *   drafts/<id>.journal        typing newer than the last save (written ~1 s after typing stops)
 *   drafts/index.json          a cache of the summaries; rebuilt from the files when missing or stale
 *   drafts/<name>.corrupt      a draft that could not be read, moved aside (never deleted)
 *   trash/<id>.gwdraft|.journal|.meta.json   deleted drafts, restorable for 30 days
 *   revisions/<id>/<time>-<reason>.gwdraft   snapshots (autosave ≤ 1/min, last 20; export; restore)
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import filenamify from 'filenamify';
import type {
  AppError,
  ApiOutputs,
  CheckState,
  DraftList,
  DraftRecord,
  DraftSummary,
  Result,
  Revision,
  SetAsideDraft,
} from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/contract';
import { documentSchema, draftIdSchema, revisionIdSchema } from '../../shared/ipc/schemas';
import type { GongwenDocument } from '../../shared/model/document';
import { rolloverDocument } from '../../shared/model/rollover';
import {
  DRAFT_EXT,
  DRAFT_FILE_VERSION,
  JOURNAL_FORMAT,
  type BadDataReason,
  type DraftEnvelope,
  compactTime,
  decodeDraft,
  decodeJournal,
  encodeDraft,
  errorMessage,
  exists,
  freeName,
  parseCompactTime,
  removeStaleTempFiles,
  renameRetry,
  writeAtomic,
  writeErrorKey,
} from './drafts-file';

export const TRASH_DAYS = 30;
export const AUTOSAVE_SNAPSHOT_INTERVAL_MS = 60_000;
export const KEEP_AUTOSAVE_SNAPSHOTS = 20;
export const KEEP_RESTORE_SNAPSHOTS = 20;
/** A .gwdraft handed over for import; generous for a report, stops a wrong file early. */
export const MAX_DRAFT_IMPORT_BYTES = 50 * 1024 * 1024;

export interface DraftServiceOptions {
  dataDir: string;
  now?: () => Date;
  checkState?: (doc: GongwenDocument) => CheckState;
  /** How long a locked file is retried before a save fails (default 7.5 s, for Windows antivirus). */
  writeTimeoutMs?: number;
  /** Temp files younger than this are left alone at start (another instance may be writing). */
  staleTempAgeMs?: number;
  newId?: () => string;
}

type RevisionReason = Revision['reason'];

export interface DraftService {
  /** Resolves when start-up (temp clean-up, trash purge, index) is done; every method waits for it. */
  ready(): Promise<void>;
  list(): Promise<Result<DraftList>>;
  create(document: GongwenDocument): Promise<Result<DraftRecord>>;
  get(id: string): Promise<Result<DraftRecord>>;
  save(id: string, document: GongwenDocument): Promise<Result<ApiOutputs['drafts:save']>>;
  journal(id: string, document: GongwenDocument): Promise<Result<ApiOutputs['drafts:journal']>>;
  duplicate(id: string): Promise<Result<DraftRecord>>;
  delete(id: string): Promise<Result<ApiOutputs['drafts:delete']>>;
  restoreFromTrash(id: string): Promise<Result<DraftSummary>>;
  revisions(id: string): Promise<Result<Revision[]>>;
  restoreRevision(id: string, revisionId: string): Promise<Result<DraftRecord>>;
  snapshot(id: string, reason: 'export'): Promise<Result<Revision>>;
  rollover(id: string): Promise<Result<DraftRecord & { figuresMarked: number }>>;
  exportFile(id: string): Promise<Result<ApiOutputs['drafts:exportFile']>>;
  importFile(file: { name: string; base64: string }): Promise<Result<DraftRecord>>;
  /** Waits for every queued write (call before quitting). */
  flush(): Promise<void>;
}

interface Entry {
  id: string;
  createdAt: string;
  modifiedAt: string;
  title: string;
  kind: string;
  reportYear: number | null;
  checkState: CheckState;
  mtimeMs: number;
  size: number;
}

interface TrashEntry extends Entry {
  deletedAt: string;
}

const INDEX_VERSION = 1;
const DRAFT_NAME = /^([A-Za-z0-9_-]{6,64})\.gwdraft$/;
const REVISION_NAME = /^(\d{8}T\d{9}Z)-(autosave|export|restore)(?:-\d+)?$/;

type Fail = { ok: false; error: AppError };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });

class ServiceFailure extends Error {
  constructor(readonly result: Fail) {
    super(result.error.code);
  }
}

/** Throw inside a queued operation to answer a Result; anything else becomes errors.internal. */
function bail(code: string, messageKey: string, values?: Record<string, string | number>): never {
  throw new ServiceFailure(fail(code, messageKey, values));
}

function writeFailure(error: unknown): never {
  throw new ServiceFailure(fail('write-failed', writeErrorKey(error), { reason: errorMessage(error) }));
}

export function createDraftService(options: DraftServiceOptions): DraftService {
  const now = options.now ?? (() => new Date());
  const checkStateOf = options.checkState ?? (() => 'unknown' as const);
  const writeOpts = { timeoutMs: options.writeTimeoutMs ?? 7_500 };
  const newId = options.newId ?? (() => `${now().getTime().toString(36)}-${randomBytes(5).toString('hex')}`);
  const draftsDir = path.join(options.dataDir, 'drafts');
  const trashDir = path.join(options.dataDir, 'trash');
  const revisionsDir = path.join(options.dataDir, 'revisions');
  const indexFile = path.join(draftsDir, 'index.json');

  const draftFile = (id: string) => path.join(draftsDir, `${id}${DRAFT_EXT}`);
  const journalFile = (id: string) => path.join(draftsDir, `${id}.journal`);
  const trashDraft = (id: string) => path.join(trashDir, `${id}${DRAFT_EXT}`);
  const trashJournal = (id: string) => path.join(trashDir, `${id}.journal`);
  const trashMeta = (id: string) => path.join(trashDir, `${id}.meta.json`);
  const revisionDir = (id: string) => path.join(revisionsDir, id);

  const live = new Map<string, Entry>();
  const trash = new Map<string, TrashEntry>();
  /** Files left in drafts/ that cannot be opened: name → reason. */
  const setAside = new Map<string, BadDataReason>();
  const lastAutosnapshot = new Map<string, number>();
  const queues = new Map<string, Promise<void>>();

  // ---- queues: saves are serialised per file, so two writes of one draft never race ----
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

  async function guarded<T>(fn: () => Promise<T>): Promise<Result<T>> {
    try {
      await started;
      return ok(await fn());
    } catch (error) {
      if (error instanceof ServiceFailure) return error.result;
      return fail('internal', 'errors.internal', { message: errorMessage(error) });
    }
  }

  function requireId(id: string): void {
    if (!draftIdSchema.safeParse(id).success) bail('invalid-payload', 'drafts.errors.badId', { id: String(id).slice(0, 80) });
  }

  function requireDocument(document: GongwenDocument): GongwenDocument {
    const parsed = documentSchema.safeParse(document);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      bail('invalid-payload', 'drafts.errors.invalidDocument', { path: first ? first.path.join('.') : '', reason: first ? first.message : '' });
    }
    return parsed.data as GongwenDocument;
  }

  function safeCheckState(doc: GongwenDocument): CheckState {
    try {
      return checkStateOf(doc);
    } catch {
      return 'unknown';
    }
  }

  function entryFrom(env: DraftEnvelope, stat: { mtimeMs: number; size: number }): Entry {
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
    };
  }

  const summary = (e: Entry): DraftSummary => ({ id: e.id, title: e.title, kind: e.kind, reportYear: e.reportYear, modifiedAt: e.modifiedAt, checkState: e.checkState });

  // ---- the index: a cache, never the truth ----
  let indexDirty = false;
  let indexWriting: Promise<void> | null = null;

  function scheduleIndexWrite(): void {
    indexDirty = true;
    if (indexWriting) return;
    indexWriting = (async () => {
      while (indexDirty) {
        indexDirty = false;
        const data = { version: INDEX_VERSION, drafts: [...live.values()] };
        try {
          await writeAtomic(indexFile, JSON.stringify(data), writeOpts);
        } catch {
          // The index is only a cache: the next start rebuilds it from the files.
        }
      }
      indexWriting = null;
    })();
  }

  async function loadIndex(): Promise<Map<string, Entry>> {
    const cached = new Map<string, Entry>();
    try {
      const data = JSON.parse(await fsp.readFile(indexFile, 'utf8')) as { version?: unknown; drafts?: unknown };
      if (data.version !== INDEX_VERSION || !Array.isArray(data.drafts)) return cached;
      for (const e of data.drafts as Partial<Entry>[]) {
        if (
          e &&
          typeof e.id === 'string' &&
          typeof e.mtimeMs === 'number' &&
          typeof e.size === 'number' &&
          typeof e.modifiedAt === 'string' &&
          typeof e.createdAt === 'string' &&
          typeof e.title === 'string' &&
          typeof e.kind === 'string' &&
          (e.reportYear === null || typeof e.reportYear === 'number') &&
          typeof e.checkState === 'string'
        ) {
          cached.set(e.id, e as Entry);
        }
      }
    } catch {
      // missing or corrupt: rebuilt from the files below
    }
    return cached;
  }

  // ---- reading and setting aside ----
  async function readEnvelope(file: string, id: string): Promise<{ env: DraftEnvelope; stat: { mtimeMs: number; size: number } } | { bad: BadDataReason; detail: string } | null> {
    let bytes: Buffer;
    let stat: { mtimeMs: number; size: number };
    try {
      bytes = await fsp.readFile(file);
      const st = await fsp.stat(file);
      stat = { mtimeMs: st.mtimeMs, size: st.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const decoded = decodeDraft(bytes, { id, time: new Date(stat.mtimeMs).toISOString() });
    if (!decoded.ok) return { bad: decoded.reasonKey, detail: decoded.detail };
    return { env: { ...decoded.value, id }, stat };
  }

  /**
   * A draft that cannot be read is moved aside as `<name>.corrupt`, beside it, never deleted.
   * A draft written by a newer app version stays where it is (that version will open it
   * again) and is only listed. When a journal or a revision of the draft can be read, the
   * draft is re-created from the newest of them, so the user loses as little as possible.
   */
  async function setAsideDraft(id: string, reason: BadDataReason): Promise<void> {
    const file = draftFile(id);
    if (reason === 'drafts.corrupt.newer') {
      setAside.set(path.basename(file), reason);
      live.delete(id);
      return;
    }
    const target = await freeName(file, '.corrupt', now());
    await renameRetry(file, target, writeOpts);
    setAside.set(path.basename(target), reason);
    live.delete(id);
    const salvage = await newestReadableCopy(id);
    if (salvage) {
      const modifiedAt = now().toISOString();
      const text = encodeDraft({ id, createdAt: salvage.createdAt ?? modifiedAt, modifiedAt, document: salvage.document });
      await writeAtomic(file, text, writeOpts);
      const st = await fsp.stat(file);
      live.set(id, entryFrom({ format: 'gongwen-draft', schemaVersion: DRAFT_FILE_VERSION, id, createdAt: salvage.createdAt ?? modifiedAt, modifiedAt, document: salvage.document }, st));
    }
  }

  async function newestReadableCopy(id: string): Promise<{ document: GongwenDocument; createdAt: string | null } | null> {
    try {
      const journal = decodeJournal(await fsp.readFile(journalFile(id), 'utf8'));
      if (journal.ok) return { document: journal.value.document, createdAt: null };
    } catch {
      // no journal
    }
    for (const rev of await listRevisions(id)) {
      const read = await readEnvelope(path.join(revisionDir(id), `${rev.id}${DRAFT_EXT}`), id);
      if (read && 'env' in read) return { document: read.env.document, createdAt: read.env.createdAt };
    }
    return null;
  }

  async function reasonOfCorruptFile(file: string): Promise<BadDataReason> {
    try {
      const decoded = decodeDraft(await fsp.readFile(file), { id: 'x', time: new Date(0).toISOString() });
      return decoded.ok ? 'drafts.corrupt.invalid' : decoded.reasonKey;
    } catch {
      return 'drafts.corrupt.parse';
    }
  }

  let refreshing: Promise<void> = Promise.resolve();
  /** Bring the in-memory view in line with the folder (files copied in, changed, removed). */
  function refresh(cached?: Map<string, Entry>): Promise<void> {
    const run = refreshing.then(() => refreshNow(cached));
    refreshing = run.catch(() => undefined);
    return run;
  }

  async function refreshNow(cached?: Map<string, Entry>): Promise<void> {
    // the folder may have been removed while the app runs (a clean-up tool, the user)
    await fsp.mkdir(draftsDir, { recursive: true });
    const names = await fsp.readdir(draftsDir);
    const seen = new Set<string>();
    let changed = false;
    const corruptNames = new Set<string>();
    for (const name of names) {
      if (name.endsWith('.corrupt')) {
        corruptNames.add(name);
        continue;
      }
      const m = DRAFT_NAME.exec(name);
      if (!m) continue;
      const id = m[1]!;
      const file = path.join(draftsDir, name);
      let st: { mtimeMs: number; size: number };
      try {
        st = await fsp.stat(file);
      } catch {
        continue;
      }
      const known = live.get(id) ?? cached?.get(id);
      if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) {
        if (!live.has(id)) live.set(id, known);
        seen.add(id);
        continue;
      }
      // Stale or unknown: the queue makes sure we never read a draft while it is being replaced.
      await enqueue(id, async () => {
        const read = await readEnvelope(file, id);
        if (!read) return;
        if ('bad' in read) {
          await setAsideDraft(id, read.bad);
          if (live.has(id)) seen.add(id);
        } else {
          setAside.delete(name);
          live.set(id, entryFrom(read.env, read.stat));
          seen.add(id);
        }
        changed = true;
      });
    }
    for (const id of [...live.keys()]) {
      if (!seen.has(id)) {
        live.delete(id);
        changed = true;
      }
    }
    // keep the set-aside list equal to what is in the folder
    for (const name of [...setAside.keys()]) {
      const stillThere = name.endsWith('.corrupt') ? corruptNames.has(name) : names.includes(name) && !live.has(name.slice(0, -DRAFT_EXT.length));
      if (!stillThere) setAside.delete(name);
    }
    for (const name of corruptNames) {
      if (!setAside.has(name)) setAside.set(name, await reasonOfCorruptFile(path.join(draftsDir, name)));
    }
    if (changed || cached) scheduleIndexWrite();
  }

  // ---- trash ----
  async function loadTrash(): Promise<void> {
    let names: string[];
    try {
      names = await fsp.readdir(trashDir);
    } catch {
      return;
    }
    const cutoff = now().getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000;
    for (const name of names) {
      const m = DRAFT_NAME.exec(name);
      if (!m) continue;
      const id = m[1]!;
      let deletedAt: string | null = null;
      try {
        const meta = JSON.parse(await fsp.readFile(trashMeta(id), 'utf8')) as { deletedAt?: unknown };
        if (typeof meta.deletedAt === 'string' && !Number.isNaN(Date.parse(meta.deletedAt))) deletedAt = meta.deletedAt;
      } catch {
        // no meta (or unreadable): the file's time is the best we know
      }
      const read = await readEnvelope(path.join(trashDir, name), id);
      if (!read) continue;
      const st = 'env' in read ? read.stat : await fsp.stat(path.join(trashDir, name));
      deletedAt ??= new Date(st.mtimeMs).toISOString();
      if (Date.parse(deletedAt) < cutoff) {
        await purge(id);
        continue;
      }
      // An unreadable file in the trash stays there untouched; it is simply not listed.
      if ('env' in read) trash.set(id, { ...entryFrom(read.env, read.stat), deletedAt });
    }
    // A meta without its file is left over from an interrupted delete or restore.
    for (const name of names) {
      const m = /^([A-Za-z0-9_-]{6,64})\.meta\.json$/.exec(name);
      if (m && !(await exists(trashDraft(m[1]!)))) await fsp.rm(path.join(trashDir, name), { force: true });
    }
  }

  async function purge(id: string): Promise<void> {
    for (const file of [trashDraft(id), trashJournal(id), trashMeta(id)]) await fsp.rm(file, { force: true });
    await fsp.rm(revisionDir(id), { recursive: true, force: true });
    lastAutosnapshot.delete(id);
  }

  // ---- start-up ----
  async function startUp(): Promise<void> {
    await fsp.mkdir(draftsDir, { recursive: true });
    await fsp.mkdir(trashDir, { recursive: true });
    await fsp.mkdir(revisionsDir, { recursive: true });
    const nowMs = now().getTime();
    const age = options.staleTempAgeMs ?? 60_000;
    // A process killed mid-write leaves its temp file behind; the real file is intact.
    await removeStaleTempFiles(draftsDir, nowMs, age);
    await removeStaleTempFiles(trashDir, nowMs, age);
    for (const dir of await fsp.readdir(revisionsDir).catch(() => [] as string[])) {
      await removeStaleTempFiles(path.join(revisionsDir, dir), nowMs, age);
    }
    await loadTrash();
    await refresh(await loadIndex());
  }

  const started = startUp();
  // Reported by each call (guarded awaits it); keep Node from warning about an unhandled rejection.
  started.catch(() => undefined);

  // ---- writing ----
  async function writeDraft(id: string, document: GongwenDocument, createdAt: string): Promise<{ modifiedAt: string; text: string }> {
    const modifiedAt = now().toISOString();
    const text = encodeDraft({ id, createdAt, modifiedAt, document });
    try {
      await writeAtomic(draftFile(id), text, writeOpts);
    } catch (error) {
      writeFailure(error);
    }
    let st = { mtimeMs: 0, size: Buffer.byteLength(text) };
    try {
      st = await fsp.stat(draftFile(id));
    } catch {
      // the write succeeded; a missing stat only makes the next list re-read the file
    }
    live.set(id, entryFrom({ format: 'gongwen-draft', schemaVersion: DRAFT_FILE_VERSION, id, createdAt, modifiedAt, document }, st));
    setAside.delete(`${id}${DRAFT_EXT}`);
    scheduleIndexWrite();
    return { modifiedAt, text };
  }

  async function readLive(id: string): Promise<DraftEnvelope> {
    const read = await readEnvelope(draftFile(id), id);
    if (!read) {
      live.delete(id);
      if (trash.has(id)) bail('draft-deleted', 'drafts.errors.deleted', { id });
      bail('draft-not-found', 'drafts.errors.notFound', { id });
    }
    if ('bad' in read) {
      await setAsideDraft(id, read.bad);
      scheduleIndexWrite();
      bail('draft-unreadable', read.bad, { id });
    }
    return read.env;
  }

  async function readRecovered(id: string, env: DraftEnvelope): Promise<GongwenDocument | null> {
    let text: string;
    try {
      text = await fsp.readFile(journalFile(id), 'utf8');
    } catch {
      return null;
    }
    const journal = decodeJournal(text);
    if (!journal.ok) return null;
    if (Date.parse(journal.value.journaledAt) <= Date.parse(env.modifiedAt)) return null;
    if (JSON.stringify(journal.value.document) === JSON.stringify(env.document)) return null;
    return journal.value.document;
  }

  async function removeJournal(id: string): Promise<void> {
    try {
      await fsp.rm(journalFile(id), { force: true });
    } catch {
      // Locked (Windows): it is older than the save, so get() will not offer it back.
    }
  }

  // ---- revisions ----
  async function listRevisions(id: string): Promise<Revision[]> {
    let names: string[];
    try {
      names = await fsp.readdir(revisionDir(id));
    } catch {
      return [];
    }
    const out: Revision[] = [];
    for (const name of names) {
      if (!name.endsWith(DRAFT_EXT)) continue;
      const revId = name.slice(0, -DRAFT_EXT.length);
      const m = REVISION_NAME.exec(revId);
      const when = m ? parseCompactTime(m[1]!) : null;
      if (!m || !when) continue;
      out.push({ id: revId, savedAt: when.toISOString(), reason: m[2] as RevisionReason });
    }
    return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async function writeSnapshot(id: string, text: string, reason: RevisionReason): Promise<Revision> {
    const at = now();
    const dir = revisionDir(id);
    await fsp.mkdir(dir, { recursive: true });
    let revId = `${compactTime(at)}-${reason}`;
    for (let i = 2; await exists(path.join(dir, `${revId}${DRAFT_EXT}`)); i++) revId = `${compactTime(at)}-${reason}-${i}`;
    await writeAtomic(path.join(dir, `${revId}${DRAFT_EXT}`), text, writeOpts);
    if (reason === 'autosave') lastAutosnapshot.set(id, at.getTime());
    await pruneRevisions(id);
    return { id: revId, savedAt: at.toISOString(), reason };
  }

  async function pruneRevisions(id: string): Promise<void> {
    const all = await listRevisions(id);
    const limits: Partial<Record<RevisionReason, number>> = { autosave: KEEP_AUTOSAVE_SNAPSHOTS, restore: KEEP_RESTORE_SNAPSHOTS };
    for (const reason of ['autosave', 'restore'] as const) {
      const old = all.filter((r) => r.reason === reason).slice(limits[reason]);
      for (const r of old) await fsp.rm(path.join(revisionDir(id), `${r.id}${DRAFT_EXT}`), { force: true });
    }
  }

  async function autosnapshotIfDue(id: string, text: string): Promise<void> {
    let last = lastAutosnapshot.get(id);
    if (last === undefined) {
      const latest = (await listRevisions(id)).find((r) => r.reason === 'autosave');
      last = latest ? Date.parse(latest.savedAt) : Number.NEGATIVE_INFINITY;
      lastAutosnapshot.set(id, last);
    }
    if (now().getTime() - last < AUTOSAVE_SNAPSHOT_INTERVAL_MS) return;
    try {
      await writeSnapshot(id, text, 'autosave');
    } catch {
      // The draft itself is saved; a missed snapshot is retried on the next save.
    }
  }

  function refuseTrashed(id: string): void {
    if (trash.has(id)) bail('draft-deleted', 'drafts.errors.deleted', { id });
    // a draft of a newer app version stays in place; never overwrite it
    if (setAside.get(`${id}${DRAFT_EXT}`) === 'drafts.corrupt.newer') bail('draft-unreadable', 'drafts.corrupt.newer', { id });
  }

  async function createFrom(document: GongwenDocument): Promise<DraftRecord> {
    const id = newId();
    return enqueue(id, async () => {
      const createdAt = now().toISOString();
      const { modifiedAt } = await writeDraft(id, document, createdAt);
      return { id, document, modifiedAt, recovered: null };
    });
  }

  const service: DraftService = {
    ready: () => started,

    list: () =>
      guarded(async () => {
        await refresh();
        const drafts = [...live.values()].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).map(summary);
        const trashed = [...trash.values()].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).map((e) => ({ ...summary(e), deletedAt: e.deletedAt }));
        const aside: SetAsideDraft[] = [...setAside.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([fileName, reasonKey]) => ({ fileName, reasonKey }));
        return { drafts, trash: trashed, setAside: aside };
      }),

    create: (document) => guarded(async () => createFrom(requireDocument(document))),

    get: (id) =>
      guarded(async () => {
        requireId(id);
        return enqueue(id, async () => {
          const env = await readLive(id);
          const recovered = await readRecovered(id, env);
          return { id, document: env.document, modifiedAt: env.modifiedAt, recovered };
        });
      }),

    save: (id, document) =>
      guarded(async () => {
        requireId(id);
        const doc = requireDocument(document);
        refuseTrashed(id);
        return enqueue(id, async () => {
          refuseTrashed(id);
          // An unknown id is written all the same: the text in the editor must land somewhere.
          const createdAt = live.get(id)?.createdAt ?? now().toISOString();
          const { modifiedAt, text } = await writeDraft(id, doc, createdAt);
          await removeJournal(id);
          await autosnapshotIfDue(id, text);
          return { modifiedAt };
        });
      }),

    journal: (id, document) =>
      guarded(async () => {
        requireId(id);
        const doc = requireDocument(document);
        refuseTrashed(id);
        return enqueue(id, async () => {
          refuseTrashed(id);
          const journaledAt = now().toISOString();
          const text = JSON.stringify({ format: JOURNAL_FORMAT, schemaVersion: DRAFT_FILE_VERSION, id, journaledAt, document: doc });
          try {
            await writeAtomic(journalFile(id), text, writeOpts);
          } catch (error) {
            writeFailure(error);
          }
          return { journaledAt };
        });
      }),

    duplicate: (id) =>
      guarded(async () => {
        requireId(id);
        const env = await enqueue(id, () => readLive(id));
        return createFrom(env.document);
      }),

    delete: (id) =>
      guarded(async () => {
        requireId(id);
        return enqueue(id, async () => {
          const env = await readLive(id);
          const deletedAt = now().toISOString();
          try {
            // meta first: a crash before the move leaves a stray meta, cleaned at start; never a file without its date
            await writeAtomic(trashMeta(id), JSON.stringify({ deletedAt }), writeOpts);
            await renameRetry(draftFile(id), trashDraft(id), writeOpts);
          } catch (error) {
            writeFailure(error);
          }
          if (await exists(journalFile(id))) await renameRetry(journalFile(id), trashJournal(id), writeOpts).catch(() => undefined);
          const entry = live.get(id);
          const st = await fsp.stat(trashDraft(id));
          trash.set(id, { ...(entry ?? entryFrom(env, st)), deletedAt });
          live.delete(id);
          scheduleIndexWrite();
          return { deletedAt };
        });
      }),

    restoreFromTrash: (id) =>
      guarded(async () => {
        requireId(id);
        return enqueue(id, async () => {
          if (!(await exists(trashDraft(id)))) bail('draft-not-found', 'drafts.errors.notInTrash', { id });
          if (await exists(draftFile(id))) bail('draft-conflict', 'drafts.errors.conflict', { id });
          try {
            await renameRetry(trashDraft(id), draftFile(id), writeOpts);
          } catch (error) {
            writeFailure(error);
          }
          if (await exists(trashJournal(id))) await renameRetry(trashJournal(id), journalFile(id), writeOpts).catch(() => undefined);
          await fsp.rm(trashMeta(id), { force: true }).catch(() => undefined);
          trash.delete(id);
          const read = await readEnvelope(draftFile(id), id);
          if (!read || 'bad' in read) {
            if (read) await setAsideDraft(id, read.bad);
            bail('draft-unreadable', read ? read.bad : 'drafts.corrupt.parse', { id });
          }
          const entry = entryFrom(read.env, read.stat);
          live.set(id, entry);
          scheduleIndexWrite();
          return summary(entry);
        });
      }),

    revisions: (id) =>
      guarded(async () => {
        requireId(id);
        return listRevisions(id);
      }),

    restoreRevision: (id, revisionId) =>
      guarded(async () => {
        requireId(id);
        if (!revisionIdSchema.safeParse(revisionId).success || !REVISION_NAME.test(revisionId)) bail('invalid-payload', 'drafts.errors.badRevision', { id: revisionId.slice(0, 80) });
        refuseTrashed(id);
        return enqueue(id, async () => {
          const read = await readEnvelope(path.join(revisionDir(id), `${revisionId}${DRAFT_EXT}`), id);
          if (!read) bail('revision-not-found', 'drafts.errors.revisionNotFound', { id: revisionId });
          if ('bad' in read) bail('revision-unreadable', read.bad, { id: revisionId });
          const current = await readLive(id);
          // "Current" includes typing newer than the last save: the restore must not lose it.
          const recovered = await readRecovered(id, current);
          const currentText = recovered ? encodeDraft({ id, createdAt: current.createdAt, modifiedAt: now().toISOString(), document: recovered }) : encodeDraft(current);
          try {
            await writeSnapshot(id, currentText, 'restore');
          } catch (error) {
            writeFailure(error);
          }
          const { modifiedAt } = await writeDraft(id, read.env.document, current.createdAt);
          await removeJournal(id);
          return { id, document: read.env.document, modifiedAt, recovered: null };
        });
      }),

    snapshot: (id, reason) =>
      guarded(async () => {
        requireId(id);
        return enqueue(id, async () => {
          const env = await readLive(id);
          try {
            return await writeSnapshot(id, encodeDraft(env), reason);
          } catch (error) {
            writeFailure(error);
          }
        });
      }),

    rollover: (id) =>
      guarded(async () => {
        requireId(id);
        const env = await enqueue(id, () => readLive(id));
        const { document, figuresMarked } = rolloverDocument(env.document);
        const record = await createFrom(requireDocument(document));
        return { ...record, figuresMarked };
      }),

    exportFile: (id) =>
      guarded(async () => {
        requireId(id);
        const env = await enqueue(id, () => readLive(id));
        const bytes = Buffer.from(encodeDraft(env), 'utf8');
        const stamp = now().toISOString().slice(0, 10).replace(/-/g, '');
        let base = filenamify(env.document.header.title.replace(/\s+/g, ''), { replacement: '_', maxLength: 80 }).trim();
        if (!base || /^[_.\s]*$/.test(base)) base = `报告_${stamp}`;
        return { fileName: `${base}${DRAFT_EXT}`, base64: bytes.toString('base64') };
      }),

    importFile: (file) =>
      guarded(async () => {
        const bytes = Buffer.from(file.base64, 'base64');
        if (bytes.length > MAX_DRAFT_IMPORT_BYTES) bail('too-large', 'import.errors.tooLarge', { name: file.name, maxMb: MAX_DRAFT_IMPORT_BYTES / 1024 / 1024 });
        if (bytes.length === 0) bail('empty', 'import.errors.empty', { name: file.name });
        const decoded = decodeDraft(bytes, { id: 'import', time: now().toISOString() });
        if (!decoded.ok) {
          if (decoded.reasonKey === 'drafts.corrupt.newer') bail('newer-draft', 'import.errors.newerDraft', { name: file.name });
          bail('corrupt-draft', 'import.errors.corruptDraft', { name: file.name, reason: decoded.detail.slice(0, 200) });
        }
        return createFrom(decoded.value.document);
      }),

    flush: async () => {
      await started.catch(() => undefined);
      await refreshing;
      while (queues.size > 0) await Promise.all([...queues.values()]);
      while (indexWriting) await indexWriting;
    },
  };
  return service;
}

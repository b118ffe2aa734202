/**
 * Reading drafts/ : one envelope at a time, the whole folder brought in line with the
 * in-memory view (files copied in, changed, removed), and a file that cannot be opened set
 * aside into drafts/quarantine/ (never deleted).
 *
 * Every entry is on its own: whatever one file does (unparsable, too large, a folder named
 * x.gwdraft, locked by antivirus, in a read-only folder), it is listed with its reason and
 * the others load. A file that cannot be moved stays where it is, listed, and is moved at the
 * next list (when the folder is writable again); a file the system refuses to read is retried
 * a few times, then listed as unreadable, left alone, and read again at the next list.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { GongwenDocument } from '../../../shared/model/document';
import { DRAFT_FILE_VERSION, MAX_DRAFT_BYTES, decodeDraft, encodeDraft, type BadDataReason, type DraftEnvelope } from '../drafts-file';
import { errorMessage, freeName, renameRetry, writeAtomic } from '../disk';
import { DRAFT_NAME, bail, type DraftsContext, type Entry, type ReadIo } from './context';
import type { IndexCache } from './index-cache';
import type { Journal } from './journal';
import type { Revisions } from './revisions';

export type ReadResult = { env: DraftEnvelope; stat: { mtimeMs: number; size: number } } | { bad: BadDataReason; detail: string } | null;

/** Refusals that pass: antivirus and indexers on Windows, too many open files, a busy network share. */
const TRANSIENT = new Set(['EBUSY', 'EAGAIN', 'EMFILE', 'ENFILE', 'EACCES', 'EPERM', 'ETIMEDOUT']);
const READ_TRIES = 4;

const defaultIo: ReadIo = { readFile: (file) => fsp.readFile(file), retryMs: 100 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run a read, retrying refusals that pass; ENOENT → null. Other errors and a lasting refusal throw. */
async function withRetry<T>(io: ReadIo, read: () => Promise<T>): Promise<T | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (!code || !TRANSIENT.has(code) || attempt >= READ_TRIES) throw error;
      await sleep(io.retryMs * 2 ** (attempt - 1));
    }
  }
}

/**
 * A draft file → its envelope (id taken from the file name), the reason it cannot be read, or
 * null when missing. Never throws: a folder, a device, a file over MAX_DRAFT_BYTES or a read
 * the system keeps refusing is a reason.
 */
export async function readEnvelope(file: string, id: string, io: ReadIo = defaultIo): Promise<ReadResult> {
  let st: import('node:fs').Stats | null;
  let bytes: Buffer | null;
  try {
    st = await withRetry(io, () => fsp.lstat(file));
    if (!st) return null;
    if (!st.isFile()) return { bad: 'drafts.corrupt.notAFile', detail: st.isDirectory() ? 'a folder' : 'not a regular file' };
    // Checked before reading: a 3 GB file named .gwdraft must not take the memory of the app.
    if (st.size > MAX_DRAFT_BYTES) return { bad: 'drafts.corrupt.tooLarge', detail: `${st.size} bytes` };
    bytes = await withRetry(io, () => io.readFile(file));
    if (!bytes) return null;
  } catch (error) {
    return { bad: 'drafts.corrupt.unreadable', detail: errorMessage(error) };
  }
  const decoded = decodeDraft(bytes, { id, time: new Date(st.mtimeMs).toISOString() });
  if (!decoded.ok) return { bad: decoded.reasonKey, detail: decoded.detail };
  return { env: { ...decoded.value, id }, stat: { mtimeMs: st.mtimeMs, size: st.size } };
}

/** Why a file already set aside (quarantine/ or a legacy .corrupt) cannot be opened, read again after a restart. */
async function reasonOfSetAsideFile(file: string, io: ReadIo): Promise<BadDataReason> {
  if (/^index\.json/.test(path.basename(file))) return 'drafts.corrupt.index';
  const read = await readEnvelope(file, 'x', io);
  if (!read) return 'drafts.corrupt.unreadable';
  return 'bad' in read ? read.bad : 'drafts.corrupt.invalid';
}

/** Reasons for which the file stays where it is: a newer app opens it, or it may read fine next time. */
const KEPT_IN_PLACE: ReadonlySet<BadDataReason> = new Set(['drafts.corrupt.newer', 'drafts.corrupt.unreadable']);

export interface Folder {
  /**
   * A draft that cannot be read is moved into drafts/quarantine/, never deleted. A draft
   * written by a newer app version, or one the system refuses to read, stays where it is and
   * is only listed; so does one that cannot be moved (read-only folder, locked file) until a
   * later list moves it. When a journal or a revision of a moved draft can be read, the draft
   * is re-created from the newest of them, so the user loses as little as possible.
   */
  setAsideDraft(id: string, reason: BadDataReason): Promise<void>;
  /**
   * Before a write onto drafts/<id>.gwdraft: when that file is listed as set aside but still
   * in place, read it again and move it if it is still bad; bails when it cannot be moved
   * (the file is never written over).
   */
  clearForWrite(id: string): Promise<void>;
  /** Bring the in-memory view in line with the folder; `cached` = the index read at start. */
  refresh(cached?: Map<string, Entry>): Promise<void>;
  /** The refresh in progress (flush waits for it). */
  refreshing(): Promise<void>;
}

export function createFolder(ctx: DraftsContext, deps: { index: IndexCache; journal: Journal; revisions: Revisions; mayWrite: () => boolean }): Folder {
  const { paths, live, setAside } = ctx;

  async function newestReadableCopy(id: string): Promise<{ document: GongwenDocument; createdAt: string | null } | null> {
    const journaled = await deps.journal.readAny(id);
    if (journaled) return { document: journaled, createdAt: null };
    for (const rev of await deps.revisions.list(id)) {
      const read = await readEnvelope(deps.revisions.file(id, rev.id), id, ctx.io);
      if (read && 'env' in read) return { document: read.env.document, createdAt: read.env.createdAt };
    }
    return null;
  }

  function listInPlace(file: string, reason: BadDataReason): void {
    setAside.set(ctx.where(file), { fileName: path.basename(file), reasonKey: reason, where: ctx.where(file), moved: false });
  }

  async function setAsideDraft(id: string, reason: BadDataReason): Promise<void> {
    const file = paths.draftFile(id);
    live.delete(id);
    if (KEPT_IN_PLACE.has(reason) || !deps.mayWrite()) {
      listInPlace(file, reason);
      return;
    }
    let target: string;
    try {
      await fsp.mkdir(paths.quarantineDir, { recursive: true });
      target = await freeName(path.join(paths.quarantineDir, path.basename(file)), '', ctx.now());
      await renameRetry(file, target, ctx.writeOpts);
    } catch {
      // Read-only folder, a file held by another program: listed where it is, moved at the next list.
      listInPlace(file, reason);
      return;
    }
    setAside.delete(ctx.where(file));
    setAside.set(ctx.where(target), { fileName: path.basename(file), reasonKey: reason, where: ctx.where(target), moved: true });
    try {
      const salvage = await newestReadableCopy(id);
      if (!salvage) return;
      const modifiedAt = ctx.now().toISOString();
      const createdAt = salvage.createdAt ?? modifiedAt;
      const text = encodeDraft({ id, createdAt, modifiedAt, document: salvage.document });
      await writeAtomic(file, text, ctx.writeOpts);
      const st = await fsp.stat(file);
      live.set(id, ctx.entryFrom({ format: 'gongwen-draft', schemaVersion: DRAFT_FILE_VERSION, id, createdAt, modifiedAt, document: salvage.document }, st));
    } catch {
      // The journal and revisions stay on disk; the user still has them.
    }
  }

  async function clearForWrite(id: string): Promise<void> {
    const file = paths.draftFile(id);
    const listed = setAside.get(ctx.where(file));
    if (!listed) return;
    const read = await readEnvelope(file, id, ctx.io);
    if (!read) {
      setAside.delete(ctx.where(file));
      return;
    }
    if ('env' in read) {
      setAside.delete(ctx.where(file));
      live.set(id, ctx.entryFrom(read.env, read.stat));
      return;
    }
    if (read.bad !== 'drafts.corrupt.unreadable' && read.bad !== 'drafts.corrupt.newer') await setAsideDraft(id, read.bad);
    const still = setAside.get(ctx.where(file));
    if (still) bail('draft-unreadable', still.reasonKey, { id });
  }

  /** One file of drafts/ in line with the view; throws only on the unexpected (caught per entry). */
  async function refreshEntry(name: string, id: string, cached: Map<string, Entry> | undefined, seen: Set<string>): Promise<boolean> {
    const file = path.join(paths.draftsDir, name);
    let st: { mtimeMs: number; size: number; isFile(): boolean };
    try {
      st = await fsp.lstat(file);
    } catch {
      return false;
    }
    const known = live.get(id) ?? cached?.get(id);
    if (st.isFile() && known && known.mtimeMs === st.mtimeMs && known.size === st.size) {
      if (!live.has(id)) live.set(id, known);
      seen.add(id);
      return false;
    }
    // Stale or unknown: the queue makes sure we never read a draft while it is being replaced.
    return ctx.enqueue(id, async () => {
      const read = await readEnvelope(file, id, ctx.io);
      if (!read) return false;
      if ('bad' in read) {
        await setAsideDraft(id, read.bad);
        if (live.has(id)) seen.add(id);
      } else {
        setAside.delete(ctx.where(file));
        live.set(id, ctx.entryFrom(read.env, read.stat));
        seen.add(id);
      }
      return true;
    });
  }

  async function refreshNow(cached?: Map<string, Entry>): Promise<void> {
    // the folder may have been removed while the app runs (a clean-up tool, the user)
    if (deps.mayWrite()) await fsp.mkdir(paths.draftsDir, { recursive: true }).catch(() => undefined);
    let names: string[];
    try {
      names = await fsp.readdir(paths.draftsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else bail('drafts-folder-unreadable', 'drafts.errors.folderUnreadable', { reason: errorMessage(error) });
    }
    const seen = new Set<string>();
    let changed = false;
    const present = new Set<string>();
    for (const name of names) {
      if (name.endsWith('.corrupt')) {
        // set aside beside the draft by earlier versions
        present.add(ctx.where(path.join(paths.draftsDir, name)));
        continue;
      }
      const m = DRAFT_NAME.exec(name);
      if (!m) continue;
      const id = m[1]!;
      try {
        if (await refreshEntry(name, id, cached, seen)) changed = true;
      } catch {
        // One entry must never stop the others: listed, left in place, read again next time.
        live.delete(id);
        listInPlace(path.join(paths.draftsDir, name), 'drafts.corrupt.unreadable');
      }
      if (setAside.has(ctx.where(path.join(paths.draftsDir, name)))) present.add(ctx.where(path.join(paths.draftsDir, name)));
    }
    for (const id of [...live.keys()]) {
      if (!seen.has(id)) {
        live.delete(id);
        changed = true;
      }
    }
    let quarantined: string[] = [];
    try {
      quarantined = await fsp.readdir(paths.quarantineDir);
    } catch {
      // none yet
    }
    for (const name of quarantined) present.add(ctx.where(path.join(paths.quarantineDir, name)));
    // keep the set-aside list equal to what is in the folders
    for (const key of [...setAside.keys()]) if (!present.has(key)) setAside.delete(key);
    for (const key of present) {
      if (setAside.has(key)) continue;
      const file = path.join(ctx.paths.draftsDir, '..', ...key.split('/'));
      const inQuarantine = path.dirname(file) === paths.quarantineDir;
      const fileName = inQuarantine ? path.basename(file) : path.basename(file, '.corrupt');
      setAside.set(key, { fileName, reasonKey: await reasonOfSetAsideFile(file, ctx.io), where: key, moved: true });
    }
    if (changed || cached) deps.index.schedule();
  }

  let refreshing: Promise<void> = Promise.resolve();
  return {
    setAsideDraft,
    clearForWrite,
    refresh(cached) {
      const run = refreshing.then(() => refreshNow(cached));
      refreshing = run.catch(() => undefined);
      return run;
    },
    refreshing: () => refreshing,
  };
}

/**
 * Reading drafts/ : one envelope at a time, the whole folder brought in line with the
 * in-memory view (files copied in, changed, removed), and a damaged draft set aside.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { GongwenDocument } from '../../../shared/model/document';
import { DRAFT_EXT, DRAFT_FILE_VERSION, decodeDraft, encodeDraft, type BadDataReason, type DraftEnvelope } from '../drafts-file';
import { freeName, renameRetry, writeAtomic } from '../disk';
import { DRAFT_NAME, type DraftsContext, type Entry } from './context';
import type { IndexCache } from './index-cache';
import type { Journal } from './journal';
import type { Revisions } from './revisions';

export type ReadResult = { env: DraftEnvelope; stat: { mtimeMs: number; size: number } } | { bad: BadDataReason; detail: string } | null;

/** A draft file → its envelope (id taken from the file name), the reason it cannot be read, or null when missing. */
export async function readEnvelope(file: string, id: string): Promise<ReadResult> {
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

async function reasonOfCorruptFile(file: string): Promise<BadDataReason> {
  try {
    const decoded = decodeDraft(await fsp.readFile(file), { id: 'x', time: new Date(0).toISOString() });
    return decoded.ok ? 'drafts.corrupt.invalid' : decoded.reasonKey;
  } catch {
    return 'drafts.corrupt.parse';
  }
}

export interface Folder {
  /**
   * A draft that cannot be read is moved aside as `<name>.corrupt`, beside it, never deleted.
   * A draft written by a newer app version stays where it is (that version will open it
   * again) and is only listed. When a journal or a revision of the draft can be read, the
   * draft is re-created from the newest of them, so the user loses as little as possible.
   */
  setAsideDraft(id: string, reason: BadDataReason): Promise<void>;
  /** Bring the in-memory view in line with the folder; `cached` = the index read at start. */
  refresh(cached?: Map<string, Entry>): Promise<void>;
  /** The refresh in progress (flush waits for it). */
  refreshing(): Promise<void>;
}

export function createFolder(ctx: DraftsContext, deps: { index: IndexCache; journal: Journal; revisions: Revisions }): Folder {
  const { paths, live, setAside } = ctx;

  async function newestReadableCopy(id: string): Promise<{ document: GongwenDocument; createdAt: string | null } | null> {
    const journaled = await deps.journal.readAny(id);
    if (journaled) return { document: journaled, createdAt: null };
    for (const rev of await deps.revisions.list(id)) {
      const read = await readEnvelope(deps.revisions.file(id, rev.id), id);
      if (read && 'env' in read) return { document: read.env.document, createdAt: read.env.createdAt };
    }
    return null;
  }

  async function setAsideDraft(id: string, reason: BadDataReason): Promise<void> {
    const file = paths.draftFile(id);
    if (reason === 'drafts.corrupt.newer') {
      setAside.set(path.basename(file), reason);
      live.delete(id);
      return;
    }
    const target = await freeName(file, '.corrupt', ctx.now());
    await renameRetry(file, target, ctx.writeOpts);
    setAside.set(path.basename(target), reason);
    live.delete(id);
    const salvage = await newestReadableCopy(id);
    if (salvage) {
      const modifiedAt = ctx.now().toISOString();
      const text = encodeDraft({ id, createdAt: salvage.createdAt ?? modifiedAt, modifiedAt, document: salvage.document });
      await writeAtomic(file, text, ctx.writeOpts);
      const st = await fsp.stat(file);
      live.set(id, ctx.entryFrom({ format: 'gongwen-draft', schemaVersion: DRAFT_FILE_VERSION, id, createdAt: salvage.createdAt ?? modifiedAt, modifiedAt, document: salvage.document }, st));
    }
  }

  async function refreshNow(cached?: Map<string, Entry>): Promise<void> {
    // the folder may have been removed while the app runs (a clean-up tool, the user)
    await fsp.mkdir(paths.draftsDir, { recursive: true });
    const names = await fsp.readdir(paths.draftsDir);
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
      const file = path.join(paths.draftsDir, name);
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
      await ctx.enqueue(id, async () => {
        const read = await readEnvelope(file, id);
        if (!read) return;
        if ('bad' in read) {
          await setAsideDraft(id, read.bad);
          if (live.has(id)) seen.add(id);
        } else {
          setAside.delete(name);
          live.set(id, ctx.entryFrom(read.env, read.stat));
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
      if (!setAside.has(name)) setAside.set(name, await reasonOfCorruptFile(path.join(paths.draftsDir, name)));
    }
    if (changed || cached) deps.index.schedule();
  }

  let refreshing: Promise<void> = Promise.resolve();
  return {
    setAsideDraft,
    refresh(cached) {
      const run = refreshing.then(() => refreshNow(cached));
      refreshing = run.catch(() => undefined);
      return run;
    },
    refreshing: () => refreshing,
  };
}

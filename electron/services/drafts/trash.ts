/**
 * trash/<id>.gwdraft|.journal|.meta.json: deleted drafts, restorable for 30 days. The meta
 * file carries the deletion date; it is written before the move, so a crash never leaves a
 * trashed file without its date.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { DraftSummary } from '../../../shared/ipc/contract';
import type { DraftEnvelope } from '../drafts-file';
import { exists, renameRetry, writeAtomic } from '../disk';
import { DRAFT_NAME, bail, summary, writeFailure, type DraftsContext } from './context';
import { readEnvelope, type Folder } from './folder';
import type { IndexCache } from './index-cache';
import type { Revisions } from './revisions';

export const TRASH_DAYS = 30;

export interface Trash {
  /** Read the trash at start; drafts deleted more than TRASH_DAYS ago are purged. */
  load(): Promise<void>;
  /** Move a live draft (and its journal) to the trash. Run inside the draft's queue. */
  moveIn(id: string): Promise<{ deletedAt: string }>;
  /** Move a trashed draft back. Run inside the draft's queue. */
  restore(id: string): Promise<DraftSummary>;
}

export function createTrash(ctx: DraftsContext, deps: { folder: Folder; index: IndexCache; revisions: Revisions; readLive: (id: string) => Promise<DraftEnvelope>; mayWrite: () => boolean }): Trash {
  const { paths, live, trash } = ctx;

  async function purge(id: string): Promise<void> {
    for (const file of [paths.trashDraft(id), paths.trashJournal(id), paths.trashMeta(id)]) await fsp.rm(file, { force: true });
    await deps.revisions.purge(id);
  }

  async function loadOne(id: string, name: string, cutoff: number): Promise<void> {
    let deletedAt: string | null = null;
    try {
      const meta = JSON.parse(await fsp.readFile(paths.trashMeta(id), 'utf8')) as { deletedAt?: unknown };
      if (typeof meta.deletedAt === 'string' && !Number.isNaN(Date.parse(meta.deletedAt))) deletedAt = meta.deletedAt;
    } catch {
      // no meta (or unreadable): the file's time is the best we know
    }
    const read = await readEnvelope(path.join(paths.trashDir, name), id, ctx.io);
    if (!read) return;
    const st = 'env' in read ? read.stat : await fsp.lstat(path.join(paths.trashDir, name));
    deletedAt ??= new Date(st.mtimeMs).toISOString();
    if (Date.parse(deletedAt) < cutoff) {
      if (deps.mayWrite()) await purge(id);
      return;
    }
    // An unreadable file in the trash stays there untouched; it is simply not listed.
    if ('env' in read) trash.set(id, { ...ctx.entryFrom(read.env, read.stat), deletedAt });
  }

  return {
    async load() {
      let names: string[];
      try {
        names = await fsp.readdir(paths.trashDir);
      } catch {
        return;
      }
      const cutoff = ctx.now().getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000;
      for (const name of names) {
        const m = DRAFT_NAME.exec(name);
        if (!m) continue;
        try {
          await loadOne(m[1]!, name, cutoff);
        } catch {
          // One trashed file never stops the others (or start-up): it is simply not listed this time.
        }
      }
      // A meta without its file is left over from an interrupted delete or restore.
      for (const name of names) {
        const m = /^([A-Za-z0-9_-]{6,64})\.meta\.json$/.exec(name);
        if (m && deps.mayWrite() && !(await exists(paths.trashDraft(m[1]!)))) await fsp.rm(path.join(paths.trashDir, name), { force: true }).catch(() => undefined);
      }
    },

    async moveIn(id) {
      const env = await deps.readLive(id);
      const deletedAt = ctx.now().toISOString();
      try {
        // meta first: a crash before the move leaves a stray meta, cleaned at start; never a file without its date
        await writeAtomic(paths.trashMeta(id), JSON.stringify({ deletedAt }), ctx.writeOpts);
        await renameRetry(paths.draftFile(id), paths.trashDraft(id), ctx.writeOpts);
      } catch (error) {
        writeFailure(error);
      }
      if (await exists(paths.journalFile(id))) await renameRetry(paths.journalFile(id), paths.trashJournal(id), ctx.writeOpts).catch(() => undefined);
      const entry = live.get(id);
      const st = await fsp.stat(paths.trashDraft(id));
      trash.set(id, { ...(entry ?? ctx.entryFrom(env, st)), deletedAt });
      live.delete(id);
      deps.index.schedule();
      return { deletedAt };
    },

    async restore(id) {
      if (!(await exists(paths.trashDraft(id)))) bail('draft-not-found', 'drafts.errors.notInTrash', { id });
      if (await exists(paths.draftFile(id))) bail('draft-conflict', 'drafts.errors.conflict', { id });
      try {
        await renameRetry(paths.trashDraft(id), paths.draftFile(id), ctx.writeOpts);
      } catch (error) {
        writeFailure(error);
      }
      if (await exists(paths.trashJournal(id))) await renameRetry(paths.trashJournal(id), paths.journalFile(id), ctx.writeOpts).catch(() => undefined);
      await fsp.rm(paths.trashMeta(id), { force: true }).catch(() => undefined);
      trash.delete(id);
      const read = await readEnvelope(paths.draftFile(id), id, ctx.io);
      if (!read || 'bad' in read) {
        if (read) await deps.folder.setAsideDraft(id, read.bad);
        bail('draft-unreadable', read ? read.bad : 'drafts.corrupt.parse', { id });
      }
      const entry = ctx.entryFrom(read.env, read.stat);
      live.set(id, entry);
      deps.index.schedule();
      return summary(entry);
    },
  };
}

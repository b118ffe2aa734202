/**
 * revisions/<id>/<time>-<reason>.gwdraft: snapshots of a draft. Autosave keeps at most one
 * a minute and the last 20; a restore keeps the text it replaced (last 20); every export
 * keeps one; a sign-off keeps the signed text (never pruned).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Revision } from '../../../shared/ipc/contract';
import { DRAFT_EXT } from '../drafts-file';
import { compactTime, exists, parseCompactTime, writeAtomic } from '../disk';
import type { DraftsContext } from './context';

export const AUTOSAVE_SNAPSHOT_INTERVAL_MS = 60_000;
export const KEEP_AUTOSAVE_SNAPSHOTS = 20;
export const KEEP_RESTORE_SNAPSHOTS = 20;

export const REVISION_NAME = /^(\d{8}T\d{9}Z)-(autosave|export|restore|signoff)(?:-\d+)?$/;

type RevisionReason = Revision['reason'];

export interface Revisions {
  /** Newest first. */
  list(id: string): Promise<Revision[]>;
  file(id: string, revisionId: string): string;
  write(id: string, text: string, reason: RevisionReason): Promise<Revision>;
  /** An autosave snapshot when the last one is a minute old; a failure is retried next save. */
  autosnapshotIfDue(id: string, text: string): Promise<void>;
  /** Remove every snapshot of a draft (purged from the trash). */
  purge(id: string): Promise<void>;
}

export function createRevisions(ctx: DraftsContext): Revisions {
  const lastAutosnapshot = new Map<string, number>();
  const dirOf = ctx.paths.revisionDir;

  async function list(id: string): Promise<Revision[]> {
    let names: string[];
    try {
      names = await fsp.readdir(dirOf(id));
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

  async function prune(id: string): Promise<void> {
    const all = await list(id);
    const limits: Partial<Record<RevisionReason, number>> = { autosave: KEEP_AUTOSAVE_SNAPSHOTS, restore: KEEP_RESTORE_SNAPSHOTS };
    for (const reason of ['autosave', 'restore'] as const) {
      const old = all.filter((r) => r.reason === reason).slice(limits[reason]);
      for (const r of old) await fsp.rm(path.join(dirOf(id), `${r.id}${DRAFT_EXT}`), { force: true });
    }
  }

  async function write(id: string, text: string, reason: RevisionReason): Promise<Revision> {
    const at = ctx.now();
    const dir = dirOf(id);
    await fsp.mkdir(dir, { recursive: true });
    let revId = `${compactTime(at)}-${reason}`;
    for (let i = 2; await exists(path.join(dir, `${revId}${DRAFT_EXT}`)); i++) revId = `${compactTime(at)}-${reason}-${i}`;
    await writeAtomic(path.join(dir, `${revId}${DRAFT_EXT}`), text, ctx.writeOpts);
    if (reason === 'autosave') lastAutosnapshot.set(id, at.getTime());
    await prune(id);
    return { id: revId, savedAt: at.toISOString(), reason };
  }

  return {
    list,
    file: (id, revisionId) => path.join(dirOf(id), `${revisionId}${DRAFT_EXT}`),
    write,
    async autosnapshotIfDue(id, text) {
      let last = lastAutosnapshot.get(id);
      if (last === undefined) {
        const latest = (await list(id)).find((r) => r.reason === 'autosave');
        last = latest ? Date.parse(latest.savedAt) : Number.NEGATIVE_INFINITY;
        lastAutosnapshot.set(id, last);
      }
      if (ctx.now().getTime() - last < AUTOSAVE_SNAPSHOT_INTERVAL_MS) return;
      try {
        await write(id, text, 'autosave');
      } catch {
        // The draft itself is saved; a missed snapshot is retried on the next save.
      }
    },
    async purge(id) {
      await fsp.rm(dirOf(id), { recursive: true, force: true });
      lastAutosnapshot.delete(id);
    },
  };
}

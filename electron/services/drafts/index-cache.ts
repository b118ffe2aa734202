/**
 * drafts/index.json: a cache of the summaries, never the truth. Rebuilt from the files when
 * missing or stale; a failed write only costs a re-read at the next start.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { freeName, renameRetry, writeAtomic } from '../disk';
import type { DraftsContext, Entry } from './context';

/** An index larger than this is no index of ours (a few hundred bytes a draft). */
const MAX_INDEX_BYTES = 16 * 1024 * 1024;
const ID = /^[A-Za-z0-9_-]{6,64}$/;
const CHECK_STATES = new Set(['ok', 'warnings', 'errors', 'unknown']);

/** 2: reportYear is the 报告年度 in force (it follows the title unless the user set it); 3: entries carry the revision. Older caches are re-read. */
const INDEX_VERSION = 3;

export interface IndexCache {
  /** Write the current view soon (writes coalesce). */
  schedule(): void;
  /**
   * The cached entries (empty when the file is missing, corrupt or of another version). An
   * entry that is not well formed is dropped alone (its draft is read from its file); a file
   * that is not JSON or too large is moved into drafts/quarantine/ (when `mayWrite`) and listed.
   */
  load(mayWrite: boolean): Promise<Map<string, Entry>>;
  /** The write in progress, if any. */
  writing(): Promise<void> | null;
}

export function createIndexCache(ctx: DraftsContext): IndexCache {
  let dirty = false;
  let writing: Promise<void> | null = null;

  return {
    schedule() {
      dirty = true;
      if (writing) return;
      writing = (async () => {
        while (dirty) {
          dirty = false;
          const data = { version: INDEX_VERSION, drafts: [...ctx.live.values()] };
          try {
            await writeAtomic(ctx.paths.indexFile, JSON.stringify(data), ctx.writeOpts);
          } catch {
            // The index is only a cache: the next start rebuilds it from the files.
          }
        }
        writing = null;
      })();
    },

    async load(mayWrite) {
      const cached = new Map<string, Entry>();
      const file = ctx.paths.indexFile;
      let data: { version?: unknown; drafts?: unknown };
      try {
        const st = await fsp.lstat(file);
        if (!st.isFile() || st.size > MAX_INDEX_BYTES) throw new SyntaxError('not an index');
        data = JSON.parse(await fsp.readFile(file, 'utf8')) as { version?: unknown; drafts?: unknown };
        if (typeof data !== 'object' || data === null) throw new SyntaxError('not an index');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Damaged: kept (never deleted) and listed; the list is rebuilt from the drafts themselves.
        if (!code && mayWrite) {
          try {
            await fsp.mkdir(ctx.paths.quarantineDir, { recursive: true });
            const target = await freeName(path.join(ctx.paths.quarantineDir, 'index.json'), '', ctx.now());
            await renameRetry(file, target, ctx.writeOpts);
            ctx.setAside.set(ctx.where(target), { fileName: 'index.json', reasonKey: 'drafts.corrupt.index', where: ctx.where(target), moved: true });
          } catch {
            // cannot be moved: it is rewritten from the files at the next index write
          }
        }
        return cached;
      }
      if (data.version !== INDEX_VERSION || !Array.isArray(data.drafts)) return cached;
      for (const e of data.drafts as Partial<Entry>[]) {
        if (
          e &&
          typeof e === 'object' &&
          typeof e.id === 'string' &&
          ID.test(e.id) &&
          typeof e.mtimeMs === 'number' &&
          typeof e.size === 'number' &&
          typeof e.modifiedAt === 'string' &&
          typeof e.createdAt === 'string' &&
          typeof e.title === 'string' &&
          e.title.length <= 200 &&
          typeof e.kind === 'string' &&
          e.kind.length <= 40 &&
          (e.reportYear === null || typeof e.reportYear === 'number') &&
          typeof e.checkState === 'string' &&
          CHECK_STATES.has(e.checkState) &&
          typeof e.revision === 'number' &&
          Number.isSafeInteger(e.revision) &&
          (e.conflictOf === undefined || typeof e.conflictOf === 'string')
        ) {
          cached.set(e.id, e as Entry);
        }
      }
      return cached;
    },

    writing: () => writing,
  };
}

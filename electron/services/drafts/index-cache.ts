/**
 * drafts/index.json: a cache of the summaries, never the truth. Rebuilt from the files when
 * missing or stale; a failed write only costs a re-read at the next start.
 */
import { promises as fsp } from 'node:fs';
import { writeAtomic } from '../disk';
import type { DraftsContext, Entry } from './context';

const INDEX_VERSION = 1;

export interface IndexCache {
  /** Write the current view soon (writes coalesce). */
  schedule(): void;
  /** The cached entries (empty when the file is missing, corrupt or of another version). */
  load(): Promise<Map<string, Entry>>;
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

    async load() {
      const cached = new Map<string, Entry>();
      try {
        const data = JSON.parse(await fsp.readFile(ctx.paths.indexFile, 'utf8')) as { version?: unknown; drafts?: unknown };
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
        // missing or corrupt: rebuilt from the files
      }
      return cached;
    },

    writing: () => writing,
  };
}

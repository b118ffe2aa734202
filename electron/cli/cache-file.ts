/**
 * One file of the built CLI's cache folder (dist/.cache/: V8 code caches, title word starts).
 * Best effort: written through a temp file and a rename, older siblings `isStale` names are
 * removed first; a read-only install or a full disk means no cache — never an error, and no
 * temp file left behind. No fsync: a cache lost in a crash is made again.
 */
import fs from 'node:fs';
import path from 'node:path';

export function writeCacheFile(cacheFile: string, data: string | Uint8Array, isStale: (name: string) => boolean): void {
  const dir = path.dirname(cacheFile);
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir)) if (old !== path.basename(cacheFile) && isStale(old)) fs.rmSync(path.join(dir, old), { force: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

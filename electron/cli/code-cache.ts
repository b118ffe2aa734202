/**
 * Loading a command bundle (dist/cli-check.cjs …) with V8's code cache: the first run compiles
 * the bundle as `require` would and, once the command has run (so the functions it used are
 * compiled too), saves V8's cached data beside the bundle in dist/.cache/; later runs hand
 * that to V8 and skip most of the compiling (CLI start-up, issue 15). Node 20 has no
 * module.enableCompileCache, hence vm.Script's cachedData.
 *
 * The cache lives only beside the bundle (same owner and trust as the code itself), never in
 * a shared temp folder; its name carries the bundle's size and time and Node's version, and V8
 * refuses data made by another V8 or for another source (cachedDataRejected → made again). A
 * folder that cannot be written means no cache, never an error.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { writeCacheFile } from './cache-file';

interface Pending {
  script: vm.Script;
  bundle: string;
  cacheFile: string;
}

const pending: Pending[] = [];

function cacheFileFor(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    const tag = `${path.basename(file)}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}.v8cache`;
    return path.join(path.dirname(file), '.cache', tag);
  } catch {
    return null;
  }
}

/** `require(file)` of a CommonJS bundle, compiled with the code cache when there is one. */
export function requireWithCodeCache(file: string): unknown {
  const cacheFile = cacheFileFor(file);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const source = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(file);
  mod.filename = file;
  mod.loaded = true;
  const dirname = path.dirname(file);
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname);
  if (cacheFile && (!cachedData || script.cachedDataRejected)) pending.push({ script, bundle: path.basename(file), cacheFile });
  return mod.exports;
}

/** After the command has run: write the cache of every bundle loaded without one (best effort). */
export function saveCodeCaches(): void {
  for (const { script, bundle, cacheFile } of pending.splice(0)) {
    let data: Buffer;
    try {
      data = script.createCachedData();
    } catch {
      continue;
    }
    // Old caches of this bundle (another build, another Node) go.
    writeCacheFile(cacheFile, data, (name) => name.startsWith(`${bundle}-`));
  }
}

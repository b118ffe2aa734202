/**
 * zod in the CLI's command bundles: scripts/build-node.mjs resolves our sources' `from 'zod'`
 * to this module there (never in the app, the preview or the tests), and this one requires the
 * real zod on first use. A bundle that imports zod evaluates all of it when it loads (its
 * namespaces and re-exports: ≈ 10 ms of `gongwen check`); a command that meets only the
 * package's own, prevalidated templates (electron/services/prevalidated-templates.ts) and no
 * draft never uses it (start-up, issue 15).
 *
 * zod runs without its JIT here: a command parses each schema a few times at most, and zod's
 * generated parser (new Function on a schema's first parse) cost more than it saved. zod reads
 * the flag when a schema is built, so it is set as zod loads, before any schema exists.
 */
import type * as Zod from 'zod';

let real: typeof Zod | undefined;

function zod(): typeof Zod {
  if (!real) {
    // 'gongwen:zod' is the real zod (ESM: esbuild wraps it to run on this first require).
    real = require('gongwen:zod') as typeof Zod;
    real.config({ jitless: true });
  }
  return real;
}

/** `z.object(…)` and the rest: each property read from the real namespace, loaded on the first. */
export const z: typeof Zod.z = new Proxy({} as typeof Zod.z, { get: (_target, key) => Reflect.get(zod().z, key) });

export const config: typeof Zod.config = (...args) => zod().config(...args);

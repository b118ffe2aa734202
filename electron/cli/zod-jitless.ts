/**
 * The CLI validates each template and ruleset once and exits. zod 4 compiles a fast parser for
 * every object schema on its first parse (generated source through `new Function`), which pays
 * off after many parses — in a one-shot command it was ~60 % of `gongwen check`'s checking time.
 * jitless parses with the interpreter path instead; the result is the same.
 *
 * zod reads the flag when a schema is built, so this module is imported first by every command
 * module, before any module that builds schemas (esbuild keeps ES import order).
 */
import { config } from 'zod';

config({ jitless: true });

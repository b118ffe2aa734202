// Bundles the Node-side entry points with esbuild (Vite builds the renderer).
// Why esbuild and not electron-vite: main, preload, the preview backend and the CLI are
// four small CommonJS bundles; one esbuild call builds them in well under a second and
// needs no Electron binary, so `npm install` (prepare) works on machines without one.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  { in: 'electron/main/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload/preload.ts', out: 'dist/electron/preload.cjs' },
  { in: 'electron/preview/server.ts', out: 'dist/preview/server.cjs' },
  // The CLI: a small dispatcher plus one minified bundle per command, loaded only when that
  // command runs (start-up: `gongwen check` must not compile the .docx writer).
  { in: 'electron/cli.ts', out: 'dist/cli.cjs', cli: true },
  { in: 'electron/cli/check-command.ts', out: 'dist/cli-check.cjs', cli: true },
  { in: 'electron/cli/export-command.ts', out: 'dist/cli-export.cjs', cli: true },
  { in: 'electron/cli/calendar-command.ts', out: 'dist/cli-calendar.cjs', cli: true },
  { in: 'electron/cli/help-command.ts', out: 'dist/cli-help.cjs', cli: true },
];

/** In the dispatcher, `import('./cli/check-command')` → `require('./cli-check.cjs')`. */
const commandsApart = {
  name: 'cli-commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/(check|export|calendar|help)-command$/ }, (args) => ({ path: `./cli-${args.path.match(/(check|export|calendar|help)/)[1]}.cjs`, external: true }));
  },
};
/**
 * The CLI's main thread never converts a .docx nor inflates one (the import worker does):
 * keep mammoth and jszip out (nothing there calls them; the .docx writer zips with node:zlib).
 */
const mammothInWorkerOnly = {
  name: 'mammoth-in-worker-only',
  setup(b) {
    b.onResolve({ filter: /^(mammoth|jszip)$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * .doc/.wps (word-extractor) and PDF (pdf.js) are read only in the import worker: every other
 * bundle leaves their importers out (import-service.ts loads them with import() on first use).
 */
const importersInWorkerOnly = {
  name: 'importers-in-worker-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/import-(legacy|pdf)$/ }, (args) => ({ path: args.path, external: true }));
  },
};
/**
 * zod re-exports every one of its ~50 message locales as `z.locales` (a namespace, so nothing is
 * tree-shaken: ~200 KB in each bundle). We never call z.locales (English is zod's default and
 * our messages are our own), so its index becomes an empty module: smaller bundles, quicker start.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
/**
 * CLI command bundles: our sources' `from 'zod'` becomes electron/cli/zod-on-first-use.ts, which
 * requires the real zod ('gongwen:zod', its ESM entry: esbuild then evaluates it on that first
 * require, not when the bundle loads). zod's own files keep their relative imports.
 */
const zodOnFirstUse = {
  name: 'zod-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) => (/[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: path.join(root, 'electron/cli/zod-on-first-use.ts') }));
    b.onResolve({ filter: /^gongwen:zod$/ }, () => ({ path: path.join(root, 'node_modules/zod/index.js') }));
  },
};
const { pdfOnDemand, pdfBundleOptions } = createRequire(import.meta.url)('./import-pdf-apart.cjs');
const { docxLazyFflate } = createRequire(import.meta.url)('./docx-lazy-fflate.cjs');

/**
 * The package's templates, validated now with the run-time code (electron/services/prevalidated-templates.ts)
 * and embedded in the CLI bundles with their exact text: a command whose template files are
 * unchanged skips building and running the zod schemas (start-up, issue 15).
 */
async function prevalidatedTemplatesJson() {
  const out = await build({ entryPoints: [path.join(root, 'electron/services/prevalidated-templates.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, plugins: [zodWithoutLocales], logLevel: 'warning' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const { templates, problems } = mod.exports.prevalidateTemplates(path.join(root, 'templates'));
  // A broken template is left out (the command reports it at run time, as for an office's own file).
  for (const problem of problems) console.warn(`templates/${problem} (not prevalidated)`);
  return JSON.stringify(templates);
}

const started = Date.now();
// The import worker (electron/services/import-worker.ts) is bundled first and embedded as a
// string in the other bundles, so `new Worker(code, { eval: true })` needs no file beside
// them (it works inside app.asar, where a worker file could not be loaded). Its PDF importer
// (pdf.js and the Chinese CMaps, three quarters of it) is a bundle apart, handed to the worker
// with a PDF job only (electron/services/import-pdf-on-demand.ts): a worker started for a
// .docx does not compile pdf.js.
const [worker, pdf] = await Promise.all([
  build({
    entryPoints: [path.join(root, 'electron/services/import-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    minify: true,
    plugins: [zodWithoutLocales, pdfOnDemand],
    logLevel: 'warning',
    legalComments: 'none',
  }),
  build({ ...pdfBundleOptions(root), minify: true, logLevel: 'warning', legalComments: 'none' }),
]);
const workerCode = worker.outputFiles[0].text;
const prevalidatedJson = await prevalidatedTemplatesJson();
const pdfCode = pdf.outputFiles[0].text;
// The CLI reads them from files instead (compiling a 0.7 MB string literal on every start costs).
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'import-worker.cjs'), workerCode);
writeFileSync(path.join(root, 'dist', 'import-pdf.cjs'), pdfCode);
const present = entries.filter((entry) => existsSync(path.join(root, entry.in)));
for (const entry of entries) if (!present.includes(entry)) console.warn(`skipped ${entry.in}: not written yet`);
await Promise.all(
  present.map((entry) =>
    build({
      entryPoints: [path.join(root, entry.in)],
      outfile: path.join(root, entry.out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      // Electron is provided by the runtime; everything else is bundled so ESM-only
      // packages (conf, atomically, filenamify) load under plain require().
      external: ['electron'],
      // CLI: minified; import() becomes require() (Node's ESM path would lex the whole bundle).
      ...(entry.cli
        ? { minify: true, supported: { 'dynamic-import': false }, plugins: entry.in === 'electron/cli.ts' ? [commandsApart, zodWithoutLocales] : [mammothInWorkerOnly, importersInWorkerOnly, zodWithoutLocales, zodOnFirstUse, docxLazyFflate] }
        : { plugins: [importersInWorkerOnly, zodWithoutLocales, docxLazyFflate] }),
      define: entry.cli
        ? { __GONGWEN_IMPORT_WORKER_FILE__: JSON.stringify('import-worker.cjs'), __GONGWEN_IMPORT_PDF_FILE__: JSON.stringify('import-pdf.cjs'), __GONGWEN_PREVALIDATED_TEMPLATES__: JSON.stringify(prevalidatedJson), ...(entry.in === 'electron/cli.ts' ? { __GONGWEN_CLI_BUNDLE__: 'true' } : {}) }
        : { __GONGWEN_IMPORT_WORKER__: JSON.stringify(workerCode), __GONGWEN_IMPORT_PDF__: JSON.stringify(pdfCode) },
      sourcemap: 'linked',
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);
console.log(`built ${present.length} Node bundles in ${Date.now() - started} ms`);

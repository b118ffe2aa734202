// The import worker's PDF importer as a bundle apart (electron/services/import-pdf-on-demand.ts):
// the esbuild options of both bundles, shared by scripts/build-node.mjs and the on-the-fly build
// of the tests (electron/services/import-bounded.ts).
'use strict';
const path = require('node:path');
const { pdfCmapsDefine } = require('./pdf-cmaps.cjs');

/** In the worker bundle: import-service's `import('./import-pdf')` → the on-demand loader. */
const pdfOnDemand = {
  name: 'pdf-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/import-pdf$/ }, (args) => (/import-service\.ts$/.test(args.importer) ? { path: path.join(path.dirname(args.importer), 'import-pdf-on-demand.ts') } : undefined));
  },
};

/** In the PDF bundle: `./import-service` stays the worker's (one ImportError class). */
const importServiceFromWorker = {
  name: 'import-service-from-worker',
  setup(b) {
    b.onResolve({ filter: /^\.\/import-service$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** esbuild options for the PDF bundle (entry electron/services/import-pdf.ts). */
function pdfBundleOptions(root) {
  return {
    entryPoints: [path.join(root, 'electron/services/import-pdf.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    define: { __GONGWEN_PDF_CMAPS__: pdfCmapsDefine(root) },
    plugins: [importServiceFromWorker],
    // pdf.js asks import.meta.url only for a require() of @napi-rs/canvas (rendering), which we never do.
    logOverride: { 'empty-import-meta': 'silent' },
  };
}

module.exports = { pdfOnDemand, pdfBundleOptions };

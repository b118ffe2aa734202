// The docx library carries fflate inside its own bundle (node_modules/docx/dist/index.mjs), and
// fflate's module code builds its DEFLATE tables when loaded (loops over 32 768 entries, run
// cold): ~10–30 ms of every `gongwen export` and of the app's start, for zip functions we never
// call (shared/docx/zip.ts zips with node:zlib; docx uses fflate only in Packer.pack and the
// patcher). This esbuild plugin wraps that part of the file in a function run on first use.
// The two fflate functions the rest of the file uses are checked, and anything unexpected in
// the file (another docx release) fails the build with a message instead of guessing.
'use strict';
const fs = require('node:fs');

const START = '// node_modules/fflate/esm/browser.js\n';
const END = '// src/util/zip.ts\n';
const USED = ['zipSync', 'unzipSync'];
const KNOWN_LOCALS_OUTSIDE = ['bits', 'err', 'ln', 'max'];

function lazyFflate(source) {
  const a = source.indexOf(START);
  const b = source.indexOf(END, a);
  const fail = (why) => {
    throw new Error(`scripts/docx-lazy-fflate.cjs: ${why} in docx/dist/index.mjs (a docx release changed its bundle; update or drop this plugin)`);
  };
  if (a < 0 || b < 0 || source.indexOf(START, a + 1) >= 0) fail('the fflate part was not found once');
  const region = source.slice(a + START.length, b);
  if (/^\s*(export|import)\s/m.test(region)) fail('the fflate part has imports or exports');
  for (const name of USED) if (!new RegExp(`^function ${name}\\(`, 'm').test(region)) fail(`fflate's ${name} was not found`);
  // Its other top-level names must not be used by the rest of the file. Whole-word matches
  // outside it were checked by hand for docx 9.15.2: each is a local of the same name
  // (`bits` in rotateLeft, `err` in an event emitter, `max` in a colour function, `a:ln`).
  const declared = [...region.matchAll(/^(?:var|let|const|function|class) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const rest = source.slice(0, a) + source.slice(b);
  const seenOutside = declared.filter((name) => !USED.includes(name) && new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(rest)).sort();
  if (seenOutside.join() !== KNOWN_LOCALS_OUTSIDE.join()) fail(`names of the fflate part appear outside it (${seenOutside.join(', ')}; checked: ${KNOWN_LOCALS_OUTSIDE.join(', ')})`);
  const wrapped =
    `${START}// (made lazy by scripts/docx-lazy-fflate.cjs)\nvar __gongwenFflate;\nfunction __gongwenFflateOnce() {\n  return __gongwenFflate ??= (function () {\n${region}\nreturn { ${USED.join(', ')} };\n  })();\n}\n` +
    USED.map((name) => `var ${name} = (...args) => __gongwenFflateOnce().${name}(...args);\n`).join('');
  return source.slice(0, a) + wrapped + source.slice(b);
}

const docxLazyFflate = {
  name: 'docx-lazy-fflate',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, (args) => ({ contents: lazyFflate(fs.readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

module.exports = { docxLazyFflate, lazyFflate };

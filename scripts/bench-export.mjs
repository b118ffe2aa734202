#!/usr/bin/env node
// Bench: a ~30-page report (a real fixture's body repeated) through buildDocx, and the same
// text through pandoc (plain text → .docx) in the same run. Prints both times and the ratio.
// The TypeScript sources are bundled on the fly with esbuild (no build step needed).
// Usage: node scripts/bench-export.mjs [fixture=chengxi] [repeat=5] [runs=5]
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [fixture = 'chengxi', repeat = '5', runs = '5'] = process.argv.slice(2);
const work = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'));
try {
  const entry = path.join(work, 'entry.ts');
  writeFileSync(
    entry,
    `export { buildDocx } from ${JSON.stringify(path.join(root, 'shared/docx/build.ts'))};\n` +
      `export { fixtureDocument, FIXTURES, FIXTURES_DIR } from ${JSON.stringify(path.join(root, 'tests/layout/fixture-docs.ts'))};\n` +
      `export { toBlocks } from ${JSON.stringify(path.join(root, 'shared/model/lexical-json.ts'))};\n`,
  );
  const out = path.join(work, 'bench.mjs');
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning',
    define: { __dirname: JSON.stringify(path.join(root, 'tests/layout')) },
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const { buildDocx, fixtureDocument, toBlocks } = await import(pathToFileURL(out).href);
  const { doc } = await fixtureDocument(fixture, Number(repeat));
  const blocks = toBlocks(doc.body);
  const chars = blocks.reduce((n, b) => n + (b.text?.length ?? 0) + (b.runIn?.length ?? 0), 0);

  const time = async (fn) => {
    const t = [];
    for (let i = 0; i < Number(runs); i++) {
      const s = performance.now();
      await fn();
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)];
  };
  await buildDocx(doc, { variant: 'official' }); // warm-up (JIT, lazy requires)
  let bytes;
  const ours = await time(async () => {
    bytes = await buildDocx(doc, { variant: 'official' });
  });
  writeFileSync(path.join(work, 'ours.docx'), bytes);

  // Same text for pandoc: title, recipient, then one paragraph per block (headings as Markdown headings).
  const md = [`# ${doc.header.title.replace(/\n/g, '')}`, '', `${doc.header.recipient}：`, '']
    .concat(blocks.filter((b) => b.type !== 'guidance').map((b) => (b.type === 'heading' ? `${'#'.repeat(b.level + 1)} ${b.label ?? ''}${b.text}${b.runIn ? `\n\n${b.runIn}` : ''}\n` : `${b.text}\n`)))
    .join('\n');
  const mdFile = path.join(work, 'in.md');
  writeFileSync(mdFile, md);
  let pandoc = null;
  if (spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0) {
    execFileSync('pandoc', [mdFile, '-o', path.join(work, 'warm.docx')]);
    pandoc = await time(async () => {
      execFileSync('pandoc', [mdFile, '-f', 'markdown', '-t', 'docx', '-o', path.join(work, 'pandoc.docx')]);
    });
  }
  let pages = null;
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0) {
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', work, path.join(work, 'ours.docx')], { stdio: 'ignore' });
    const info = execFileSync('pdfinfo', [path.join(work, 'ours.pdf')], { encoding: 'utf8' });
    pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  }
  console.log(`fixture ${fixture} ×${repeat}: ${blocks.length} blocks, ${chars} characters${pages ? `, ${pages} pages (LibreOffice)` : ''}`);
  console.log(`buildDocx : ${ours.toFixed(1)} ms (median of ${runs}), ${(bytes.byteLength / 1024).toFixed(1)} KiB`);
  if (pandoc !== null) {
    console.log(`pandoc    : ${pandoc.toFixed(1)} ms (median of ${runs}, includes process start), ${(readFileSync(path.join(work, 'pandoc.docx')).byteLength / 1024).toFixed(1)} KiB`);
    console.log(`ratio     : buildDocx / pandoc = ${(ours / pandoc).toFixed(2)}`);
  } else {
    console.log('pandoc    : not installed, skipped');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

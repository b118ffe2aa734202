#!/usr/bin/env node
// Bench: the full check on a ~30-page report (a fixture's body repeated), and the CLI's
// throughput on 100 reports (`gongwen check` over 100 files, in one process, as a county
// office would run it). Timings are reported, never asserted.
// Usage: node scripts/bench-checks.mjs [fixture=chengxi] [repeat=5]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.resolve(root, '..', 'shared', 'fixtures');
const [fixture = 'chengxi', repeat = '6'] = process.argv.slice(2);
const work = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-checks-'));
try {
  const entry = path.join(work, 'entry.ts');
  const src = (p) => JSON.stringify(path.join(root, p));
  writeFileSync(
    entry,
    `export { runChecks, kindRulesFrom } from ${src('shared/checks/index.ts')};\n` +
      `export { importText } from ${src('shared/import/text.ts')};\n` +
      `export { toBlocks, fromBlocks } from ${src('shared/model/lexical-json.ts')};\n`,
  );
  const out = path.join(work, 'bench.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { runChecks, kindRulesFrom, importText, toBlocks, fromBlocks } = await import(pathToFileURL(out).href);

  const file = readFileSync(path.join(fixtures, `report-${fixture}-2024.txt`.replace('-2024', fixture === 'chengxi' ? '-2024' : fixture === 'zhaishang' ? '-2023' : '-2022')), 'utf8');
  const base = importText(file, { today: '2025-01-20' });
  const blocks = toBlocks(base.body);
  const big = { ...base, body: fromBlocks(Array.from({ length: Number(repeat) }, () => blocks).flat()) };
  const chars = toBlocks(big.body).reduce((n, b) => n + b.text.length + (b.runIn?.length ?? 0), 0);
  const kind = big.kind;
  const rules = kindRulesFrom(kind, JSON.parse(readFileSync(path.join(root, 'templates', kind, 'template.json'), 'utf8')), JSON.parse(readFileSync(path.join(root, 'templates', kind, 'checks.json'), 'utf8')));
  const ctx = { today: '2025-01-20', ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts };
  for (let i = 0; i < 20; i++) runChecks(big, ctx); // warm-up
  const times = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    runChecks(big, ctx);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  // A 10 MB report with a heading every other line (numbers cycling, so most are out of order):
  // every rule must stay linear (numbering.sequence was quadratic: 55 s for 9 MB).
  // Beside it, the growth from a report of 1.25 MB: time ratio against block ratio (linear: equal;
  // quadratic: its square). The importer keeps at most 100 000 blocks, so the block ratio is measured.
  {
    const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    const headingHeavy = (mb) => {
      const lines = ['关于2024年度法治政府建设情况的报告', '县委、县政府：'];
      let size = 0;
      for (let i = 0; size < mb * 1024 * 1024; i++) {
        const line = i % 4 === 0 ? `${CN[(i / 4) % 10 | 0]}、第${i}部分` : i % 4 === 2 ? `（${CN[i % 7]}）推进依法行政第${i}项` : `今年以来，修改各类合同文稿${i}份，提出专业意见200余条。`;
        lines.push(line);
        size += Buffer.byteLength(line) + 1;
      }
      return importText(lines.join('\n'), { today: '2025-01-20' });
    };
    const timed = (doc) => {
      const s = performance.now();
      runChecks(doc, ctx);
      return performance.now() - s;
    };
    const smallDoc = headingHeavy(1.25);
    const small = timed(smallDoc);
    const huge = headingHeavy(10);
    const ms = timed(huge);
    const headings = toBlocks(huge.body).filter((b) => b.type === 'heading').length;
    console.log(`checks: 10 MB report, ${toBlocks(huge.body).length} blocks (${headings} headings): full check ${ms.toFixed(0)} ms; against ${toBlocks(smallDoc.body).length} blocks: ${(toBlocks(huge.body).length / toBlocks(smallDoc.body).length).toFixed(1)}× the blocks, ${(ms / small).toFixed(1)}× the time`);
  }
  console.log(`checks: ${toBlocks(big.body).length} blocks, ${chars} characters (~${Math.round(chars / (22 * 28))} pages): full check p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (target ≤ 5 ms)`);

  const cli = path.join(root, 'dist', 'cli.cjs');
  const dir = path.join(work, 'reports');
  mkdirSync(dir);
  const names = readFileSync(path.join(fixtures, 'report-chengxi-2024.txt'), 'utf8');
  const sources = ['report-chengxi-2024.txt', 'report-jinlanshan-2022.txt', 'report-zhaishang-2023.txt'].map((f) => readFileSync(path.join(fixtures, f), 'utf8'));
  void names;
  const files = Array.from({ length: 100 }, (_, i) => {
    const f = path.join(dir, `report-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(f, sources[i % sources.length]);
    return f;
  });
  const s = performance.now();
  const run = spawnSync(process.execPath, [cli, 'check', '--json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - s;
  const parsed = JSON.parse(run.stdout);
  console.log(`cli: gongwen check --json on ${parsed.length} reports in ${ms.toFixed(0)} ms (${(ms / parsed.length).toFixed(1)} ms a report, process start included; exit ${run.status})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

#!/usr/bin/env node
// Bench: CLI start-up, whole process, median of 7 runs each, beside `node -e 0` and pandoc's
// whole md → docx on the same machine (issue 15's goal: check ≤ 1.5×, export ≤ 2× node -e 0).
// Timings are reported, never asserted. Usage: node scripts/bench-cli.mjs [runs=7]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.resolve(root, '..', 'shared', 'fixtures');
const runs = Number(process.argv[2] ?? 7);
const cli = path.join(root, 'bin', 'gongwen.cjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-cli-'));
const report = path.join(work, 'report.txt');
writeFileSync(report, readFileSync(path.join(fixtures, 'report-zhaishang-2023.txt')));
writeFileSync(path.join(work, 'report.md'), readFileSync(report, 'utf8').replace(/^([一二三四五六七八九十]+、.*)$/gmu, '# $1'));

function median(cmd, args) {
  const times = [];
  let status = 0;
  for (let i = 0; i < runs + 1; i++) {
    const s = performance.now();
    const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8' });
    const ms = performance.now() - s;
    if (r.error) return null;
    status = r.status ?? -1;
    if (i > 0) times.push(ms); // the first run only warms the disk cache
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], status };
}

try {
  const base = median(process.execPath, ['-e', '0']);
  const rows = [
    ['node -e 0', base],
    ['gongwen --help', median(process.execPath, [cli, '--help'])],
    ['gongwen check report.txt', median(process.execPath, [cli, 'check', report])],
    ['gongwen export report.txt', median(process.execPath, [cli, 'export', report, '--out', path.join(work, 'out.docx'), '--force'])],
    ['pandoc report.md -o out.docx', median('pandoc', [path.join(work, 'report.md'), '-o', path.join(work, 'pandoc.docx')])],
  ];
  for (const [label, r] of rows) {
    if (!r) console.log(`cli: ${label.padEnd(30)} not available`);
    else console.log(`cli: ${label.padEnd(30)} ${r.ms.toFixed(0).padStart(5)} ms  ${(r.ms / base.ms).toFixed(2)}× node -e 0  (exit ${r.status}, median of ${runs})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

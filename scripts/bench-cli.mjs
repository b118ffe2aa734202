#!/usr/bin/env node
// Bench: CLI start-up, whole process, median of 7 runs each (interleaved), beside `node -e 0` and pandoc's
// whole md → docx on the same machine (issue 15's goal: check ≤ 1.5×, export ≤ 2× node -e 0).
// Timings are reported, never asserted. Usage: node scripts/bench-cli.mjs [runs=7]
// (BENCH_CLI_BEFORE=path/to/bin/gongwen.cjs adds another build's check and export, interleaved.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * CPU time (user + system) of this process's finished children, from /proc/self/stat (Linux;
 * null elsewhere): less bent by the machine's load than wall time. Clock ticks of 10 ms.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // after the command name: field 3 is the state, so cutime and cstime (16, 17) are at 13, 14
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Every command's runs, interleaved (round after round: each command once), so a change in the
 * machine's load during the bench falls on all of them alike; the first round only warms the disk
 * cache (and writes the V8 code caches). Median of `runs` per command.
 */
function medians(commands) {
  const times = commands.map(() => []);
  const cpus = commands.map(() => []);
  const status = commands.map(() => 0);
  const missing = commands.map(() => false);
  for (let round = 0; round < runs + 1; round++) {
    commands.forEach(([cmd, args, env, prepare], i) => {
      if (missing[i]) return;
      prepare?.();
      const s = performance.now();
      const c = childrenCpuMs();
      const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', ...(env ? { env } : {}) });
      const ms = performance.now() - s;
      const cpu = c === null ? null : childrenCpuMs() - c;
      if (r.error) missing[i] = true;
      status[i] = r.status ?? -1;
      if (round > 0) {
        times[i].push(ms);
        if (cpu !== null) cpus[i].push(cpu);
      }
    });
  }
  return times.map((t, i) => {
    if (missing[i]) return null;
    t.sort((a, b) => a - b);
    const cpu = cpus[i].sort((a, b) => a - b);
    return { ms: t[Math.floor(t.length / 2)], cpu: cpu.length ? cpu[Math.floor(cpu.length / 2)] : null, status: status[i] };
  });
}

function forgetWordStarts() {
  const cacheDir = path.join(root, 'dist', '.cache');
  try {
    for (const f of readdirSync(cacheDir)) if (f.startsWith('word-starts-')) rmSync(path.join(cacheDir, f), { force: true });
  } catch {
    // no cache folder yet
  }
}

try {
  const commands = [
    ['node -e 0', process.execPath, ['-e', '0']],
    ['gongwen --help', process.execPath, [cli, '--help']],
    ['gongwen check report.txt', process.execPath, [cli, 'check', report]],
    ['gongwen export report.txt', process.execPath, [cli, 'export', report, '--out', path.join(work, 'out.docx'), '--force']],
    // The same with the title's word starts forgotten before each run (dist/.cache/word-starts-*):
    // a title the CLI has not broken before pays V8's Intl set-up.
    ['gongwen export, title not seen before', process.execPath, [cli, 'export', report, '--out', path.join(work, 'out.docx'), '--force'], undefined, forgetWordStarts],
    ['pandoc report.md -o out.docx', 'pandoc', [path.join(work, 'report.md'), '-o', path.join(work, 'pandoc.docx')]],
  ];
  // BENCH_CLI_BEFORE=/other/checkout/bin/gongwen.cjs: that build's check and export too, in the same rounds.
  const before = process.env.BENCH_CLI_BEFORE;
  if (before) {
    commands.push(['before: gongwen check report.txt', process.execPath, [before, 'check', report]]);
    commands.push(['before: gongwen export report.txt', process.execPath, [before, 'export', report, '--out', path.join(work, 'before.docx'), '--force']]);
  }
  // NODE_EXTRA_CA_CERTS makes every Node process parse that certificate file before any script
  // runs (≈ 60 ms here, in `node -e 0` too, so it hides how long our part takes): the same rows
  // again without it, each beside its own `node -e 0`. The CLI never uses TLS.
  const extraCa = process.env.NODE_EXTRA_CA_CERTS;
  const plainEnv = extraCa ? Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS')) : null;
  const withCa = commands.length;
  if (plainEnv) for (const [label, cmd, args, , prepare] of commands.slice(0, 5)) commands.push([`${label} (no extra CA)`, cmd, args, plainEnv, prepare]);
  const results = medians(commands.map(([, cmd, args, env, prepare]) => [cmd, args, env, prepare]));
  const rows = commands.map(([label], i) => [label, results[i], i < withCa ? results[0] : results[withCa]]);
  console.log(`cli: load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)${extraCa ? '; NODE_EXTRA_CA_CERTS is set: the last rows are without it' : ''}`);
  for (const [label, r, base] of rows) {
    if (!r) console.log(`cli: ${label.padEnd(52)} not available`);
    else {
      const cpu = r.cpu !== null && base.cpu ? `   cpu ${r.cpu.toFixed(0).padStart(4)} ms  ${(r.cpu / base.cpu).toFixed(2)}×` : '';
      console.log(`cli: ${label.padEnd(52)} ${r.ms.toFixed(0).padStart(5)} ms  ${(r.ms / base.ms).toFixed(2)}× node -e 0${cpu}  (exit ${r.status}, median of ${runs})`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

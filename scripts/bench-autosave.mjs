#!/usr/bin/env node
/**
 * Autosave benchmark: how long a save of a 30-page report takes (p50/p95 over 50 saves,
 * through the real drafts service: validation, atomic write with fsync, journal removal,
 * revision snapshots) and whether the event loop stays free meanwhile (the Electron main
 * process also answers the window; a blocked loop is a frozen app).
 *
 *   node scripts/bench-autosave.mjs [--pages 30] [--saves 50] [--json]
 *   import { runAutosaveBench } from './bench-autosave.mjs'   (from scripts/bench.mjs)
 *
 * Exit status 1 when the event loop was blocked longer than MAX_LOOP_BLOCK_MS (and clearly
 * longer than with no saves running: on a loaded machine the OS alone delays the loop).
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A save may keep the loop busy this long at most (one frame at 20 fps). */
export const MAX_LOOP_BLOCK_MS = 50;
/** GB/T 9704: 22 lines of 28 characters a page. */
const CHARS_PER_PAGE = 22 * 28;

async function loadService() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-build-'));
  const outfile = path.join(dir, 'bench-entry.cjs');
  await build({
    stdin: {
      contents: `export { createDraftService } from './electron/services/drafts-service';
                 export { fromBlocks } from './shared/model/lexical-json';
                 export { SCHEMA_VERSION, emptyHeader } from './shared/model/document';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  const mod = createRequire(import.meta.url)(outfile);
  return { mod, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A report of `pages` pages made of the real sample reports' paragraphs, with headings every ten. */
function reportBlocks(pages) {
  const fixtures = path.resolve(ROOT, '../shared/fixtures');
  let lines = [];
  for (const name of ['report-zhaishang-2023.txt', 'report-jinlanshan-2022.txt', 'report-chengxi-2024.txt']) {
    try {
      lines.push(...readFileSync(path.join(fixtures, name), 'utf8').split(/\n+/).map((l) => l.replace(/[#*]/g, '').trim()).filter((l) => l.length > 20));
    } catch {
      // fixtures not beside the repo: fall back to a generated sentence below
    }
  }
  if (lines.length === 0) lines = ['街道坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，扎实推进法治政府建设各项工作。'.repeat(4)];
  const blocks = [];
  let chars = 0;
  for (let i = 0; chars < pages * CHARS_PER_PAGE; i++) {
    if (i % 10 === 0) blocks.push({ type: 'heading', level: 2, label: null, text: `第${i / 10 + 1}部分工作情况`, runIn: null });
    const text = lines[i % lines.length];
    blocks.push({ type: 'paragraph', text });
    chars += text.length;
  }
  return { blocks, chars };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

export async function runAutosaveBench({ pages = 30, saves = 50 } = {}) {
  const { mod, cleanup } = await loadService();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-data-'));
  try {
    const { blocks, chars } = reportBlocks(pages);
    // the clock moves 10 s a save: an autosave revision snapshot every sixth save, as when typing
    let t = Date.parse('2024-01-10T08:00:00Z');
    const service = mod.createDraftService({ dataDir, now: () => new Date(t) });
    const makeDoc = (n) => ({
      schemaVersion: mod.SCHEMA_VERSION,
      kind: 'fazhi-annual',
      reportYear: 2023,
      header: { ...mod.emptyHeader(), title: '寨上街道关于2023年度法治政府建设情况的报告' },
      body: mod.fromBlocks(blocks.map((b, i) => (i === blocks.length - 1 ? { ...b, text: `${b.text}${n}` } : b))),
    });
    const created = await service.create(makeDoc(0));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = created.value.id;
    const bytes = Buffer.byteLength(JSON.stringify(makeDoc(0)));

    // Baseline: the same probes with no saves running. On a busy machine the OS alone delays
    // the loop; only delay beyond the baseline is the saves' doing.
    const baseline = monitorEventLoopDelay({ resolution: 1 });
    baseline.enable();
    await new Promise((r) => setTimeout(r, 1_000));
    baseline.disable();

    const histogram = monitorEventLoopDelay({ resolution: 1 });
    // a second, independent probe: the longest gap between 1 ms timer ticks
    let last = performance.now();
    let maxGap = 0;
    const probe = setInterval(() => {
      const nowMs = performance.now();
      maxGap = Math.max(maxGap, nowMs - last);
      last = nowMs;
    }, 1);
    histogram.enable();
    const times = [];
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    for (let n = 1; n <= saves; n++) {
      t += 10_000;
      const doc = makeDoc(n);
      // the renderer's journal ~1 s after typing, then the save
      await service.journal(id, doc);
      const start = performance.now();
      const r = await service.save(id, doc);
      times.push(performance.now() - start);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    histogram.disable();
    clearInterval(probe);
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - wallBefore;
    await service.flush();
    const revisions = await service.revisions(id);

    times.sort((a, b) => a - b);
    const result = {
      pages,
      chars,
      draftBytes: bytes,
      saves,
      saveMs: { p50: +quantile(times, 0.5).toFixed(2), p95: +quantile(times, 0.95).toFixed(2), max: +times[times.length - 1].toFixed(2) },
      eventLoopDelayMs: {
        max: +(histogram.max / 1e6).toFixed(2),
        p99: +(histogram.percentile(99) / 1e6).toFixed(2),
        timerGapMax: +maxGap.toFixed(2),
        baselineMax: +(baseline.max / 1e6).toFixed(2),
      },
      /** CPU time of this process per save (user + system): the work a save costs, independent of machine load. */
      cpuMsPerSave: +((cpu.user + cpu.system) / 1000 / saves).toFixed(2),
      wallMs: +wall.toFixed(0),
      revisionsKept: revisions.ok ? revisions.value.length : null,
      loopBlocked: histogram.max / 1e6 > MAX_LOOP_BLOCK_MS && histogram.max > baseline.max + 20e6,
    };
    return result;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    cleanup();
  }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const result = await runAutosaveBench({ pages: arg('pages', 30), saves: arg('saves', 50) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`autosave, ${result.pages}-page draft (${result.chars} characters, ${(result.draftBytes / 1024).toFixed(0)} KB), ${result.saves} saves:`);
    console.log(`  save time      p50 ${result.saveMs.p50} ms   p95 ${result.saveMs.p95} ms   max ${result.saveMs.max} ms`);
    console.log(`  event loop     max delay ${result.eventLoopDelayMs.max} ms   p99 ${result.eventLoopDelayMs.p99} ms   longest 1 ms-timer gap ${result.eventLoopDelayMs.timerGapMax} ms   (idle baseline max ${result.eventLoopDelayMs.baselineMax} ms)`);
    console.log(`  cpu per save   ${result.cpuMsPerSave} ms (journal + save)`);
    console.log(`  revisions kept ${result.revisionsKept}`);
    console.log(result.loopBlocked ? `  FAIL: the event loop was blocked longer than ${MAX_LOOP_BLOCK_MS} ms` : `  ok: the event loop was never blocked longer than ${MAX_LOOP_BLOCK_MS} ms`);
  }
  process.exitCode = result.loopBlocked ? 1 : 0;
}

#!/usr/bin/env node
/**
 * Keydown → presented frame in Debian's Chromium, our report editor beside a bare Lexical
 * 0.52 editor (scripts/bench/bare-editor.ts: rich text, no plugins, bundled here into a
 * temporary folder — no bench code in the app), interleaved in the same run.
 *
 * Latency of a key is Chromium's own EventLatency trace event for the KEY_PRESSED event:
 * from the OS event to the presentation of the frame that shows it (stages included, so a
 * stall can be placed: RendererMainProcessing = our script and Lexical, the rest is frame
 * production). Keys are typed at a human cadence (seeded pauses of 90–190 ms), at the end
 * of the same paragraph in both editors (the body paragraph of typical length nearest the
 * middle of the text, found by its text: see targetOf), each editor in a fresh browser of its
 * own so every one starts cold, all of them open at once and typed into key by key in turn
 * (type): a change in the machine's load falls on every editor alike.
 *
 * Sizes: 0 pages (a new report from the template, keys from the moment it opens; then the
 * same document after those keys as warm-up), ≈30 pages (19k characters) and ≈300 pages
 * (185k characters), loaded by pasting; the time to paste the 300-page text is measured
 * (paste event → the first frame after it is produced). `table`: a report (jinlanshan) with
 * a 20-row, 4-column table, keys typed at the end of a cell in its 10th row — ours loaded by
 * pasting the report with the table as tab-separated lines, bare Lexical with
 * @lexical/table's plugin given the same paragraphs and table.
 *
 * Needs a build (`npm run build`). Options: --runs=N (3), --keys=N (200), --sizes=0,30,300,table,
 * --app=DIR (a package root with another build), --versus=DIR (a third editor: the build in that package
 * root, measured as ours is, in the same rounds — an A/B of two builds beside bare Lexical),
 * --save-trace[=DIR] (keeps every trace as JSON, for chrome://tracing or Perfetto).
 * Prints p50/p95 and the share of keys over 16.7 ms per run and the median of the runs, and
 * beside them (30, 300 pages, table) the same for the keys after the first SETTLED_AFTER;
 * nothing is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.resolve(root, '../shared/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const RUNS = Number(opt('runs', process.env.BENCH_RUNS ?? 3));
const KEYS = Number(opt('keys', process.env.BENCH_KEYS ?? 200));
const SIZES = String(opt('sizes', '0,30,300,table')).split(',').map((v) => (v === 'table' ? v : Number(v)));
const saveTrace = opt('save-trace', false);
const TRACE_DIR = saveTrace ? (saveTrace === true ? fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-trace-')) : path.resolve(saveTrace)) : null;
if (TRACE_DIR) fs.mkdirSync(TRACE_DIR, { recursive: true });
const FRAME_MS = 16.7;
/** A package root with a build to measure (default: this one), e.g. a copy of an older build. */
const APP = path.resolve(String(opt('app', root)));
const VERSUS = opt('versus', false) ? path.resolve(String(opt('versus'))) : null;

const CATEGORIES = ['input', 'benchmark', 'cc', 'toplevel', 'devtools.timeline'];
const TRACE_CATEGORIES = [
  ...CATEGORIES,
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

const nonSpace = (s) => s.replace(/\s/g, '').length;
/** Fixture reports one after another until the text has `chars` non-space characters. */
function reportText(chars) {
  const files = ['report-jinlanshan-2022.txt', 'report-chengxi-2024.txt', 'report-zhaishang-2023.txt'];
  const bodies = files.map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  let text = '';
  for (let i = 0; nonSpace(text) < chars; i++) text += `${bodies[i % 3]}\n`;
  return text;
}
const TEXTS = { 30: reportText(19000), 300: reportText(185000) };

/** The table row's document: a real report with a 20-row table (header + 19 units) after its 12th line. */
const TABLE_ROWS = [
  ['单位', '行政复议（件）', '行政诉讼（件）', '执法检查（次）'],
  ...Array.from({ length: 19 }, (_, i) => [`第${i + 1}社区`, String((i * 7) % 13), String((i * 5) % 4), String(10 + ((i * 11) % 30))]),
];
const TABLE_LINES = fs
  .readFileSync(path.join(FIXTURES, 'report-jinlanshan-2022.txt'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim())
  .filter(Boolean);
const TABLE_AT = 12;
TEXTS.table = [...TABLE_LINES.slice(0, TABLE_AT + 1), ...TABLE_ROWS.map((r) => r.join('\t')), ...TABLE_LINES.slice(TABLE_AT + 1)].join('\n');

/** What the keys went into: the rows of the table and the text of the typed cell (proof they landed in it). */
async function typedCell(page, tableSelector) {
  const rows = await page.locator(`${tableSelector} tr`).count();
  const text = await page.locator(`${tableSelector} tr`).nth(9).locator('td').nth(1).innerText();
  return `${rows} rows, cell "${text.length > 14 ? `${text.slice(0, 6)}…${text.slice(-6)}` : text}" (${text.length} chars)`;
}

/** Caret to the end of the 2nd cell of the table's 10th row. */
async function caretToCell(page, tableSelector) {
  const cell = page.locator(`${tableSelector} tr`).nth(9).locator('td').nth(1);
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  await page.keyboard.press('End');
}

/** Seeded pauses between keys (mulberry32), the same sequence for both editors. */
function cadence(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return 90 + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 100);
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * `count` keys into every page, key by key in turn: each page gets a key every pause of the
 * seeded cadence, the pages' keys spread evenly across it. The editors of one measurement type
 * at the same moments, so a change in the machine's load falls on all of them alike (this
 * machine is a shared VM: its speed moves by half within a minute).
 */
async function type(pages, count, seed) {
  const pause = cadence(seed);
  const letters = 'abcdefghij';
  for (let i = 0; i < count; i++) {
    const gap = pause() / pages.length;
    for (const page of pages) {
      await page.keyboard.press(letters[i % letters.length]);
      await sleep(gap);
    }
  }
  await sleep(400);
}

async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_DIR ? TRACE_CATEGORIES : CATEGORIES } });
  // A kept trace has the CPU profiler on: the first script after it starts pays for that (an
  // interrupt of 56–80 ms here), which would otherwise be the first key's.
  if (TRACE_DIR) await page.evaluate(() => 0);
  return cdp;
}

async function stopTrace(cdp, name) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  const chunks = [];
  for (;;) {
    const part = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    chunks.push(part.base64Encoded ? Buffer.from(part.data, 'base64').toString('utf8') : part.data);
    if (part.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const json = chunks.join('');
  if (TRACE_DIR) fs.writeFileSync(path.join(TRACE_DIR, `${name}.json`), json);
  const parsed = JSON.parse(json);
  return parsed.traceEvents ?? parsed;
}

/**
 * KEY_PRESSED EventLatency events of a trace, in order: { ms, stages: {name: ms}, presented }.
 * Ids of these async events are reused, so an event is matched with the next end of its id.
 */
export function keyLatencies(events) {
  const evs = events.filter((e) => (e.ph === 'b' || e.ph === 'e') && typeof e.cat === 'string' && e.cat.includes('input')).sort((a, b) => a.ts - b.ts);
  const open = new Map();
  const out = [];
  for (const e of evs) {
    const id = `${e.pid}:${e.id2?.local ?? e.id2?.global ?? e.id}`;
    if (e.name === 'EventLatency') {
      if (e.ph === 'b') open.set(id, { type: e.args?.event_latency?.event_type, ts: e.ts, stages: {}, begun: {} });
      else {
        const r = open.get(id);
        if (!r) continue;
        open.delete(id);
        r.ms = (e.ts - r.ts) / 1000;
        if (r.type === 'KEY_PRESSED') out.push(r);
      }
      continue;
    }
    const r = open.get(id);
    if (!r) continue;
    if (e.ph === 'b') r.begun[e.name] = e.ts;
    else if (r.begun[e.name] !== undefined) r.stages[e.name] = (r.stages[e.name] ?? 0) + (e.ts - r.begun[e.name]) / 1000;
  }
  return out.map(({ ms, stages, ts }) => ({ ms, stages, ts, presented: 'SubmitCompositorFrameToPresentationCompositorFrame' in stages }));
}

/** Threads of a renderer whose work competes with another browser's key for the machine's two cores. */
const BUSY_THREADS = /^(CrRendererMain|Compositor|DedicatedWorker)/;
/** When a trace's renderer threads (BUSY_THREADS) ran tasks: merged [start, end] µs intervals, sorted. */
function busyIntervals(events) {
  const names = new Map();
  const renderers = new Set();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name' && e.args?.name === 'Renderer') renderers.add(e.pid);
  }
  const spans = events
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur > 0 && renderers.has(e.pid) && BUSY_THREADS.test(names.get(`${e.pid}:${e.tid}`) ?? ''))
    .map((e) => [e.ts, e.ts + e.dur])
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
/** ms of `intervals` (busyIntervals) within [from, to] µs. */
function overlapMs(intervals, from, to) {
  let sum = 0;
  for (const [a, b] of intervals) {
    if (a >= to) break;
    if (b > from) sum += Math.min(b, to) - Math.max(a, from);
  }
  return sum / 1000;
}
/**
 * Another editor's renderer at work during a key (more than this, ms) contends with it for the
 * machine's two cores: such keys are left out of every editor's figures (ours runs work of its
 * own beside typing, the live check in a worker and the draft's sync; it must not slow the
 * bare editor's keys, nor the other way round).
 */
const CONTENDED_MS = 1;

/**
 * Keys typed at a place before the figures "after warm-up" begin (documents of 30 and 300 pages and
 * the table: the 0-page report has its own warm-up segment). The first keys after a long report is
 * loaded and the caret placed pay for the code still being compiled and the first live checks.
 */
const SETTLED_AFTER = 40;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), over: s.filter((v) => v > FRAME_MS).length / Math.max(1, s.length), n: s.length, max: s[s.length - 1] };
}

/** Stage totals over the slowest keys: where a stall sits. */
function stallStages(keys) {
  const slow = [...keys].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(keys.length / 20)));
  const sum = {};
  for (const k of slow) for (const [name, ms] of Object.entries(k.stages)) sum[name] = (sum[name] ?? 0) + ms;
  return Object.entries(sum)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${(ms / slow.length).toFixed(0)} ms`)
    .join(', ');
}

async function startPreview(app = APP) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
  const server = path.join(app, 'dist', 'preview', 'server.cjs');
  if (!fs.existsSync(server)) throw new Error('dist/preview/server.cjs missing: run npm run build first');
  const child = spawn(process.execPath, [server], { env: { ...process.env, PORT: '0', GONGWEN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${out}`)), 20000);
    const onData = (b) => {
      out += b;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  return {
    url,
    // the data folder goes once the preview has let go of it
    close: () => {
      child.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
      child.kill('SIGTERM');
    },
  };
}

async function startBare() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-bare-'));
  await build({
    entryPoints: [path.join(root, 'scripts', 'bench', 'bare-editor.ts')],
    bundle: true,
    format: 'esm',
    outfile: path.join(dir, 'bare.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'silent',
  });
  // Same column and type as our page, so layout work is comparable.
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#ddd}#scroll{height:100vh;overflow:auto}#editor{width:156mm;margin:24px auto;padding:37mm 26mm 35mm 28mm;background:#fff;font:16pt/28.95pt "Noto Serif CJK SC",serif;letter-spacing:-0.25pt;outline:none}#editor p{margin:0;text-indent:32pt;text-align:justify}.bt{width:100%;table-layout:fixed;border-collapse:collapse;font-size:14pt;line-height:22pt}.btd,.bth{border:0.75pt solid #000;padding:0 1.9mm;vertical-align:top;text-align:left}#editor .btd p,#editor .bth p{text-indent:0}</style><div id="scroll"><div id="editor" contenteditable="true"></div></div><script type="module" src="bare.js"></script>`,
  );
  const server = http.createServer((req, res) => {
    const file = path.join(dir, req.url === '/' ? 'index.html' : path.basename(req.url ?? ''));
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Paste `text` into the focused editor body; ms from the paste event to the frame after it. */
function paste(page, selector, text) {
  return page.evaluate(
    ([sel, t]) =>
      new Promise((resolve) => {
        const el = document.querySelector(sel);
        const data = new DataTransfer();
        data.setData('text/plain', t);
        const t0 = performance.now();
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }),
    [selector, text],
  );
}

/**
 * The paragraph both editors type into: of the text's body paragraphs of a typical length
 * (within a quarter of the median), the one nearest the middle of the text — named by its first
 * characters and which of the paragraphs starting so it is. Not "the middle paragraph" of each
 * editor: bare Lexical keeps the text's blank lines as empty paragraphs and ours drops them (and
 * moves the header lines into the 版头), so by index the bare editor typed into an empty
 * paragraph and ours into one of 77 characters, and a key costs more in a longer paragraph.
 */
function targetOf(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // Headings (their number becomes the heading's label in ours), Markdown marks, table rows.
  const heading = /^(#|\*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
  // A whole paragraph: it and the line before end a sentence (ours joins a line broken mid-sentence to the next).
  const whole = (at) => /[。；！？]$/.test(lines[at]) && (at === 0 || /[。；！？：:]$/.test(lines[at - 1]));
  const body = lines.map((line, at) => ({ line, at })).filter(({ line, at }) => line.length >= 20 && !heading.test(line) && !line.includes('\t') && whole(at));
  const lengths = body.map(({ line }) => line.length).sort((a, b) => a - b);
  const typical = lengths[lengths.length >> 1];
  const middle = lines.length / 2;
  const { line, at } = body
    .filter(({ line }) => line.length >= typical * 0.8 && line.length <= typical * 1.25)
    .reduce((best, p) => (Math.abs(p.at - middle) < Math.abs(best.at - middle) ? p : best));
  const prefix = line.slice(0, 16);
  return { prefix, ordinal: lines.slice(0, at).filter((l) => l.startsWith(prefix)).length };
}

/** Caret to the end of the target paragraph (targetOf); its length in characters. */
async function caretToTarget(page, selector, target) {
  const index = await page.evaluate(
    ([sel, prefix, ordinal]) => {
      const hits = [...document.querySelectorAll(sel)].map((p, i) => [p.textContent.trim(), i]).filter(([t]) => t.startsWith(prefix));
      return hits[ordinal]?.[1] ?? -1;
    },
    [selector, target.prefix, target.ordinal],
  );
  if (index < 0) throw new Error(`bench: no paragraph ${target.ordinal + 1} starting "${target.prefix}" in ${selector}`);
  const paragraph = page.locator(selector).nth(index);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.keyboard.press('End');
  return (await paragraph.textContent()).trim().length;
}

async function withPage(fn) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
    return await fn(page);
  } finally {
    await browser.close();
  }
}

/** A fresh browser (so every measurement starts cold) per editor, all open at once. */
async function withPages(count, fn) {
  const browsers = await Promise.all(Array.from({ length: count }, () => chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })));
  try {
    const pages = [];
    for (const browser of browsers) pages.push(await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage());
    return await fn(pages);
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
}

const OURS_PARAGRAPHS = '.gw-body > p';
async function newReport(page, url) {
  await page.goto(url);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('radio', { name: /法治政府建设年度报告/ }).check();
}
async function openBody(page) {
  await page.getByRole('button', { name: '创建' }).click();
  const body = page.getByRole('textbox', { name: '正文' });
  await body.waitFor();
  return body;
}

/**
 * One measurement of every editor at one size: each in its own fresh browser, loaded one after
 * the other (a paste is timed alone), then typed into key by key in turn (type). Returns, per
 * editor, { segments: {name: keys[]}, pasteMs?, info }.
 */
async function measure(editors, size, urls, run, templateText) {
  const seed = 1000 * run + (size === 'table' ? 7 : size);
  const ours = (editor) => editor === 'ours' || editor === 'alt';
  const paragraphs = (editor) => (ours(editor) ? OURS_PARAGRAPHS : '#editor > p');
  const tableOf = (editor) => (ours(editor) ? '.gw-body table' : '#editor table');
  return withPages(editors.length, async (pages) => {
    const results = editors.map(() => ({ segments: {}, info: '' }));
    const each = async (fn) => {
      for (let i = 0; i < editors.length; i++) await fn(editors[i], pages[i], results[i]);
    };
    /** Tracing on in every page; `stop` ends it and gives each page's keys (less the first one, the End that placed the caret, with `skipFirst`). */
    const traced = async (name, skipFirst) => {
      const cdps = [];
      for (const page of pages) cdps.push(await startTrace(page));
      return { cdps, name, skipFirst };
    };
    const stop = async ({ cdps, name, skipFirst }) => {
      const out = [];
      const busy = [];
      for (let i = 0; i < editors.length; i++) {
        const events = await stopTrace(cdps[i], `${editors[i]}-${size}p-run${run + 1}${name}`);
        const keys = keyLatencies(events);
        out.push(skipFirst ? keys.slice(1) : keys);
        busy.push(busyIntervals(events));
      }
      out.forEach((keys, i) => {
        for (const key of keys) key.contended = busy.some((list, j) => j !== i && overlapMs(list, key.ts, key.ts + key.ms * 1000) > CONTENDED_MS);
      });
      return out;
    };

    if (size === 0) {
      // From the moment it opens: tracing before the report (or the bare editor's text) opens.
      await each(async (editor, page) => {
        if (ours(editor)) await newReport(page, urls[editor]);
        else {
          await page.goto(urls.bare);
          await page.waitForFunction(() => typeof window.loadBare === 'function');
        }
      });
      const session = await traced('', true);
      await each(async (editor, page, result) => {
        if (ours(editor)) await openBody(page);
        else await page.evaluate((t) => window.loadBare(t.split(/\n+/).filter(Boolean)), templateText);
        result.info = `typed after ${await caretToTarget(page, paragraphs(editor), targetOf(templateText))} chars`;
      });
      await type(pages, KEYS, seed);
      await type(pages, KEYS, seed + 1);
      (await stop(session)).forEach((keys, i) => {
        results[i].segments = { cold: keys.slice(0, KEYS), warm: keys.slice(KEYS) };
      });
      return results;
    }

    await each(async (editor, page, result) => {
      if (ours(editor)) {
        await newReport(page, urls[editor]);
        const body = await openBody(page);
        await body.click();
        result.pasteMs = await paste(page, '.gw-body', TEXTS[size]);
        await page.waitForTimeout(size === 300 ? 4000 : 1500);
        result.info = (await page.locator('.gw-status').innerText()).replace(/\s+/g, ' ');
      } else {
        await page.goto(urls.bare);
        await page.waitForFunction(() => typeof window.loadBare === 'function');
        if (size === 'table') {
          await page.evaluate(([lines, rows, at]) => window.loadBareTable(lines, rows, at), [TABLE_LINES, TABLE_ROWS, TABLE_AT]);
          await page.waitForTimeout(1500);
        } else {
          await page.evaluate(() => window.loadBare(['']));
          await page.locator('#editor').click();
          result.pasteMs = await paste(page, '#editor', TEXTS[size]);
          await page.waitForTimeout(size >= 300 ? 4000 : 1500);
        }
        result.info = `${await page.locator('#editor > p').count()} paragraphs`;
      }
      if (size === 'table') await caretToCell(page, tableOf(editor));
      else result.info += `; typed after ${await caretToTarget(page, paragraphs(editor), targetOf(TEXTS[size]))} chars`;
    });
    await sleep(500);
    const session = await traced('', false);
    await type(pages, KEYS, seed);
    (await stop(session)).forEach((keys, i) => {
      results[i].segments.typing = keys;
    });
    if (size !== 'table') return results;
    // The same number of keys at the end of a paragraph of the same document (targetOf; the row beside a cell's).
    await each(async (editor, page, result) => {
      result.info += `; ${await typedCell(page, tableOf(editor))}`;
      await caretToTarget(page, paragraphs(editor), targetOf(TEXTS.table));
    });
    await sleep(500);
    const inParagraph = await traced('-paragraph', true);
    await type(pages, KEYS, seed + 2);
    (await stop(inParagraph)).forEach((keys, i) => {
      results[i].segments.paragraph = keys;
    });
    return results;
  });
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const f1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const pct = (v) => `${(100 * v).toFixed(1)} %`;

const ours = await startPreview();
const bare = await startBare();
const alt = VERSUS ? await startPreview(VERSUS) : null;
const urls = { ours: ours.url, bare: bare.url, alt: alt?.url };
try {
  // The template's body text, so the bare editor gets the same 0-page document.
  const templateText = await withPage(async (page) => {
    await newReport(page, urls.ours);
    await openBody(page);
    return page.locator('.gw-body').innerText();
  });
  const rows = new Map(); // "size/segment" -> {ours: stats[], bare: stats[], pasteOurs: [], pasteBare: []}
  const row = (key) => rows.get(key) ?? rows.set(key, { ours: [], bare: [], alt: [], stall: { ours: [], bare: [], alt: [] }, paste: { ours: [], bare: [], alt: [] } }).get(key);
  for (let run = 0; run < RUNS; run++) {
    for (const size of SIZES) {
      // Alternate which editor is loaded and typed into first.
      const order = (run + (size === 'table' ? 1 : size)) % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
      if (alt) order.splice(1, 0, 'alt');
      const results = await measure(order, size, urls, run, templateText);
      order.forEach((editor, at) => {
        const result = results[at];
        for (const [segment, keys] of Object.entries(result.segments)) {
          const presented = keys.filter((k) => k.presented && !k.contended);
          const contended = keys.filter((k) => k.contended).length;
          const s = stats(presented.map((k) => k.ms));
          const r = row(`${size}/${segment}`);
          r[editor].push(s);
          const settled = size === 0 ? null : stats(keys.slice(SETTLED_AFTER).filter((k) => k.presented && !k.contended).map((k) => k.ms));
          if (settled) row(`${size}/${segment}/settled`)[editor].push(settled);
          r.stall[editor].push(stallStages(presented));
          if (result.pasteMs !== undefined && segment === Object.keys(result.segments)[0]) r.paste[editor].push(result.pasteMs);
          console.log(
            `run ${run + 1}  ${String(size).padStart(5)} pages ${segment.padEnd(6)} ${editor.padEnd(4)}  p50 ${f1(s.p50).padStart(6)}  p95 ${f1(s.p95).padStart(7)}  >16.7 ms ${pct(s.over).padStart(7)}  max ${f1(s.max).padStart(7)}  (${s.n}/${keys.length} keys presented${contended ? `, ${contended} beside another editor's work left out` : ''})` +
              (settled ? `  after key ${SETTLED_AFTER}: p50 ${f1(settled.p50)} p95 ${f1(settled.p95)}` : '') +
              (result.pasteMs !== undefined ? `  paste ${f1(result.pasteMs)} ms` : '') +
              (result.info ? `  [${result.info}]` : '') +
              `  slowest 5 %: ${stallStages(presented)}`,
          );
        }
      });
    }
  }
  console.log(`\nkeydown → presented frame (EventLatency), ${KEYS} keys at 90–190 ms, medians of ${RUNS} run(s)`);
  console.log(`${'document'.padEnd(38)}| ours p50 / p95 / >16.7ms      | bare Lexical p50 / p95 / >16.7ms | paste ours / bare${alt ? `   | versus (${VERSUS}) p50 / p95 / >16.7ms` : ''}`);
  const label = { '0/cold': '0 pages, from open', '0/warm': '0 pages, warmed up', '30/typing': '≈30 pages (19k)', '300/typing': '≈300 pages (185k)', 'table/typing': 'typing in a table cell (20-row table)', 'table/paragraph': '… in a paragraph of that report' };
  for (const [key, text] of Object.entries(label)) if (!key.startsWith('0/')) label[`${key}/settled`] = `  … after key ${SETTLED_AFTER}`;
  for (const [key, r] of rows) {
    const m = (list, field) => median(list.map((s) => s[field]));
    const cell = (list) => `${f1(m(list, 'p50'))} / ${f1(m(list, 'p95'))} / ${pct(m(list, 'over'))}`.padEnd(30);
    const pasted = r.paste.ours.length ? `${f1(median(r.paste.ours))} / ${f1(median(r.paste.bare))} ms` : '';
    console.log(`${(label[key] ?? key).padEnd(38)}| ${cell(r.ours)}| ${cell(r.bare)}   | ${pasted.padEnd(20)}${alt ? `| ${cell(r.alt)}` : ''}`);
  }
  if (TRACE_DIR) console.log(`\ntraces kept in ${TRACE_DIR}`);
} finally {
  ours.close();
  bare.close();
  alt?.close();
}

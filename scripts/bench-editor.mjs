#!/usr/bin/env node
/**
 * Keystroke-to-paint latency of the report editor on a ~30-page report, in Debian's
 * Chromium, beside a bare Lexical editor with the same text (scripts/bench/bare-editor.ts,
 * bundled here into a temporary folder — no bench code in the app).
 *
 * Needs a build (`npm run build`). Latency of one key = from the keydown event's timestamp
 * to the first animation frame after it plus a task (i.e. after that frame was produced).
 * Keys are typed one at a time with a pause, into the middle of the document. Prints
 * p50/p95/max in ms; timings are printed, never asserted.
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
const KEYS = Number(process.env.BENCH_KEYS ?? 120);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

function reportText() {
  const files = ['report-jinlanshan-2022.txt', 'report-chengxi-2024.txt', 'report-zhaishang-2023.txt'];
  const bodies = files.map((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8'));
  // ~3 000 characters each: six of them make a report of about 30 pages (the status bar's count is printed).
  let text = '';
  for (let i = 0; i < 6; i++) text += `${bodies[i % 3]}\n`;
  return text;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(name, samples, extra = '') {
  const s = [...samples].sort((a, b) => a - b);
  const f = (v) => v.toFixed(1).padStart(6);
  if (process.env.BENCH_DEBUG) console.log(samples.map((v, i) => [i, Math.round(v)]).sort((a, b) => b[1] - a[1]).slice(0, 8));
  console.log(`${name.padEnd(34)} p50 ${f(percentile(s, 50))} ms   p95 ${f(percentile(s, 95))} ms   max ${f(s[s.length - 1])} ms   (${s.length} keys)${extra}`);
}

/** Install the in-page probe, then type KEYS characters one by one. */
async function measureTyping(page) {
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
  });
  const letters = 'abcdefghij';
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(letters[i % letters.length]);
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__lat);
}

async function startPreview(dataDir) {
  const server = path.join(root, 'dist', 'preview', 'server.cjs');
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
  return { url, child };
}

async function benchOurs(browser, text) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
  const { url, child } = await startPreview(dataDir);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' })).newPage();
    await page.goto(url);
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByRole('radio', { name: /法治政府建设年度报告/ }).check();
    await page.getByRole('button', { name: '创建' }).click();
    const body = page.getByRole('textbox', { name: '正文' });
    await body.waitFor();
    await body.click();
    // Load the long report the way a user would: paste it (goes through the paste plugin).
    await body.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForTimeout(1500);
    const pages = await page.locator('.gw-status').innerText();
    const blocks = await page.locator('.gw-body > *').count();
    // Caret into the middle of the document.
    const middle = page.locator('.gw-body > p.gw-p').nth(Math.floor((await page.locator('.gw-body > p.gw-p').count()) / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await page.keyboard.press('End');
    const samples = await measureTyping(page);
    return { samples, info: `   [${blocks} blocks; ${pages.replace(/\s+/g, ' ')}]` };
  } finally {
    child.kill('SIGTERM');
  }
}

async function benchBare(browser, text) {
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
    `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#ddd}#scroll{height:100vh;overflow:auto}#editor{width:156mm;margin:24px auto;padding:37mm 26mm 35mm 28mm;background:#fff;font:16pt/28.95pt "Noto Serif CJK SC",serif;letter-spacing:-0.25pt;outline:none}#editor p{margin:0;text-indent:32pt;text-align:justify}</style><div id="scroll"><div id="editor" contenteditable="true"></div></div><script type="module" src="bare.js"></script>`,
  );
  const server = http.createServer((req, res) => {
    const file = path.join(dir, req.url === '/' ? 'index.html' : path.basename(req.url ?? ''));
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => typeof window.loadBare === 'function');
    const paragraphs = text.split(/\n+/).map((l) => l.replace(/\*\*|^#+\s*/g, '').trim()).filter(Boolean);
    await page.evaluate((p) => window.loadBare(p), paragraphs);
    const middle = page.locator('#editor > p').nth(Math.floor(paragraphs.length / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await page.keyboard.press('End');
    const samples = await measureTyping(page);
    return { samples, info: `   [${paragraphs.length} paragraphs]` };
  } finally {
    server.close();
  }
}

const text = reportText();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
try {
  const ours = await benchOurs(browser, text);
  const bare = await benchBare(browser, text);
  console.log(`keystroke → paint, ${text.replace(/\s/g, '').length} characters of text (6 fixture reports)`);
  summary('GongwenDesk editor (all plugins)', ours.samples, ours.info);
  summary('bare Lexical (rich text only)', bare.samples, bare.info);
} finally {
  await browser.close();
}

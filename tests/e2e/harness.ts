/**
 * End-to-end harness: starts `npm run preview`'s server (the built bundle) as a child
 * process on a free port with a fresh data folder, and Debian's Chromium through
 * playwright-core. Never downloads a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PAPER_PX, SHEET_PITCH_PX } from '../../renderer/editor/page/page-layer';

export const REPO = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface PreviewProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Sends `signal`; resolves once the process has ended, with how it ended (killed: it needed the 15 s SIGKILL). */
  stop(signal?: NodeJS.Signals): Promise<PreviewExit>;
}

export interface PreviewExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-'));
}

/** `env`: extra variables for the backend (a test puts a slow fc-list first on PATH, say). */
export async function startPreview(dataDir: string = freshDataDir(), env: NodeJS.ProcessEnv = {}): Promise<PreviewProcess> {
  const server = path.join(REPO, 'dist', 'preview', 'server.cjs');
  if (!fs.existsSync(server)) throw new Error('dist/preview/server.cjs missing: run npm run build first');
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, ...env, PORT: '0', GONGWEN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
  });
  return {
    url,
    dataDir,
    child,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<PreviewExit>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode, killed: false });
        // a preview that does not stop on SIGTERM is killed, so one hang cannot fail the next test's hook
        let killed = false;
        const kill = setTimeout(() => {
          console.warn(`[harness] the preview did not stop within 15 s of ${signal}: killed`);
          killed = true;
          child.kill('SIGKILL');
        }, 15_000);
        child.once('exit', (code, exitSignal) => {
          clearTimeout(kill);
          resolve({ code, signal: exitSignal, killed });
        });
        child.kill(signal);
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** 新建报告 → choose a template → 创建: lands in the editor. */
export async function createReport(page: Page, templateName = /法治政府建设年度报告/): Promise<void> {
  await page.getByRole('button', { name: '新建报告' }).click();
  const radio = page.getByRole('radio', { name: templateName });
  try {
    await radio.waitFor({ timeout: 30_000 });
  } catch (error) {
    // say what the screen showed instead, so a failure under CI load can be understood
    const seen = await page.evaluate(() => ({
      dialog: Boolean(document.querySelector('[role="dialog"]')),
      radios: document.querySelectorAll('input[type="radio"]').length,
      alerts: [...document.querySelectorAll('[role="alert"]')].map((el) => (el as HTMLElement).innerText.slice(0, 200)),
      newReportDisabled: (document.querySelector('.home-hero-actions button.primary') as HTMLButtonElement | null)?.disabled ?? null,
      text: document.body.innerText.slice(0, 400),
    }));
    throw new Error(`no template choice after 新建报告: ${JSON.stringify(seen)}`, { cause: error });
  }
  await radio.check();
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByRole('textbox', { name: '正文' }).waitFor();
}

/**
 * Imports a report text through the app's own API (as 导入文件 does) and creates a draft;
 * reloads the home screen and returns the draft's title.
 */
export async function seedDraftFromText(page: Page, text: string, name = 'report.txt'): Promise<string> {
  const title = await page.evaluate(
    async ({ text, name }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')!.content;
      const call = async (channel: string, input: unknown) =>
        (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input }) })).json();
      const bytes = new TextEncoder().encode(text);
      let binary = '';
      bytes.forEach((b) => (binary += String.fromCharCode(b)));
      const imported = await call('import:file', { file: { name, base64: btoa(binary) }, today: '2025-01-20' });
      const created = await call('drafts:create', { document: imported.value });
      return created.value.document.header.title as string;
    },
    { text, name },
  );
  await page.reload();
  return title;
}

/**
 * Pastes the three real reports, one after another, as plain text into the body (the caret
 * must be in it) until the text holds `chars` characters without white space: a long report.
 */
export async function pasteLongReport(page: Page, chars: number): Promise<void> {
  const reports = ['report-jinlanshan-2022.txt', 'report-chengxi-2024.txt', 'report-zhaishang-2023.txt'].map((f) => fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures', f), 'utf8'));
  let text = '';
  for (let i = 0; text.replace(/\s/g, '').length < chars; i++) text += `${reports[i % 3]}\n`;
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector('.gw-body')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Opens a draft from the home list by its title: lands in the editor. */
export async function openDraft(page: Page, title: string): Promise<void> {
  await page.getByText(title, { exact: false }).first().click();
  await page.getByRole('textbox', { name: '正文' }).waitFor();
}

/**
 * Wait until the page layer has written its layout: no re-cut waiting for a pause in typing,
 * and the sheets, the page cuts (the blocks' pushes and floats, the lump) and the table rows' gaps unchanged for 700 ms (longer
 * than the layer's 400 ms typing pause; two frames were not enough on a loaded machine: the
 * first cut could still be to come, and a CI run read 2 sheets of a 4-page report).
 */
export async function settleSheets(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const sig = () =>
      `${document.querySelector<HTMLElement>('.gw-desk')?.dataset.pages}|${[...document.querySelectorAll<HTMLElement>('.gw-cuts > div')].map((d) => d.style.height).join(',')}|${[...document.querySelectorAll<HTMLElement>('[data-gw-cut]')].map((d) => `${d.dataset.gwCut}:${d.style.cssText}`).join(',')}|${[...document.querySelectorAll<HTMLElement>('tr[data-gw-gap]')].map((r) => r.style.getPropertyValue('--gw-row-gap')).join(',')}`;
    const QUIET_MS = 700;
    const end = performance.now() + 30_000;
    let last = sig();
    let since = performance.now();
    while (performance.now() < end) {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const now = sig();
      if (now !== last || document.querySelector('.gw-cuts[data-pending]')) {
        last = now;
        since = performance.now();
      } else if (performance.now() - since >= QUIET_MS) return;
    }
  });
}

/**
 * Scroll the desk so sheet `n` (1-based) starts at the top of its scroller, and wait until the
 * desk draws it (it draws only the sheets in sight and a few either side: sheet-window.ts).
 */
export async function scrollToSheet(page: Page, n: number): Promise<void> {
  await page.evaluate(
    ({ n, pitch, paperWidth }) => {
      const desk = document.querySelector<HTMLElement>('.gw-desk')!;
      const scroller = desk.closest<HTMLElement>('.gw-scroller')!;
      const d = desk.getBoundingClientRect();
      const scale = d.width / paperWidth;
      scroller.scrollTop += d.top - scroller.getBoundingClientRect().top + (n - 1) * pitch * scale;
    },
    { n, pitch: SHEET_PITCH_PX, paperWidth: PAPER_PX.width },
  );
  await page.locator(`.gw-sheet[data-page="${n}"]`).waitFor({ state: 'attached', timeout: 10_000 });
}

/** Every sheet's page number, read sheet by sheet (scrolled into sight), in unzoomed px from the desk's top; the scroll is put back. */
export async function readPageNumbers(page: Page): Promise<{ page: number; text: string; centreY: number; left: number; right: number }[]> {
  const pages = Number(await page.locator('.gw-desk').getAttribute('data-pages'));
  const scrollTop = await page.locator('.gw-scroller').evaluate((el) => el.scrollTop);
  const out: { page: number; text: string; centreY: number; left: number; right: number }[] = [];
  for (let n = 1; n <= pages; n++) {
    await scrollToSheet(page, n);
    const num = await page.evaluate(
      ({ n, paperWidth }) => {
        const desk = document.querySelector<HTMLElement>('.gw-desk')!;
        const d = desk.getBoundingClientRect();
        const scale = d.width / paperWidth;
        const el = document.querySelector<HTMLElement>(`.gw-sheet[data-page="${n}"] .gw-page-number`);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { page: n, text: el.textContent ?? '', centreY: ((r.top + r.bottom) / 2 - d.top) / scale, left: (r.left - d.left) / scale, right: (r.right - d.left) / scale };
      },
      { n, paperWidth: PAPER_PX.width },
    );
    if (num) out.push(num);
  }
  await page.locator('.gw-scroller').evaluate((el, top) => {
    el.scrollTop = top;
  }, scrollTop);
  return out;
}

/** Until the draft is saved: the indicator starts at 已保存, so wait for it to leave that state first, then to come back. */
export async function waitSaved(page: Page): Promise<void> {
  const state = page.locator('.save-state');
  await expect.poll(() => state.innerText(), { timeout: 5_000 }).not.toBe('已保存');
  await expect.poll(() => state.innerText(), { timeout: 10_000 }).toBe('已保存');
}

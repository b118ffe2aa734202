/**
 * Offline proof: a full session in the browser preview — new report from the template,
 * typing, the check, settings (language), export of a .docx, print preview — while every
 * request the page makes is recorded. Any address other than the app's own origin fails the
 * test: no CDN font, no telemetry, no update check, nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createReport, launchBrowser, seedDraftFromText, startPreview, type PreviewProcess } from './harness';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

/** Not network: inline data and objects the page made itself. */
const LOCAL_SCHEMES = /^(data|blob|about):/;

describe('a full session stays on the app’s own origin', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true, serviceWorkers: 'block' });
    // Everything the page, its workers and frames ask for, whether it succeeds or not.
    context.on('request', (request) => requests.push(request.url()));
    // window.print() would open the system dialog: record the call instead, then render the print view ourselves.
    await context.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed += 1;
      };
    });
    page = await context.newPage();
    page.on('websocket', (ws) => requests.push(ws.url()));
    await page.goto(preview.url);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('new report, typing, check, settings, export, print preview — and no foreign address', async () => {
    // New report from the template, and typing.
    await createReport(page);
    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('全面推进依法行政，法治政府建设取得新成效。');
    await expect.poll(() => body.innerText()).toContain('法治政府建设取得新成效');

    // The check.
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/错误 \d+ 项/);

    // Back home; settings: the language, there and back (saved by the Node side).
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('combobox', { name: '语言' }).selectOption('en-US');
    await page.getByRole('button', { name: 'New report' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '新建报告' }).waitFor();

    // A clean real report (imported through the app's own API), exported as .docx.
    const text = fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8');
    const title = await seedDraftFromText(page, text);
    await page.getByText(title, { exact: false }).first().click();
    await body.waitFor();
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('错误 0 项，警告 0 项');
    await page.getByRole('button', { name: '导出 Word' }).click();
    const exportDialog = page.getByRole('dialog', { name: '导出 Word' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: '导出', exact: true }).click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('主要工作举措及成效');

    // Print preview: the 打印 path up to window.print(), then the print view rendered to PDF.
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await page.getByRole('dialog', { name: '打印' }).getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.waitForLoadState('networkidle');

    // The recording saw the session (so an empty list cannot pass for "offline")…
    const origin = new URL(preview.url).origin;
    const apiCalls = new Set(requests.filter((u) => u.startsWith(`${origin}/api/`)).map((u) => decodeURIComponent(new URL(u).pathname.slice(5))));
    for (const channel of ['templates:instantiate', 'drafts:create', 'drafts:save', 'settings:update', 'export:run']) {
      expect(apiCalls, channel).toContain(channel);
    }
    // …and every address in it is the app's own origin.
    const foreign = requests.filter((u) => !LOCAL_SCHEMES.test(u) && (() => { try { return new URL(u).origin !== origin; } catch { return true; } })());
    expect(foreign).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, createReport, launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

const SHOTS = path.join(REPO, 'test-results', 'screenshots');

describe('the app in the browser preview', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('opens in Chinese, creates a report and takes Chinese typing in 正文', async () => {
    const page = await newPage(browser, preview.url);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await createReport(page);
    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('全面推进依法行政工作取得新成效');
    await expect.poll(async () => body.innerText()).toContain('全面推进依法行政工作取得新成效');
    await page.screenshot({ path: path.join(SHOTS, 'editor-zh-CN.png') });
    expect(errors).toEqual([]);
  });

  it('switches the whole interface to English', async () => {
    const page = await newPage(browser, preview.url);
    await page.getByRole('combobox', { name: '语言' }).selectOption('en-US');
    await page.getByRole('button', { name: 'New report' }).waitFor();
    await expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: 'Body' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'editor-en-US.png') });
  });

  it('refuses API calls from another origin or without the page token', async () => {
    const page = await newPage(browser, preview.url);
    // A page served elsewhere cannot read the token; a call without it is refused.
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/app:info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return res.status;
    });
    expect(status).toBe(403);
  });
});

/**
 * Tables in the editor, in Chromium: 插入表格 (rows × columns) at the caret, typing with Tab
 * from cell to cell, 插入行, and the table reaches the exported .docx as w:tbl with its header.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, seedDraftFromText, startPreview, type PreviewProcess } from './harness';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/report-zhaishang-2023.txt');

describe('tables in the editor', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('inserts a 2 × 3 table, types across cells with Tab, adds a row, exports it', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedDraftFromText(page, fs.readFileSync(FIXTURE, 'utf8'), 'report.txt');
    await page.getByText(title, { exact: false }).first().click();
    const body = page.getByRole('textbox', { name: '正文' });
    await body.waitFor();
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '插入表格' }).click();
    const form = page.getByRole('form', { name: '插入表格' });
    await form.getByLabel('行数').fill('2');
    await form.getByLabel('列数').fill('3');
    await form.getByRole('button', { name: '插入' }).click();
    const table = body.locator('table.gw-table');
    await table.waitFor();
    expect(await table.locator('tr').count()).toBe(2);
    expect(await table.locator('tr').first().locator('th').count()).toBe(3);
    await table.locator('th').first().click();
    for (const [i, text] of ['单位', '复议', '诉讼', '城关镇', '12', '3'].entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      await page.keyboard.insertText(text);
    }
    await expect.poll(() => table.innerText()).toContain('城关镇');
    await page.getByRole('button', { name: '插入行' }).click();
    await expect.poll(() => table.locator('tr').count()).toBe(3);

    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^(导出|我已了解，继续)$/ }).first().click()]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    const tbl = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('城关镇'))!;
    expect(tbl).toBeDefined();
    const rows = tbl.match(/<w:tr>.*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toMatch(/单位.*复议.*诉讼/);
    expect(rows[1]).toMatch(/城关镇.*12.*3/);
    await page.context().close();
  });
});

/**
 * The check panel and the export gate, in the browser preview: errors block 导出 Word and
 * are listed; warnings are confirmed once; a clean report downloads a real .docx.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, launchBrowser, newPage, openDraft, seedDraftFromText, startPreview, type PreviewProcess } from './harness';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

async function seedFixture(page: Page, file: string): Promise<string> {
  return seedDraftFromText(page, fs.readFileSync(path.join(FIXTURES, file), 'utf8'), file);
}

describe('checks and the export gate', () => {
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

  it('a new report lists its errors, and 导出 Word refuses while they remain', async () => {
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toMatch(/错误 \d+ 项/);
    expect(await panel.innerText()).toContain('填写提示');
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    await expect.poll(() => dialog.innerText()).toMatch(/还有 \d+ 项错误/);
    await dialog.getByRole('button', { name: '返回修改' }).click();
    expect(downloaded).toBe(false);
  });

  it('a quick fix removes leftover guidance from the page', async () => {
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const fixes = panel.getByRole('button', { name: '删除这条提示' });
    await fixes.first().waitFor();
    const before = await fixes.count();
    const body = page.getByRole('textbox', { name: '正文' });
    const guidanceBefore = await body.locator('.gw-guidance, [data-guidance]').count();
    await fixes.first().click();
    await expect.poll(() => fixes.count(), { timeout: 10_000 }).toBeLessThan(before);
    if (guidanceBefore > 0) expect(await body.locator('.gw-guidance, [data-guidance]').count()).toBeLessThan(guidanceBefore);
  });

  it('a clean real report downloads a .docx', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedFixture(page, 'report-zhaishang-2023.txt');
    await openDraft(page, title);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    // No error or warning; one hint (提示: its 第一责任人 part names no countable action), which never blocks.
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('错误 0 项，警告 0 项');
    expect(await panel.locator('[data-rule="quality.responsibilityConcrete"]').count()).toBe(1);
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}（正式版）.docx`);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('主要工作举措及成效');
  });

  it('导出 Word right after typing checks and exports the text as it is now, not as last synced', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedFixture(page, 'report-zhaishang-2023.txt');
    await openDraft(page, title);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('错误 0 项，警告 0 项');
    // The page's timers stand still: the editor's idle sync to the screen's state cannot run,
    // so only the export's own flush can bring the typed mark to the dialog.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    try {
      await page.locator('.gw-body p').last().click();
      await page.keyboard.press('End');
      await page.keyboard.type('××');
      await page.getByRole('button', { name: '导出 Word' }).click();
      const dialog = page.getByRole('dialog', { name: '导出 Word' });
      await expect.poll(() => dialog.innerText()).toMatch(/还有 \d+ 项错误/);
      await dialog.getByRole('button', { name: '返回修改' }).click();
    } finally {
      await page.clock.resume();
    }
  });

  it('warnings are shown once and confirmed before the download', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedFixture(page, 'report-jinlanshan-2022.txt');
    await openDraft(page, title);
    await expect.poll(() => page.getByRole('complementary', { name: '检查结果' }).innerText(), { timeout: 10_000 }).toMatch(/警告 \d+ 项/);
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    expect(await dialog.innerText()).toContain('半角括号');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '我已了解，继续' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    // confirmed once for this document state: the 公开版 export does not ask again, and its file says so
    await page.getByRole('button', { name: '导出 Word' }).click();
    const again = page.getByRole('dialog', { name: '导出 Word' });
    expect(await again.innerText()).toContain('已经确认过');
    expect(await again.getByRole('button', { name: '我已了解，继续' }).count()).toBe(0);
    await again.getByRole('radio', { name: /公开版/ }).check();
    const [pub] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: '导出', exact: true }).click()]);
    expect(pub.suggestedFilename()).toBe(`${title}（公开版）.docx`);
    // a change to the document drops the confirmation
    await page.locator('.gw-body').click();
    await page.keyboard.type('改');
    await expect.poll(async () => {
      await page.getByRole('button', { name: '导出 Word' }).click();
      const text = await page.getByRole('dialog', { name: '导出 Word' }).innerText();
      await page.getByRole('dialog', { name: '导出 Word' }).getByRole('button', { name: '取消' }).click();
      return text.includes('已经确认过');
    }, { timeout: 10_000 }).toBe(false);
  });

  it('导出 PDF in the preview says plainly to choose 另存为 PDF before the print window opens', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedFixture(page, 'report-zhaishang-2023.txt');
    await openDraft(page, title);
    await expect.poll(() => page.getByRole('complementary', { name: '检查结果' }).innerText(), { timeout: 10_000 }).toContain('错误 0 项');
    await page.getByRole('button', { name: '导出 PDF' }).click();
    expect(await page.getByRole('dialog', { name: '导出 PDF' }).innerText()).toContain('另存为 PDF');
  });
});

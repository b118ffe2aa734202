/**
 * Drafts that are never lost, end to end: the real preview backend (killed with SIGKILL and
 * started again on the same data folder) and Debian's Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO, createReport, launchBrowser, newPage, startPreview, waitSaved, type PreviewProcess } from './harness';

const SHOTS = path.join(REPO, 'test-results', 'screenshots');
const FIXTURES = path.resolve(REPO, '../shared/fixtures');

/** Types a new paragraph at the end of 正文. */
async function typeParagraph(page: Page, text: string): Promise<void> {
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
  await expect.poll(() => body.innerText()).toContain(text);
}

function journalHas(dataDir: string, text: string): boolean {
  const dir = path.join(dataDir, 'drafts');
  return fs.readdirSync(dir).some((name) => name.endsWith('.journal') && fs.readFileSync(path.join(dir, name), 'utf8').includes(text));
}

/** The one row of the drafts list, or the row whose title matches. */
function row(page: Page, title?: RegExp | string) {
  const rows = page.locator('.drafts .draft-row');
  return title ? rows.filter({ hasText: title }) : rows.first();
}

describe('drafts in the browser preview', () => {
  let browser: Browser;
  const previews: PreviewProcess[] = [];
  const start = async (dataDir?: string) => {
    const p = await startPreview(dataDir);
    previews.push(p);
    return p;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterEach(async () => {
    for (const p of previews.splice(0)) await p.stop();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a saved sentence survives SIGKILL of the backend and is there on reopening', async () => {
    const preview = await start();
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const sentence = '本年度共办理行政复议案件十二件全部依法审结';
    await typeParagraph(page, sentence);
    await waitSaved(page);
    await preview.stop('SIGKILL');
    await page.context().close();

    const again = await start(preview.dataDir);
    const page2 = await newPage(browser, again.url);
    await row(page2).getByRole('button', { name: '打开', exact: true }).click();
    const body = page2.getByRole('textbox', { name: '正文' });
    await body.waitFor();
    expect(await body.innerText()).toContain(sentence);
    // a saved draft has nothing to recover
    expect(await page2.getByRole('alertdialog').count()).toBe(0);
  });

  it('typing journaled but not yet saved is offered back after SIGKILL', async () => {
    const preview = await start();
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const sentence = '行政执法三项制度全面落实未保存的这一句';
    await typeParagraph(page, sentence);
    // Keep typing (no blur, no pause of 1.5 s) so the save never runs, until the ~1 s journal has the sentence.
    const deadline = Date.now() + 8_000;
    while (!journalHas(preview.dataDir, sentence)) {
      if (Date.now() > deadline) throw new Error('no journal written');
      await page.keyboard.insertText('，');
      await page.waitForTimeout(250);
    }
    await preview.stop('SIGKILL');
    const draftFile = fs.readdirSync(path.join(preview.dataDir, 'drafts')).find((n) => n.endsWith('.gwdraft'))!;
    expect(fs.readFileSync(path.join(preview.dataDir, 'drafts', draftFile), 'utf8')).not.toContain(sentence);
    await page.context().close();

    const again = await start(preview.dataDir);
    const page2 = await newPage(browser, again.url);
    await row(page2).getByRole('button', { name: '打开', exact: true }).click();
    const prompt = page2.getByRole('alertdialog', { name: '发现未保存的内容' });
    await prompt.waitFor();
    await page2.screenshot({ path: path.join(SHOTS, 'drafts-recovery-prompt.png') });
    await prompt.getByRole('button', { name: '恢复', exact: true }).click();
    const body = page2.getByRole('textbox', { name: '正文' });
    await body.waitFor();
    expect(await body.innerText()).toContain(sentence);
    // restoring saved it: the draft file now holds the sentence and the question is not asked again
    await expect.poll(() => fs.readFileSync(path.join(preview.dataDir, 'drafts', draftFile), 'utf8')).toContain(sentence);
    await page2.getByRole('button', { name: '返回首页' }).click();
    await row(page2).getByRole('button', { name: '打开', exact: true }).click();
    await page2.getByRole('textbox', { name: '正文' }).waitFor();
    expect(await page2.getByRole('alertdialog').count()).toBe(0);
  });

  it('restores an earlier version from 历史版本, and the text before the restore can be had back', async () => {
    const preview = await start();
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const first = '第一稿的句子';
    const second = '第二稿后来加上的句子';
    await typeParagraph(page, first);
    await waitSaved(page); // the first save of a draft always leaves an autosave snapshot
    await typeParagraph(page, second);
    await waitSaved(page); // within the minute: no new snapshot

    await page.getByRole('button', { name: '历史版本' }).click();
    const panel = page.getByRole('dialog', { name: '历史版本' });
    const items = panel.getByRole('listitem');
    await items.first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'drafts-revisions.png') });
    await items.last().getByRole('button', { name: '恢复此版本' }).click();
    await panel.waitFor({ state: 'detached' });
    const body = page.getByRole('textbox', { name: '正文' });
    await expect.poll(() => body.innerText()).not.toContain(second);

    // the restore kept the text it replaced as a 恢复前 version
    await page.getByRole('button', { name: '历史版本' }).click();
    const before = page.getByRole('dialog', { name: '历史版本' }).getByRole('listitem').filter({ hasText: '恢复前' });
    await before.first().getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: '正文' }).innerText()).toContain(second);
    expect(await page.getByRole('textbox', { name: '正文' }).innerText()).toContain(first);
  });

  it('deletes a draft to the trash, undoes it, and restores it from 回收站', async () => {
    const preview = await start();
    const page = await newPage(browser, preview.url);
    await createReport(page);
    await page.getByRole('button', { name: '返回首页' }).click();
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(1);

    await row(page).getByRole('button', { name: '删除', exact: true }).click();
    const notice = page.locator('.home-notice');
    await expect.poll(() => notice.innerText()).toContain('移到回收站');
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(0);
    await notice.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(1);

    await row(page).getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('button', { name: '回收站（1）' }).click();
    const trash = page.locator('.trash');
    await trash.getByRole('button', { name: '恢复' }).click();
    await page.getByRole('button', { name: '返回草稿列表' }).click();
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(1);
  });

  it('imports last years’ reports, makes this year’s from one, and lists them tidily', async () => {
    const preview = await start();
    const page = await newPage(browser, preview.url);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const name of ['report-jinlanshan-2022.txt', 'report-zhaishang-2023.txt', 'report-chengxi-2024.txt']) {
      await page.getByLabel('导入文件').setInputFiles(path.join(FIXTURES, name));
      await expect.poll(() => page.locator('.home-notice').innerText()).toContain('已导入');
    }
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(3);
    const chengxi = row(page, /城西/);
    await chengxi.getByRole('button', { name: '以去年报告新建' }).click();
    await expect.poll(() => page.locator('.home-notice').innerText()).toMatch(/\d+ 处数字已标为/);
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(4);

    // 另存为 hands over the .gwdraft; importing it again gives a fifth draft
    const [download] = await Promise.all([page.waitForEvent('download'), row(page, /寨上/).getByRole('button', { name: '另存为' }).click()]);
    const saved = path.join(preview.dataDir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(saved.endsWith('.gwdraft')).toBe(true);
    await page.getByLabel('导入文件').setInputFiles(saved);
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(5);

    // search and sort
    await page.getByRole('searchbox', { name: '搜索标题' }).fill('寨上');
    await expect.poll(() => page.locator('.drafts .draft-row').count()).toBe(2);
    await page.getByRole('searchbox', { name: '搜索标题' }).fill('');
    await page.getByRole('combobox', { name: '排序' }).selectOption('year');
    const years = await page.locator('.drafts .draft-year').allInnerTexts();
    expect(years[0]).toMatch(/2025|2024/);
    await page.getByRole('combobox', { name: '排序' }).selectOption('modified');
    await page.screenshot({ path: path.join(SHOTS, 'home-drafts.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});

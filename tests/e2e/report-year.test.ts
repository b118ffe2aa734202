/**
 * The 报告年度 in the browser preview: a 2023 report pasted over the body of a new report
 * made from the template (this year's, 2026 on the session's clock) becomes a 2023 report —
 * the sidebar's 报告年度 follows its title, no year warning is left, the drafts list says
 * 2023 年度 — and 以去年报告新建 from it gives a 2024 report with no year warning either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { reportYearFor } from '../../shared/templates/instantiate';
import { todayIso } from '../../renderer/platform/clock';
import { createReport, launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/report-zhaishang-2023.txt');
/** The published text of the 2023 report with its 落款 and 成文日期, as the office's own copy has them. */
const REPORT = `${fs.readFileSync(FIXTURE, 'utf8').trimEnd()}\n\n寨上街道办事处\n2024年1月10日\n`;

/** Every message a year rule can give (zh-CN), as the panel shows it. */
const YEAR_MESSAGES = [/标题写的是\d{4}年/, /这一部分写的是\d{4}年/, /下一年度安排写的是/, /与报告年度/, /发文字号中的年份/, /但现在还是/, /像是去年报告留下的/];

async function pasteOverBody(page: Page, text: string): Promise<void> {
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.press('Control+a');
  await body.evaluate((el, text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

const yearField = (page: Page) => page.getByRole('textbox', { name: '报告年度' });
const panel = (page: Page) => page.getByRole('complementary', { name: '检查结果' });

async function expectNoYearWarning(page: Page): Promise<void> {
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await expect.poll(() => panel(page).innerText(), { timeout: 10_000 }).toMatch(/错误 \d+ 项|未发现问题/);
  const text = await panel(page).innerText();
  for (const re of YEAR_MESSAGES) expect(text).not.toMatch(re);
}

describe('报告年度', () => {
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

  it('a 2023 report pasted into a new template is a 2023 report; 以去年报告新建 makes it 2024', async () => {
    const page = await newPage(browser, preview.url);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await createReport(page);
    const templateYear = reportYearFor(todayIso());
    expect(templateYear).not.toBe(2023);
    await expect.poll(() => yearField(page).inputValue()).toBe(String(templateYear));

    await pasteOverBody(page, REPORT);
    await expect.poll(() => page.getByLabel('标题', { exact: true }).first().inputValue(), { timeout: 10_000 }).toContain('2023年度');
    await expect.poll(() => yearField(page).inputValue()).toBe('2023');
    expect(await page.locator('.gw-report-year').innerText()).toContain('随标题中的年份');
    await expectNoYearWarning(page);

    await page.getByRole('button', { name: '返回首页' }).click();
    const rows = page.locator('.drafts .draft-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().locator('.draft-year').innerText()).toBe('2023 年度');

    await rows.first().getByRole('button', { name: '以去年报告新建' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    const next = rows.filter({ hasText: '2024年度' });
    await expect.poll(() => next.count()).toBe(1);
    expect(await next.locator('.draft-year').innerText()).toBe('2024 年度');
    await next.getByRole('button', { name: '打开', exact: true }).click();
    await page.getByRole('textbox', { name: '正文' }).waitFor();
    await expect.poll(() => yearField(page).inputValue()).toBe('2024');
    await expectNoYearWarning(page);
    // the citations stay as they were
    const body = await page.getByRole('textbox', { name: '正文' }).innerText();
    expect(body).toContain('《法治政府建设实施纲要（2021-2025年）》');
    expect(body).toContain('《寨上街道2023年度依法治街工作要点》');
    expect(errors).toEqual([]);
  });
});

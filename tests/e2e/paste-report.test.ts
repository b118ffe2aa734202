/**
 * Pasting a whole report into the body, in Chromium: as text/html (as Word and WPS put it on
 * the clipboard) and as text/plain. Its 版头, title, 主送机关, 落款 and date go to the header
 * fields, the notice says what moved where, and one undo (Ctrl+Z, or the notice's 撤销) gives
 * back the body exactly as pasted and the header fields as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/report-jinlanshan-2022.txt');
const REPORT = `${fs.readFileSync(FIXTURE, 'utf8').trimEnd()}\n\n中共新县金兰山街道工作委员会\n2023年1月10日\n`;
const TITLE = '中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The report as Word's clipboard HTML: one styled <p> per line, bold as <b>. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>${REPORT.split('\n')
  .map((l) => `<p class=MsoNormal style="font-size:16pt"><span style="font-family:仿宋_GB2312">${esc(l.replace(/^#+ /, '')).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')}</span></p>`)
  .join('')}</body></html>`;

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Select the whole body and paste a clipboard with the given types. */
async function paste(page: Page, data: Record<string, string>): Promise<void> {
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.press('Control+a');
  await body.evaluate((el, data) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true }).first();
const bodyText = (page: Page) => page.getByRole('textbox', { name: '正文' }).innerText();

async function expectMoved(page: Page): Promise<void> {
  const notice = page.getByRole('status', { name: '粘贴整篇报告' });
  await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('已把其中 7 项移到版头和落款');
  const said = await notice.innerText();
  for (const part of ['发文机关标志「中共新县金兰山街道工作委员会文件」', '发文字号「金文〔2023〕5号」', '签发人「张健平、余志强」', `标题「${TITLE}」`, '主送机关「县委、县政府」', '发文机关署名「中共新县金兰山街道工作委员会」', '成文日期「2023年1月10日」']) expect(said).toContain(part);
  expect(squeeze(await field(page, '标题').inputValue())).toBe(squeeze(TITLE));
  expect(await field(page, '发文字号').inputValue()).toBe('金文〔2023〕5号');
  expect(await field(page, '主送机关').inputValue()).toBe('县委、县政府');
  expect(await field(page, '成文日期').inputValue()).toBe('2023年1月10日');
  const text = await bodyText(page);
  expect(text).not.toContain('金文〔2023〕5号');
  expect(text).not.toContain('县委、县政府：');
  expect(text).not.toContain('2023年1月10日');
  expect(text.trimStart().startsWith('2022年在县委、县政府的坚强领导下')).toBe(true);
}

async function expectAsPasted(page: Page, before: { title: string; recipient: string; date: string }): Promise<void> {
  await expect.poll(() => bodyText(page), { timeout: 5_000 }).toContain('金文〔2023〕5号');
  const lines = (await bodyText(page)).split('\n').map((l) => l.trim()).filter(Boolean);
  expect(lines.slice(0, 5)).toEqual(['中共新县金兰山街道工作委员会文件', '金文〔2023〕5号', '签发人：张健平 余志强', TITLE, '县委、县政府：']);
  expect(lines.slice(-2)).toEqual(['中共新县金兰山街道工作委员会', '2023年1月10日']);
  expect(await field(page, '标题').inputValue()).toBe(before.title);
  expect(await field(page, '主送机关').inputValue()).toBe(before.recipient);
  expect(await field(page, '成文日期').inputValue()).toBe(before.date);
  expect(await field(page, '发文字号').inputValue()).not.toBe('金文〔2023〕5号');
  expect(await page.getByRole('status', { name: '粘贴整篇报告' }).count()).toBe(0);
}

describe('paste of a whole report', () => {
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

  it('as text/html: the header lines move with a notice; Ctrl+Z gives the paste back as pasted', async () => {
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const before = { title: await field(page, '标题').inputValue(), recipient: await field(page, '主送机关').inputValue(), date: await field(page, '成文日期').inputValue() };
    await paste(page, { 'text/html': WORD_HTML, 'text/plain': REPORT });
    await expectMoved(page);
    // Bold from the HTML survives in the body.
    expect(await page.locator('.gw-body .gw-bold').count()).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: '正文' }).focus();
    await page.keyboard.press('Control+z');
    await expectAsPasted(page, before);
    await page.context().close();
  });

  it('as text/plain: the same, undone with the notice’s 撤销', async () => {
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const before = { title: await field(page, '标题').inputValue(), recipient: await field(page, '主送机关').inputValue(), date: await field(page, '成文日期').inputValue() };
    await paste(page, { 'text/plain': REPORT });
    await expectMoved(page);
    await page.getByRole('status', { name: '粘贴整篇报告' }).getByRole('button', { name: '撤销' }).click();
    await expectAsPasted(page, before);
    await page.context().close();
  });

  it('two paragraphs move nothing and show no notice', async () => {
    const page = await newPage(browser, preview.url);
    await createReport(page);
    const title = await field(page, '标题').inputValue();
    await paste(page, { 'text/plain': `${TITLE}\n2022年在县委、县政府的坚强领导下，金兰山街道扎实推进法治政府建设。` });
    await expect.poll(() => bodyText(page), { timeout: 5_000 }).toContain('扎实推进法治政府建设');
    expect(squeeze(await bodyText(page))).toContain(squeeze(TITLE));
    expect(await field(page, '标题').inputValue()).toBe(title);
    expect(await page.getByRole('status', { name: '粘贴整篇报告' }).count()).toBe(0);
    await page.context().close();
  });
});

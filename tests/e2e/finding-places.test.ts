/**
 * A finding's exact place in the browser preview: repeated placeholder marks are one row of
 * the check panel (文中还有待填写的占位符（4处）) that opens onto four places; clicking the
 * second selects exactly its text in the editor — on a report the page layer has cut into
 * several sheets — and the export-blocked dialog lists the same places, each clickable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, openDraft, seedDraftFromText, startPreview, type PreviewProcess } from './harness';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
/** The marks put in, in body order: each different, so the selection says which place was chosen. */
const MARKS = ['××', 'XXX', '×××', '【待核：12件】'];

/** zhaishang (a real, multi-page report) with a mark put before the first 。 of four paragraphs spread over it. */
function reportWithMarks(): { text: string; lines: string[] } {
  const lines = fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8').split('\n');
  const body = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 60 && l.includes('。') && !/^\s*[一二三四五六七八九十（(]/.test(l.trim()));
  const picks = [0.15, 0.4, 0.65, 0.9].map((q) => body[Math.floor(q * (body.length - 1))]!.i);
  const changed: string[] = [];
  picks.forEach((at, k) => {
    lines[at] = lines[at]!.replace('。', `${MARKS[k]}。`);
    changed.push(lines[at]!);
  });
  return { text: lines.join('\n'), lines: changed };
}

/** The editor's selection: its text and whether it lies inside the body editor. */
const selection = (page: Page) =>
  page.evaluate(() => {
    const sel = window.getSelection()!;
    const editor = document.querySelector('[role="textbox"][aria-label="正文"]');
    const node = sel.anchorNode;
    const r = sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null;
    return {
      text: sel.toString(),
      inEditor: !!node && !!editor?.contains(node),
      paragraph: (node?.parentElement?.closest('p, h1, h2, h3, h4, [data-lexical-text]')?.textContent ?? node?.textContent ?? '') as string,
      visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });

describe('a finding selects its exact text', () => {
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

  it('the panel groups four marks into one row; its second place selects exactly that mark, on a later sheet', async () => {
    const page = await newPage(browser, preview.url);
    const { text } = reportWithMarks();
    const title = await seedDraftFromText(page, text, 'report.txt');
    await openDraft(page, title);
    // The page layer has cut the report into sheets.
    await expect.poll(async () => Number(await page.locator('.gw-desk').getAttribute('data-pages')), { timeout: 15_000 }).toBeGreaterThan(3);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const row = panel.locator('li.finding[data-rule="placeholder.remaining"]');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const head = row.locator('button.finding-text');
    expect(await head.innerText()).toBe('文中还有待填写的占位符（4处）');
    await head.click();
    const places = row.locator('button.finding-place-go');
    expect(await places.count()).toBe(4);
    const excerpts = await places.allInnerTexts();
    MARKS.forEach((mark, k) => expect(excerpts[k]).toContain(mark));

    await places.nth(1).click();
    await expect.poll(async () => (await selection(page)).text, { timeout: 10_000 }).toBe('XXX');
    const sel = await selection(page);
    expect(sel.inEditor).toBe(true);
    expect(sel.visible).toBe(true);
    // The second mark's paragraph lies past the first sheet.
    const sheet = await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      // The sheet drawn where the selection is (0-based), -1 if none holds it.
      const sheets = [...document.querySelectorAll<HTMLElement>('.gw-sheet')];
      const hit = sheets.find((s) => {
        const b = s.getBoundingClientRect();
        return r.top >= b.top && r.bottom <= b.bottom;
      });
      return hit ? Number(hit.dataset.page) - 1 : -1;
    });
    expect(sheet).toBeGreaterThan(0);

    // The fourth: a bracketed mark, selected whole.
    await places.nth(3).click();
    await expect.poll(async () => (await selection(page)).text, { timeout: 10_000 }).toBe('【待核：12件】');
  });

  it('the export-blocked dialog lists the places, and a place clicked there is selected', async () => {
    const page = await newPage(browser, preview.url);
    const { text } = reportWithMarks();
    const title = await seedDraftFromText(page, text, 'report.txt');
    await openDraft(page, title);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.locator('li.finding[data-rule="placeholder.remaining"]').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    const row = dialog.locator('li[data-rule="placeholder.remaining"]');
    // One row, not the same sentence four times.
    expect(await row.count()).toBe(1);
    expect(await dialog.getByText('文中还有待填写的占位符“', { exact: false }).count()).toBe(0);
    await row.locator('button.finding-text').click();
    const places = row.locator('button.finding-place-go');
    expect(await places.count()).toBe(4);
    const excerpts = await places.allInnerTexts();
    MARKS.forEach((mark, k) => expect(excerpts[k]).toContain(mark));
    await places.nth(2).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await selection(page)).text, { timeout: 10_000 }).toBe('×××');
  });

  it('a place in a header field selects exactly that text in the field', async () => {
    const page = await newPage(browser, preview.url);
    const lines = fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8').split('\n');
    const first = lines.findIndex((l) => l.trim());
    lines[first] = lines[first]!.replace('街道', '街道XXX');
    const title = await seedDraftFromText(page, lines.join('\n'), 'report.txt');
    expect(title).toContain('XXX');
    await openDraft(page, title.split('\n')[0]!);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const row = panel.locator('li.finding[data-rule="placeholder.remaining"]');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.locator('button.finding-text').click();
    const fieldSelection = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
        if (!el || !('selectionStart' in el) || el.selectionStart === null) return null;
        return { label: el.getAttribute('aria-label'), text: el.value.slice(el.selectionStart, el.selectionEnd ?? el.selectionStart) };
      });
    await expect.poll(async () => (await fieldSelection())?.text, { timeout: 10_000 }).toBe('XXX');
    expect((await fieldSelection())?.label).toBe('标题');
  });

  it('a place in a field of the closed 更多版头/版记字段 panel opens it and goes to the field', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedDraftFromText(page, fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8'), 'report.txt');
    await openDraft(page, title.split('\n')[0]!);
    // closed, the panel holds no form controls, and it is no <details> (a display lock, which slowed the body's typing: HeaderMorePanel)
    expect(await page.locator('details').count()).toBe(0);
    const more = page.locator('.gw-more');
    const toggle = more.getByRole('button', { name: '更多版头/版记字段' });
    const isOpen = async () => (await toggle.getAttribute('aria-expanded')) === 'true';
    expect(await isOpen()).toBe(false);
    expect(await more.locator('input, textarea, select').count()).toBe(0);
    await toggle.click();
    const secrecy = more.getByRole('textbox', { name: '密级' });
    await secrecy.fill('秘密');
    await secrecy.press('Tab');
    await toggle.click();
    await expect.poll(() => more.locator('input, textarea, select').count()).toBe(0);
    // the 公开版 screening names the 密级 field: its place opens the panel and focuses the field
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await panel.getByRole('tab', { name: '公开版' }).click();
    const row = panel.locator('li.finding[data-rule="public.secrecy"]').first();
    await row.waitFor({ timeout: 15_000 });
    await row.locator('button.finding-text').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)).toBe('密级');
    expect(await isOpen()).toBe(true);
    expect(await secrecy.inputValue()).toBe('秘密');
  });
});

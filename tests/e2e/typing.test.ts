/**
 * Typing in the body as a clerk does, with keys and with a Chinese input method (IME
 * composition through Chromium's own input pipeline): the text lands in the document (it is
 * saved and comes back after a reload), and Lexical takes each key the way bare Lexical does —
 * in its input handler, without its MutationObserver having to reconcile the browser's
 * insertion a second time (renderer/platform/app-root.ts: React's root no longer runs a
 * capture-phase listener before Lexical's); a typed character's keydown ends at the body while
 * the shortcuts' keydowns still reach the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, launchBrowser, openDraft, startPreview, waitSaved, type PreviewProcess } from './harness';

/** Types `seed` into the body's first guidance (it becomes a paragraph) and leaves the caret at its end. */
async function caretInParagraph(page: Page, seed: string): Promise<void> {
  await page.locator('.gw-body .gw-guidance').first().click();
  await page.keyboard.insertText(seed);
  await page.keyboard.press('End');
}

describe('typing in the body', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    // Count the records delivered to the observers of the body (Lexical's own: it observes its
    // root element) apart from those of any other observer.
    await context.addInitScript(() => {
      const Native = window.MutationObserver;
      const seen = { body: 0, other: 0 };
      (window as unknown as { __observed: typeof seen }).__observed = seen;
      window.MutationObserver = class extends Native {
        private watchesBody = false;
        constructor(callback: MutationCallback) {
          super((records, observer) => {
            if ((observer as unknown as { watchesBody: boolean }).watchesBody) seen.body += records.length;
            else seen.other += records.length;
            callback(records, observer);
          });
        }
        override observe(target: Node, options?: MutationObserverInit) {
          if (target instanceof HTMLElement && target.isContentEditable && target.classList.contains('gw-body')) this.watchesBody = true;
          super.observe(target, options);
        }
      };
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(preview.url);
    await createReport(page);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('keys go through Lexical’s input handler: its MutationObserver is handed no insertion while typing', async () => {
    await caretInParagraph(page, '我街坚持依法行政');
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => ({ ...(window as unknown as { __observed: { body: number; other: number } }).__observed }));
    // keydowns that reach the window, where the app's shortcuts listen
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { __keydowns: string[] }).__keydowns = heard;
      window.addEventListener('keydown', (e) => void (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key) || heard.push(`${e.ctrlKey ? 'Control+' : ''}${e.key}`)));
    });
    for (const key of 'abcdefghijklmnopqrst') await page.keyboard.press(key);
    const paragraph = page.locator('.gw-body > p', { hasText: '我街坚持依法行政' }).first();
    await expect.poll(() => paragraph.textContent()).toBe('我街坚持依法行政abcdefghijklmnopqrst');
    const after = await page.evaluate(() => ({ ...(window as unknown as { __observed: { body: number; other: number } }).__observed }));
    expect(after.body - before.body).toBe(0);
    // the counting itself works: the page layer's observer of the flow saw the keys
    expect(after.other - before.other).toBeGreaterThanOrEqual(20);
    // A typed character's keydown ends at the body (RichTextSetupPlugin); a shortcut's goes on and works.
    await page.keyboard.press('Control+=');
    await expect.poll(() => page.locator('.gw-zoom').evaluate((el) => getComputedStyle(el).zoom)).toBe('1.1');
    await page.keyboard.press('Control+0');
    await expect.poll(() => page.locator('.gw-zoom').evaluate((el) => getComputedStyle(el).zoom)).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { __keydowns: string[] }).__keydowns)).toEqual(['Control+=', 'Control+0']);
  });

  it('an input method’s composition lands as the chosen characters, once, and is saved', async () => {
    const paragraph = page.locator('.gw-body > p', { hasText: '我街坚持依法行政' }).first();
    await paragraph.click();
    await page.keyboard.press('End');
    const cdp = await page.context().newCDPSession(page);
    // Pinyin typed letter by letter, shown underlined in the text, then the characters chosen.
    for (const pinyin of ['f', 'fa', 'fa z', 'fa zh', 'fa zhi']) {
      await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    }
    // (while composing, Lexical keeps a zero-width space after the composed text in the DOM)
    await expect.poll(async () => (await paragraph.textContent())?.replace(/\u200b/g, '')).toBe('我街坚持依法行政abcdefghijklmnopqrstfa zhi');
    await cdp.send('Input.insertText', { text: '法治' });
    await expect.poll(() => paragraph.textContent()).toBe('我街坚持依法行政abcdefghijklmnopqrst法治');
    // and once more, to see the second composition starts where the first ended
    await cdp.send('Input.imeSetComposition', { text: 'zf', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '政府' });
    await expect.poll(() => paragraph.textContent()).toBe('我街坚持依法行政abcdefghijklmnopqrst法治政府');
    await cdp.detach();
    await waitSaved(page);
    const title = await page.getByLabel('标题', { exact: true }).inputValue();
    await page.reload();
    await openDraft(page, title.slice(0, 12));
    const reopened = page.locator('.gw-body > p', { hasText: '我街坚持依法行政' }).first();
    await expect.poll(() => reopened.textContent()).toBe('我街坚持依法行政abcdefghijklmnopqrst法治政府');
    expect(errors).toEqual([]);
  });
});

/**
 * The live check while typing, in the browser preview: keys that change no finding give the
 * check panel no new report (the worker's report reads the same, so the screen and the panel
 * are not re-rendered — a second frame per key before) and leave its DOM untouched, though the
 * check did run; a key that makes a finding shows it in the panel without 检查 (never stale).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, openDraft, seedDraftFromText, startPreview, type PreviewProcess } from './harness';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

describe('live check while typing', () => {
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

  it('leaves the panel alone while findings stay the same, and shows a new one once typed', async () => {
    const page = await newPage(browser, preview.url);
    // React's devtools hook, to see at each commit which report the panel was rendered with.
    await page.addInitScript(() => {
      const w = window as unknown as { __reports: number; __lastReport: unknown; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
      w.__reports = 0;
      type Fiber = { child: Fiber | null; sibling: Fiber | null; return: Fiber | null; stateNode: unknown; memoizedProps: { report?: unknown } | null };
      w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => {},
        onScheduleFiberRoot: () => {},
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
          const stack: Fiber[] = [root.current];
          while (stack.length) {
            const f = stack.pop()!;
            if (f.stateNode instanceof HTMLElement && f.stateNode.classList.contains('check-panel')) {
              const report = f.return?.memoizedProps?.report;
              if (report !== w.__lastReport) w.__reports++;
              w.__lastReport = report;
              return;
            }
            if (f.sibling) stack.push(f.sibling);
            if (f.child) stack.push(f.child);
          }
        },
      };
    });
    await page.goto(preview.url);
    const title = await seedDraftFromText(page, fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8'));
    await openDraft(page, title);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('错误 0 项，警告 0 项');
    const before = await panel.innerText();
    // Count the live checks posted to the worker and every change to the panel's DOM from here on.
    await page.evaluate(() => {
      const w = window as unknown as { __checks: number; __panelChanges: number };
      w.__checks = 0;
      w.__panelChanges = 0;
      (window as unknown as { __reports: number }).__reports = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
        if ((message as { type?: string }).type === 'check') w.__checks++;
        return post.call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
      new MutationObserver((records) => (w.__panelChanges += records.length)).observe(document.querySelector('.check-panel')!, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const paragraphs = page.locator('.gw-body > p');
    const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2));
    await middle.click();
    await page.keyboard.press('End');
    // Words that make no finding, with pauses longer than the check's wait: each is checked.
    for (const word of ['依法', '行政', '推进']) {
      await page.keyboard.type(word, { delay: 60 });
      await page.waitForTimeout(1200);
    }
    const counted = () => page.evaluate(() => (window as unknown as { __checks: number; __panelChanges: number }).__checks);
    await expect.poll(counted, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __panelChanges: number }).__panelChanges)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __reports: number }).__reports)).toBe(0);
    expect(await panel.innerText()).toBe(before);

    // A placeholder mark typed in: the panel lists it, without 检查.
    await page.keyboard.type('××', { delay: 60 });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('占位符');
    expect(await page.evaluate(() => (window as unknown as { __panelChanges: number }).__panelChanges)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __reports: number }).__reports)).toBeGreaterThan(0);
  });

  it('检查 right after typing checks the text as it is now, not as the screen last had it', async () => {
    // A data folder of its own: the test before typed ×× into a draft of the same title, and a
    // late save of its page could put that draft first in the list (a CI run opened it).
    const own = await startPreview();
    try {
      const page = await newPage(browser, own.url);
      await page.goto(own.url);
      const title = await seedDraftFromText(page, fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8'));
      await openDraft(page, title);
      const panel = page.getByRole('complementary', { name: '检查结果' });
      await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('错误 0 项，警告 0 项');
      const paragraphs = page.locator('.gw-body > p');
      await paragraphs.nth(Math.floor((await paragraphs.count()) / 2)).click();
      await page.keyboard.press('End');
      // Typed and 检查 clicked at once: long before the body's sync (a typing pause) and the live check.
      await page.keyboard.insertText('××');
      await page.getByRole('button', { name: '检查', exact: true }).click();
      await expect.poll(() => panel.innerText(), { timeout: 150, interval: 10 }).toContain('占位符');
    } finally {
      await own.stop();
    }
  });
});

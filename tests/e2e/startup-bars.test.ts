/**
 * The bars shown on start (fonts missing, notices from the Node side) must never move the page
 * under the user's pointer. The font status comes from fc-list / reg query, which can take a
 * second on an old or busy PC: a bar that appeared then pushed 新建报告 down between a mouse
 * press and its release, and the click went nowhere. A stand-in fc-list here answers after a
 * set delay with a PC that lacks the standard fonts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

function slowFcList(delaySeconds: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-fc-'));
  // a PC with only Noto CJK: all four standard 公文 fonts missing, so the bar is shown
  fs.writeFileSync(path.join(dir, 'fc-list'), `#!/bin/sh\nsleep ${delaySeconds}\necho 'Noto Serif CJK SC,Noto Serif CJK SC Regular'\n`, { mode: 0o755 });
  return dir;
}

/** Where 新建报告 was when it first appeared (recorded in the page, before any later bar). */
async function trackNewReportButton(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { firstTop?: number };
    new MutationObserver(() => {
      if (w.firstTop !== undefined) return;
      const button = document.querySelector('.home-hero-actions button.primary');
      if (button) w.firstTop = button.getBoundingClientRect().top;
    }).observe(document, { childList: true, subtree: true });
  });
}

const firstTop = (page: Page) => page.evaluate(() => (window as unknown as { firstTop?: number }).firstTop ?? null);
const topNow = (page: Page) => page.evaluate(() => document.querySelector('.home-hero-actions button.primary')!.getBoundingClientRect().top);

describe('start-up bars', () => {
  let browser: Browser;
  const previews: PreviewProcess[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const p of previews.splice(0)) await p.stop();
  });
  afterAll(async () => {
    await browser?.close();
  });
  /** The home screen of a preview whose fc-list answers after `delaySeconds`, 新建报告 tracked. */
  const openWithFontsAfter = async (delaySeconds: number): Promise<Page> => {
    const preview = await startPreview(undefined, { PATH: `${slowFcList(delaySeconds)}${path.delimiter}${process.env.PATH}` });
    previews.push(preview);
    const page = await newPage(browser, 'about:blank');
    await trackNewReportButton(page);
    await page.goto(preview.url);
    return page;
  };

  it.skipIf(process.platform === 'win32')('a font status that answers in time is laid out with the first paint: 新建报告 never moves', async () => {
    const page = await openWithFontsAfter(0.4);
    const bar = page.getByRole('status', { name: /本机缺少 4 种公文标准字体/ });
    await bar.waitFor();
    expect(await firstTop(page)).not.toBeNull();
    // the bar was there when the button first appeared: the button is where it was
    expect(await topNow(page)).toBe(await firstTop(page));
    expect(await bar.evaluate((el) => el.classList.contains('late-notice'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a font status later than the first paint floats in a corner: 新建报告 still never moves', async () => {
    const page = await openWithFontsAfter(6);
    await page.getByRole('button', { name: '新建报告' }).waitFor();
    // the first paint did not wait the 6 s for the fonts
    const bar = page.getByRole('status', { name: /本机缺少 4 种公文标准字体/ });
    expect(await bar.count()).toBe(0);
    await bar.waitFor({ timeout: 15_000 });
    expect(await bar.evaluate((el) => el.classList.contains('late-notice'))).toBe(true);
    expect(await topNow(page)).toBe(await firstTop(page));
    // the corner card covers neither of the home screen's actions
    const card = (await bar.boundingBox())!;
    for (const name of ['新建报告', '导入文件']) {
      const b = (await page.getByRole('button', { name, exact: true }).first().boundingBox())!;
      const overlaps = b.x < card.x + card.width && card.x < b.x + b.width && b.y < card.y + card.height && card.y < b.y + b.height;
      expect(overlaps, name).toBe(false);
    }
  });
});

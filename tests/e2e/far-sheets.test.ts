/**
 * A long report (≈ 150 pages) scrolled far and jumped through. The page layer writes its floats
 * only near the screen (renderer/editor/page/page-layer.ts: the sheets well above the screen are
 * one float, past the horizon the text runs uncut), so what must hold is what is in sight: every
 * line of the sheets in sight lies in a type area, each sheet starts with the same line however it
 * was reached (scrolled to from the top, or from further down), few floats are written, and a
 * jump (Ctrl+End, Ctrl+Home) shows the caret on its sheet, in the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, launchBrowser, newPage, pasteLongReport, scrollToSheet, settleSheets, startPreview, type PreviewProcess } from './harness';
import { MARGINS, PAPER, TYPE_AREA, mmToPx } from '../../shared/page/geometry';
import { BEHIND_PAGES, HORIZON_PAGES, SHEET_PITCH_PX } from '../../renderer/editor/page/page-layer';

const PAPER_WIDTH = mmToPx(PAPER.widthMm);
const TYPE_TOP = mmToPx(MARGINS.topMm);
const TYPE_BOTTOM = TYPE_TOP + mmToPx(TYPE_AREA.heightMm);

interface SheetLine {
  page: number;
  text: string;
  /** Centre of the line, unzoomed px from its sheet's top. */
  centre: number;
}

/** The body's text lines whose centre lies on sheets `from`..`to` (1-based), in order. */
async function linesOn(page: Page, from: number, to: number): Promise<SheetLine[]> {
  return page.evaluate(
    ({ from, to, pitch, paperWidth }) => {
      const desk = document.querySelector<HTMLElement>('.gw-desk')!;
      const d = desk.getBoundingClientRect();
      const scale = d.width / paperWidth;
      const lo = (from - 1) * pitch;
      const hi = to * pitch;
      const rows: { top: number; bottom: number; text: string }[] = [];
      const range = document.createRange();
      for (const block of Array.from(document.querySelectorAll<HTMLElement>('.gw-body > *'))) {
        const r = block.getBoundingClientRect();
        if ((r.bottom - d.top) / scale < lo || (r.top - d.top) / scale > hi) continue;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          for (let i = 0; i < n.data.length; i++) {
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const c = range.getClientRects()[0];
            if (!c || c.width === 0 || /\s/.test(n.data[i]!)) continue;
            const top = (c.top - d.top) / scale;
            const bottom = (c.bottom - d.top) / scale;
            const last = rows[rows.length - 1];
            if (last && Math.abs(last.top - top) < 6) last.text += n.data[i];
            else rows.push({ top, bottom, text: n.data[i]! });
          }
        }
      }
      return rows
        .map((row) => {
          const centre = (row.top + row.bottom) / 2;
          const page = Math.floor(centre / pitch) + 1;
          return { page, text: row.text, centre: centre - (page - 1) * pitch };
        })
        .filter((l) => l.page >= from && l.page <= to);
    },
    { from, to, pitch: SHEET_PITCH_PX, paperWidth: PAPER_WIDTH },
  );
}

const firstLines = (lines: SheetLine[], from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => lines.find((l) => l.page === from + i)?.text.slice(0, 12) ?? null);

function expectInTypeAreas(lines: SheetLine[], what: string): void {
  expect(lines.length, `${what}: lines read`).toBeGreaterThan(0);
  for (const l of lines) expect(l.centre > TYPE_TOP && l.centre < TYPE_BOTTOM, `${what}: line "${l.text.slice(0, 10)}" on page ${l.page} at ${l.centre.toFixed(1)} px`).toBe(true);
}

/** The caret's sheet and place: its centre in unzoomed px from the sheet's top, and whether it is in the window. */
async function caret(page: Page): Promise<{ page: number; centre: number; inWindow: boolean; at: string }> {
  return page.evaluate(
    ({ pitch, paperWidth }) => {
      const desk = document.querySelector<HTMLElement>('.gw-desk')!;
      const d = desk.getBoundingClientRect();
      const scale = d.width / paperWidth;
      const sel = getSelection()!;
      const range = sel.getRangeAt(0);
      let r = range.getBoundingClientRect();
      if (r.height === 0) r = (sel.focusNode instanceof Element ? sel.focusNode : sel.focusNode!.parentElement)!.getBoundingClientRect();
      const scroller = desk.closest<HTMLElement>('.gw-scroller')!.getBoundingClientRect();
      const centre = ((r.top + r.bottom) / 2 - d.top) / scale;
      const page = Math.floor(centre / pitch) + 1;
      return { page, centre: centre - (page - 1) * pitch, inWindow: r.bottom > scroller.top && r.top < scroller.bottom, at: `${r.top.toFixed(0)}–${r.bottom.toFixed(0)} in ${scroller.top.toFixed(0)}–${scroller.bottom.toFixed(0)}` };
    },
    { pitch: SHEET_PITCH_PX, paperWidth: PAPER_WIDTH },
  );
}

describe('a long report far from its top: the sheets in sight carry their own lines', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let page: Page;
  let pages = 0;
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
    page = await newPage(browser, preview.url);
    await createReport(page);
    await page.getByRole('textbox', { name: '正文' }).click();
    await pasteLongReport(page, 90_000);
    await settleSheets(page);
    pages = Number(await page.locator('.gw-desk').getAttribute('data-pages'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('scrolled to a sheet from above and from below, it starts with the same line; few floats are written', async () => {
    expect(pages).toBeGreaterThan(120);
    // The floats: the lump's two boxes in the holder, and a block's float before or after it.
    const floatBoxes = () =>
      page.evaluate(() => document.querySelectorAll('.gw-cuts > div').length + [...document.querySelectorAll<HTMLElement>('[data-gw-cut]')].reduce((n, el) => n + (el.dataset.gwCut!.includes('before') ? 1 : 0) + (el.dataset.gwCut!.includes('after') ? 1 : 0), 0));
    const seen: Record<number, (string | null)[]> = {};
    // Each sheet reached from the top (every float above lumped but a few) …
    for (const sheet of [100, 60, 20]) {
      await scrollToSheet(page, 1);
      await settleSheets(page);
      await scrollToSheet(page, sheet);
      await settleSheets(page);
      const lines = await linesOn(page, sheet, sheet + 2);
      expectInTypeAreas(lines, `scrolled down to sheet ${sheet}`);
      seen[sheet] = firstLines(lines, sheet, sheet + 2);
      // At most a float a boundary from BEHIND_PAGES above the window to HORIZON_PAGES past it,
      // and the lump's two.
      const windowSheets = 3;
      const bound = Math.min(sheet, BEHIND_PAGES) + windowSheets + HORIZON_PAGES + 2;
      expect(await floatBoxes(), `float boxes with sheet ${sheet} in sight`).toBeLessThanOrEqual(bound);
    }
    // … and from further down (the sheets above it lumped differently, or not at all).
    for (const sheet of [100, 60, 20]) {
      await scrollToSheet(page, Math.min(pages, sheet + 30));
      await settleSheets(page);
      await scrollToSheet(page, sheet);
      await settleSheets(page);
      const lines = await linesOn(page, sheet, sheet + 2);
      expectInTypeAreas(lines, `scrolled up to sheet ${sheet}`);
      expect(firstLines(lines, sheet, sheet + 2), `sheet ${sheet}: first lines scrolled up vs down`).toEqual(seen[sheet]);
    }
  }, 240_000);

  it('Ctrl+End and Ctrl+Home show the caret on its sheet, in the window', async () => {
    await scrollToSheet(page, 1);
    await settleSheets(page);
    await page.locator('.gw-body > *').first().click();
    await page.keyboard.press('Control+End');
    await settleSheets(page);
    const end = await caret(page);
    expect(end.inWindow, `Ctrl+End: the caret in the window (${end.at})`).toBe(true);
    expect(end.page, 'Ctrl+End: on one of the last sheets').toBeGreaterThanOrEqual(pages - 2);
    expect(end.centre > TYPE_TOP && end.centre < TYPE_BOTTOM, `Ctrl+End: in the type area (${end.centre.toFixed(1)} px)`).toBe(true);
    const nearEnd = await linesOn(page, end.page - 1, end.page);
    expectInTypeAreas(nearEnd, 'the sheets at the end');
    await page.keyboard.press('Control+Home');
    await settleSheets(page);
    const home = await caret(page);
    expect(home.inWindow, `Ctrl+Home: the caret in the window (${home.at})`).toBe(true);
    expect(home.page, 'Ctrl+Home: on the first sheet').toBe(1);
    expect(home.centre > TYPE_TOP && home.centre < TYPE_BOTTOM, `Ctrl+Home: in the type area (${home.centre.toFixed(1)} px)`).toBe(true);
    expectInTypeAreas(await linesOn(page, 1, 2), 'the first sheets');
  }, 120_000);
});

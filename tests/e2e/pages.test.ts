/**
 * The page view against the .docx: the real reports (and reports of 1, 5 and 30 pages, and one
 * whose body ends on an even page, so a blank page precedes the 版记) are
 * opened in the editor, printed to PDF by Chromium and exported to .docx and rendered by
 * LibreOffice. Checked: no body line box outside a sheet's type area; page numbers where the
 * geometry puts them; the screen's page count (and the status bar's) equals the .docx's;
 * no page ends with a stand-alone heading; and the first line of every page on screen and in
 * print against the first line of that page in LibreOffice, within one line on every page of
 * every report (measured and printed; on a miss the lines around the page start on both sides).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, launchBrowser, newPage, pasteLongReport, readPageNumbers, settleSheets, startPreview, type PreviewProcess } from './harness';
import { buildDocx } from '../../shared/docx/build';
import type { GongwenDocument } from '../../shared/model';
import { fromBlocks, toBlocks } from '../../shared/model/lexical-json';
import { GRID, MARGINS, PAGE_NUMBER, PAPER, TYPE_AREA, mmToPx, ptToPx } from '../../shared/page/geometry';
import { fixtureDocument } from '../layout/fixture-docs';
import { SHEET_SLACK } from '../../renderer/editor/page/sheet-window';
import { hasTool, pdfLines, renderDocx, type Line } from '../layout/lo-render';

const HAS_TOOLS = hasTool('soffice', ['--version']) && hasTool('pdftotext', ['-v']);
const SHEET_GAP = 18;
const SHEET_PITCH = mmToPx(PAPER.heightMm) + SHEET_GAP;

interface ScreenLine {
  page: number;
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  heading: boolean;
  body: boolean;
}

interface Screen {
  pages: number;
  status: string;
  lines: ScreenLine[];
  /** The sheets in sight (1-based, first and last): the scroller's window on the desk. */
  inSight: { first: number; last: number };
}

/** Every text line on the desk (body, 版头 fields' text is in inputs and not read), in unzoomed px from the desk's top. */
async function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(({ pitch, paperWidth }) => {
    const desk = document.querySelector<HTMLElement>('.gw-desk')!;
    const d = desk.getBoundingClientRect();
    // (offsetWidth is rounded to whole px: its ratio would drift by pages at the end of a long report)
    const scale = d.width / paperWidth;
    const lines: ScreenLine[] = [];
    // A heading's number (一、（一）1.) is drawn by ::before (data-gw-label), not a text node:
    // it is put in front of the block's first line, as LibreOffice's PDF and print have it.
    const labelled = new Set<Element>();
    const walker = document.createTreeWalker(desk, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const host = n.parentElement!;
      if (host.closest('.gw-sheets')) continue;
      const block = host.closest('.gw-body > *');
      const heading = Boolean(block && block.classList.contains('gw-heading') && !block.querySelector('.gw-run-in'));
      const chars = [...n.data];
      let offset = 0;
      for (const ch of chars) {
        range.setStart(n, offset);
        range.setEnd(n, offset + ch.length);
        offset += ch.length;
        const r = range.getClientRects()[0];
        if (!r || r.width === 0) continue;
        const top = (r.top - d.top) / scale;
        const bottom = (r.bottom - d.top) / scale;
        const last = lines[lines.length - 1];
        if (last && Math.abs(last.top - top) < 6 && !/\s/.test(ch)) {
          last.text += ch;
          last.right = Math.max(last.right, (r.right - d.left) / scale);
          last.bottom = Math.max(last.bottom, bottom);
        } else if (!/\s/.test(ch)) {
          const label = block && !labelled.has(block) ? (block.getAttribute('data-gw-label') ?? '') : '';
          if (block) labelled.add(block);
          lines.push({ page: Math.floor(top / pitch) + 1, text: label + ch, top, bottom, left: (r.left - d.left) / scale, right: (r.right - d.left) / scale, heading, body: Boolean(block) });
        }
      }
    }
    const view = document.querySelector('.gw-scroller')!.getBoundingClientRect();
    const inSight = { first: Math.floor((view.top - d.top) / scale / pitch) + 1, last: Math.floor((view.bottom - d.top) / scale / pitch) + 1 };
    return { pages: Number(desk.dataset.pages), status: document.querySelector('.gw-status')?.textContent ?? '', lines, inSight };
  }, { pitch: SHEET_PITCH, paperWidth: mmToPx(PAPER.widthMm) });
}

/** readScreen and every sheet's page number (the desk draws only the sheets in sight: they are scrolled to one by one). */
async function readScreenWithNumbers(page: Page): Promise<Screen & { numbers: Awaited<ReturnType<typeof readPageNumbers>> }> {
  const screen = await readScreen(page);
  return { ...screen, numbers: await readPageNumbers(page) };
}

const clean = (s: string) => s.replace(/\s+/g, '');
const isPageNumber = (s: string) => /^—\d+—$/.test(clean(s));

/** First text line of every page (page numbers left out); null for a blank page. */
function firstLines(lines: { page: number; text: string }[], pages: number): (string | null)[] {
  return Array.from({ length: pages }, (_, i) => lines.find((l) => l.page === i + 1 && !isPageNumber(l.text))?.text ?? null).map((t) => (t === null ? null : clean(t)));
}

/**
 * Agreement of `got` with LibreOffice's first lines. The distance of a page's first line is
 * counted in lines of LibreOffice's text: where the screen's first line starts in it,
 * against where LibreOffice's starts (28 characters a line).
 */
function agreement(got: (string | null)[], lo: (string | null)[], loText: string, loStarts: number[]): { exact: number; withinOne: number; worst: number; total: number; misses: string[] } {
  let exact = 0;
  let withinOne = 0;
  let worst = 0;
  const misses: string[] = [];
  const key = (s: string) => s.slice(0, 8);
  // Page 1 starts with the 版头 everywhere (on screen its fields are inputs, not text lines).
  lo.forEach((want, i) => {
    if (i === 0) return;
    const have = got[i] ?? null;
    if (want === null || have === null) {
      if (want === have) exact += 1;
      else {
        worst = Math.max(worst, 99);
        misses.push(`page ${i + 1}: ${have} ≠ ${want}`);
      }
      return;
    }
    if (key(have) === key(want)) {
      exact += 1;
      return;
    }
    const at = loStarts[i]!;
    let best = Infinity;
    for (let from = loText.indexOf(key(have), Math.max(0, at - 400)); from >= 0 && from < at + 400; from = loText.indexOf(key(have), from + 1)) {
      best = Math.min(best, Math.abs(from - at));
    }
    const lines = best === Infinity ? 99 : Math.max(1, Math.round(best / 28));
    worst = Math.max(worst, lines);
    if (lines <= 1) withinOne += 1;
    misses.push(`page ${i + 1}: ${have.slice(0, 12)} / LibreOffice ${want.slice(0, 12)} (${lines === 99 ? 'not found' : `${lines} line${lines > 1 ? 's' : ''}`})`);
  });
  return { exact, withinOne, worst, total: lo.length - 1, misses };
}

async function openDocument(page: Page, doc: GongwenDocument): Promise<void> {
  const title = await page.evaluate(async (document) => {
    const token = window.document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')!.content;
    const r = await (await fetch('/api/drafts:create', { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input: { document } }) })).json();
    return r.value.document.header.title as string;
  }, doc);
  await page.reload();
  await page.getByText(title.split('\n')[0]!).first().click();
  await page.getByRole('textbox', { name: '正文' }).waitFor();
  await settleSheets(page);
}


async function reports(): Promise<[string, GongwenDocument][]> {
  const out: [string, GongwenDocument][] = [];
  for (const name of ['chengxi', 'jinlanshan', 'zhaishang']) out.push([name, (await fixtureDocument(name)).doc]);
  const base = (await fixtureDocument('chengxi')).doc;
  const blocks = toBlocks(base.body);
  // Cut after a paragraph (a document may not end with a heading for the heading check).
  const upTo = (n: number) => {
    while (n > 1 && blocks[n - 1]!.type !== 'paragraph') n -= 1;
    return blocks.slice(0, n);
  };
  out.push(['1 page', { ...base, header: { ...base.header, cc: '', printOrgan: '', printDate: '' }, body: fromBlocks(upTo(1)) }]);
  out.push(['5 pages', { ...base, body: fromBlocks(upTo(Math.round(blocks.length * 0.6))) }]);
  // The body ends on an even page: a blank, unnumbered page comes before the 版记.
  out.push(['blank page', { ...base, body: fromBlocks(upTo(Math.round(blocks.length * 0.25))) }]);
  out.push(['30 pages', (await fixtureDocument('jinlanshan', 4)).doc]);
  // A long report of every fixture's sections, twice over (≈ 38 pages): the drift of a line
  // here and there would add up over it.
  const bodies = await Promise.all(['chengxi', 'jinlanshan', 'zhaishang'].map(async (n) => toBlocks((await fixtureDocument(n)).doc.body)));
  out.push(['long', { ...base, body: fromBlocks([...bodies.flat(), ...bodies.flat()]) }]);
  return out;
}

describe.skipIf(!HAS_TOOLS)('sheets, print and the .docx break at the same lines', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let work: string;
  const summary: string[] = [];
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-pages-'));
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (summary.length) console.log(`[pages]\n${summary.join('\n')}`);
  });

  it('re-cuts the sheets as the text changes: typed lines move the breaks, no line leaves a type area', async () => {
    const page = await newPage(browser, preview.url);
    await openDocument(page, (await fixtureDocument('zhaishang')).doc);
    const before = await readScreen(page);
    const firstOf = (sc: Screen, n: number) => sc.lines.find((l) => l.page === n && l.body)?.text ?? '';
    // Three new lines at the top of the body push every later line down by three.
    await page.locator('.gw-body > *').first().click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await settleSheets(page);
    const after = await readScreen(page);
    expect(firstOf(after, 3), 'page 3 starts three lines earlier in the text').not.toBe(firstOf(before, 3));
    const typeTop = mmToPx(MARGINS.topMm);
    const typeBottom = typeTop + mmToPx(TYPE_AREA.heightMm);
    for (const l of after.lines.filter((x) => x.body)) {
      const centre = (l.top + l.bottom) / 2 - (l.page - 1) * SHEET_PITCH;
      expect(centre > typeTop && centre < typeBottom, `line "${l.text.slice(0, 10)}" on page ${l.page}`).toBe(true);
    }
    for (let n = 1; n <= after.pages; n++) {
      const onPage = after.lines.filter((l) => l.page === n && l.body);
      expect(onPage[onPage.length - 1]?.heading ?? false, `page ${n} ends with a heading`).toBe(false);
    }
  });

  it('while typing, after every key, no line in sight leaves a type area and no sheet in sight ends with a heading; after a pause, none at all', async () => {
    const page = await newPage(browser, preview.url);
    await openDocument(page, (await fixtureDocument('zhaishang')).doc);
    const typeTop = mmToPx(MARGINS.topMm);
    const typeBottom = typeTop + mmToPx(TYPE_AREA.heightMm);
    await page.locator('.gw-body > *').first().click();
    await page.keyboard.press('Home');
    const onSheets = (sc: Screen, what: string, sheet: (n: number) => boolean) => {
      for (const l of sc.lines.filter((x) => x.body && sheet(x.page))) {
        const centre = (l.top + l.bottom) / 2 - (l.page - 1) * SHEET_PITCH;
        expect(centre > typeTop && centre < typeBottom, `${what}, line "${l.text.slice(0, 10)}" on page ${l.page}`).toBe(true);
        expect(l.page, 'no line below the last sheet').toBeLessThanOrEqual(sc.pages);
      }
      for (let n = 1; n <= sc.pages; n++) {
        if (!sheet(n)) continue;
        const onPage = sc.lines.filter((l) => l.page === n && l.body);
        expect(onPage[onPage.length - 1]?.heading ?? false, `${what}, page ${n} ends with a heading`).toBe(false);
      }
    };
    // Six new lines, then characters typed into the first paragraph: each line it wraps moves every
    // line after it. The sheets in sight are cut before the frame is painted (page-layer.ts): read
    // in the next frame, what the first one after the key showed; the others at the pause.
    const keys = [...Array(6).fill('Enter'), ...Array(60).fill('KeyA')];
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
      const sc = await readScreen(page);
      onSheets(sc, `after ${i + 1} key(s)`, (n) => n >= sc.inSight.first && n <= sc.inSight.last);
    }
    await settleSheets(page);
    const settled = await readScreen(page);
    expect(settled.pages).toBeGreaterThan(2);
    onSheets(settled, 'after the pause', () => true);
  });

  it('a long report pasted in: the settled sheets are those of a fresh measurement (a zoom measures every block again)', async () => {
    const page = await newPage(browser, preview.url);
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByRole('radio', { name: /法治政府建设年度报告/ }).check();
    await page.getByRole('button', { name: '创建' }).click();
    const body = page.getByRole('textbox', { name: '正文' });
    await body.click();
    // The three real reports one after another until ≈ 300 pages, pasted as plain text.
    await pasteLongReport(page, 185_000);
    await settleSheets(page);
    const pages = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('.gw-desk')!.dataset.pages));
    const cuts = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-gw-cut]')].map((d) => `${d.dataset.gwCut}:${d.style.cssText}`).join(','));
    const settled = { pages: await pages(), cuts: await cuts() };
    expect(settled.pages).toBeGreaterThan(250);
    // Zoom in and back: the layer measures every block afresh and cuts again.
    await page.getByRole('button', { name: '放大（Ctrl+=）' }).click();
    await settleSheets(page);
    await page.getByRole('button', { name: '缩小（Ctrl+-）' }).click();
    await settleSheets(page);
    expect(await pages(), 'pages after a fresh measurement').toBe(settled.pages);
    expect(await cuts(), 'the breaks after a fresh measurement').toBe(settled.cuts);
  }, 120_000);

  it('zoomed out to 50 % in quick steps, a 30-page report keeps its pages', async () => {
    const page = await newPage(browser, preview.url);
    await createReport(page);
    await page.getByRole('textbox', { name: '正文' }).click();
    await pasteLongReport(page, 19_000);
    await settleSheets(page);
    const pages = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('.gw-desk')!.dataset.pages));
    const before = await pages();
    expect(before).toBeGreaterThan(25);
    // Each step measures every block afresh (a float's first layout after a zoom ignored its
    // shape, and heights read with the cuts in place were whole pages too tall: 39 → 49 pages).
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Minus');
    await settleSheets(page);
    expect(await page.locator('.gw-zoom').evaluate((z) => (z as HTMLElement).style.zoom)).toBe('0.5');
    expect(await pages(), 'pages at 50 %').toBe(before);
  });

  it('a new report shows its 版头 in red before the office is set up (placeholder in the lighter issuer red)', async () => {
    const page = await newPage(browser, preview.url);
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByRole('radio', { name: /法治政府建设年度报告/ }).check();
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('textbox', { name: '正文' }).waitFor();
    const colours = await page.evaluate(() => {
      const issuer = document.querySelector<HTMLTextAreaElement>('.gw-issuer')!;
      const line = document.querySelector<HTMLElement>('.gw-red-line')!;
      return { empty: issuer.value === '', placeholder: getComputedStyle(issuer, '::placeholder').color, text: getComputedStyle(issuer).color, line: getComputedStyle(line).borderTopColor };
    });
    const rgb = (c: string) => (/rgba?\((\d+), (\d+), (\d+)/.exec(c) ?? []).slice(1).map(Number);
    expect(rgb(colours.text)).toEqual([255, 0, 0]);
    expect(rgb(colours.line)).toEqual([255, 0, 0]);
    expect(colours.empty, 'no office profile yet: the issuer mark is the placeholder').toBe(true);
    const [r, g, b] = rgb(colours.placeholder);
    expect(r, colours.placeholder).toBeGreaterThan(200);
    expect(r! - g!, `placeholder ${colours.placeholder} is a red, not a grey`).toBeGreaterThan(60);
    expect(Math.abs(g! - b!)).toBeLessThan(30);
  });

  it('on the real reports and on reports of 1, 5 and 30 pages', async () => {
    const page = await newPage(browser, preview.url);
    for (const [name, doc] of await reports()) {
      await openDocument(page, doc);
      const screen = await readScreenWithNumbers(page);
      // Only the sheets in sight and SHEET_SLACK either side are drawn (sheet-window.ts); each one
      // scrolled to above was drawn, with its number.
      const drawn = await page.locator('.gw-sheet').count();
      expect(drawn, `${name}: sheets drawn`).toBeLessThanOrEqual(Math.min(screen.pages, 2 * SHEET_SLACK + 3));
      expect(drawn, `${name}: sheets drawn`).toBeGreaterThanOrEqual(Math.min(screen.pages, SHEET_SLACK + 1));
      const lo = renderDocx(await buildDocx(doc, { variant: 'official' }), name.replace(/\s/g, '-'), work);
      await page.emulateMedia({ media: 'print' });
      const pdf = path.join(work, `${name.replace(/\s/g, '-')}-print.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      const printed = pdfLines(pdf);
      fs.writeFileSync(path.join(work, `${name.replace(/\s/g, '-')}-screen.json`), JSON.stringify(screen.lines));

      // Page counts: screen = status bar = .docx (LibreOffice) = print.
      expect(screen.pages, `${name}: screen pages vs LibreOffice`).toBe(lo.pages);
      expect(screen.status, `${name}: status bar`).toContain(`${lo.pages}`);
      expect(printed.pages, `${name}: print pages vs LibreOffice`).toBe(lo.pages);

      // No body line box outside a sheet's type area.
      const typeTop = mmToPx(MARGINS.topMm);
      const typeBottom = typeTop + mmToPx(TYPE_AREA.heightMm);
      const left = mmToPx(MARGINS.leftMm);
      const right = left + mmToPx(TYPE_AREA.widthMm);
      for (const l of screen.lines.filter((x) => x.body)) {
        // The line box: one grid line centred on the glyphs (a face's glyph boxes may be taller than the line).
        const centre = (l.top + l.bottom) / 2 - (l.page - 1) * SHEET_PITCH;
        const y0 = centre - ptToPx(GRID.linePitchPt) / 2;
        const y1 = centre + ptToPx(GRID.linePitchPt) / 2;
        // 3 px (0.8 mm) for where a face centres its glyphs in the line.
        expect(y0 >= typeTop - 3 && y1 <= typeBottom + 3, `${name}: line "${l.text.slice(0, 10)}" on page ${l.page} at ${y0.toFixed(1)}–${y1.toFixed(1)} px`).toBe(true);
        expect(l.left >= left - 1 && l.right <= right + 1, `${name}: line "${l.text.slice(0, 10)}" inside the width`).toBe(true);
      }

      // Page numbers where the geometry says: — N —, 7 mm under the type area, odd right / even left, one 4号 character in.
      const blank = firstLines(lo.lines, lo.pages).flatMap((f, i) => (f === null ? [i + 1] : []));
      for (let n = 1; n <= screen.pages; n++) {
        const num = screen.numbers.find((x) => x.page === n);
        if (blank.includes(n)) {
          expect(num, `${name}: blank page ${n} has no number`).toBeUndefined();
          continue;
        }
        expect(num?.text, `${name}: page number ${n}`).toBe(PAGE_NUMBER.format(n));
        const dashY = (n - 1) * SHEET_PITCH + typeBottom + mmToPx(PAGE_NUMBER.dashBelowTypeAreaMm);
        expect(Math.abs(num!.centreY - dashY), `${name}: page ${n} number height`).toBeLessThan(mmToPx(1));
        const inset = ptToPx(PAGE_NUMBER.insetPt);
        if (n % 2 === 1) expect(Math.abs(num!.right - (right - inset)), `${name}: odd page ${n} number right`).toBeLessThan(2);
        else expect(Math.abs(num!.left - (left + inset)), `${name}: even page ${n} number left`).toBeLessThan(2);
      }

      // A page never ends with a stand-alone heading.
      for (let n = 1; n <= screen.pages; n++) {
        const onPage = screen.lines.filter((l) => l.page === n && l.body);
        const last = onPage[onPage.length - 1];
        if (last) expect(last.heading, `${name}: page ${n} ends with the heading "${last.text}"`).toBe(false);
      }

      // First lines of every page: screen and print against LibreOffice, within one line.
      const loLines = lo.lines.filter((l) => !isPageNumber(l.text));
      const loFirst = firstLines(lo.lines, lo.pages);
      let loText = '';
      const loStarts: number[] = [];
      for (const l of loLines) {
        if (loStarts[l.page - 1] === undefined) loStarts[l.page - 1] = loText.length;
        loText += clean(l.text);
      }
      const onScreen = agreement(firstLines(screen.lines, screen.pages), loFirst, loText, loStarts);
      const inPrint = agreement(firstLines(printed.lines as Line[], printed.pages), loFirst, loText, loStarts);
      summary.push(
        `${name}: pages screen ${screen.pages} / print ${printed.pages} / LibreOffice ${lo.pages}; first lines (pages 2–${lo.pages}) screen ${onScreen.exact}/${onScreen.total} exact, ${onScreen.withinOne} ±1, worst ${onScreen.worst}; print ${inPrint.exact}/${inPrint.total} exact, ${inPrint.withinOne} ±1, worst ${inPrint.worst}` +
          (onScreen.misses.length ? `\n  screen: ${onScreen.misses.join('; ')}` : '') +
          (inPrint.misses.length ? `\n  print: ${inPrint.misses.join('; ')}` : ''),
      );
      // Within one line on every page of every report (README "Pages": the screen breaks lines
      // as LibreOffice lays out the .docx; a line may still differ where a digit run's spacing
      // tips a line over, but the paragraph's line count and so the page breaks stay).
      const detail = (got: { page: number; text: string }[], pages: number) => (miss: string) => {
        const n = Number(/^page (\d+)/.exec(miss)?.[1]);
        const tail = (ls: { page: number; text: string }[]) => ls.filter((l) => (l.page === n - 1 || l.page === n) && !isPageNumber(l.text));
        const around = (ls: { page: number; text: string }[]) => {
          const all = tail(ls);
          const at = all.findIndex((l) => l.page === n);
          return all.slice(Math.max(0, at - 2), at + 2).map((l) => `p${l.page} ${clean(l.text)}`).join(' | ');
        };
        return n > 0 && n <= pages ? `${miss}\n    ours:        ${around(got)}\n    LibreOffice: ${around(lo.lines)}` : miss;
      };
      expect(onScreen.worst, `${name}: screen first lines\n  ${onScreen.misses.map(detail(screen.lines, screen.pages)).join('\n  ')}`).toBeLessThanOrEqual(1);
      expect(inPrint.worst, `${name}: print first lines\n  ${inPrint.misses.map(detail(printed.lines, printed.pages)).join('\n  ')}`).toBeLessThanOrEqual(1);
    }
  }, 600_000);
});

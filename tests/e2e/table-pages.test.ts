/**
 * A table that crosses pages (issue 13, the part about pages): in print and PDF its header row
 * is repeated at the top of every page it reaches and no row is split between two pages, as the
 * .docx asks Word and LibreOffice (w:tblHeader, w:cantSplit). The report is opened in the
 * editor, printed to PDF by Chromium and read back page by page with pdftotext; the same
 * document's .docx is rendered by LibreOffice and read the same way.
 *
 * On the screen's sheets (issue 12: one pagination for screen, print and .docx): a report with
 * a 60-row table and two shorter ones — no line of a cell (or of the body) outside a sheet's type
 * area, nothing drawn in a sheet's margins, the header row at the top of every sheet the table
 * continues on, and the same page count and the same first row on every page as print and
 * LibreOffice. Screenshots of the sheets where the table crosses (100 % and 50 %) are kept with
 * GW_SHOTS=dir, beside LibreOffice's PNGs of the same pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, scrollToSheet, settleSheets, startPreview, type PreviewProcess } from './harness';
import { buildDocx } from '../../shared/docx/build';
import type { GongwenDocument } from '../../shared/model';
import { tableBlock, type Block } from '../../shared/model/blocks';
import { fromBlocks, toBlocks } from '../../shared/model/lexical-json';
import { fixtureDocument } from '../layout/fixture-docs';
import { hasTool, pdfLines, renderDocx, type Line } from '../layout/lo-render';
import { MARGINS, PAPER, TYPE_AREA, mmToPx } from '../../shared/page/geometry';
import { execFileSync } from 'node:child_process';

const HAS_TOOLS = hasTool('soffice', ['--version']) && hasTool('pdftotext', ['-v']);
const HEADER = ['序号', '单位', '案件类型', '办结情况'];

/** 60 rows, every fifth one two lines tall in its last cell (a row that must not split). */
function longTable(): Block {
  const rows = Array.from({ length: 60 }, (_, i) => [
    `${i + 1}`,
    `第${i + 1}社区`,
    i % 2 ? '行政复议' : '行政诉讼',
    i % 5 === 4 ? `已办结，当事人撤回申请${i + 1}件，另有部分案件正在依法审查中，预计下月办结并书面反馈` : `已办结${i + 1}件`,
  ]);
  return tableBlock([HEADER, ...rows], 1);
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
  await page.evaluate(() => document.fonts.ready);
}

/** Per page: is a body row of the table on it, and does the header row come before its first row? */
function tablePages(lines: Line[], pages: number): { page: number; rows: string[]; headerFirst: boolean }[] {
  const out: { page: number; rows: string[]; headerFirst: boolean }[] = [];
  for (let p = 1; p <= pages; p++) {
    const on = lines.filter((l) => l.page === p).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    const rows = on.filter((l) => /第\d+社区/.test(l.text)).map((l) => /第(\d+)社区/.exec(l.text)![1]!);
    if (!rows.length) continue;
    const firstRow = on.findIndex((l) => /第\d+社区/.test(l.text));
    // The header's cells may come back as separate lines (one a column): 序号 … 办结情况 on one row.
    const header = on.findIndex((l) => l.text.includes(HEADER[0]!) && on.some((m) => m.text.includes(HEADER[3]!) && Math.abs(m.y0 - l.y0) < 4));
    out.push({ page: p, rows, headerFirst: header >= 0 && header < firstRow });
  }
  return out;
}

describe.skipIf(!HAS_TOOLS)('a table across pages', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let work: string;
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-table-pages-'));
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('repeats its header row on every printed page and splits no row, as the .docx does in LibreOffice', async () => {
    const base = (await fixtureDocument('zhaishang')).doc;
    const blocks = toBlocks(base.body);
    const doc: GongwenDocument = { ...base, body: fromBlocks([...blocks.slice(0, 6), longTable(), ...blocks.slice(6)]) };
    const page = await newPage(browser, preview.url);
    await openDocument(page, doc);
    if (process.env.GW_DUMP) console.log(await page.evaluate(() => document.querySelector('table.gw-table')!.outerHTML.slice(0, 1500)));
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(work, 'print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const printed = pdfLines(pdf);
    const lo = renderDocx(await buildDocx(doc, { variant: 'official' }), 'table', work);
    const inPrint = tablePages(printed.lines, printed.pages);
    const inLo = tablePages(lo.lines, lo.pages);
    const show = (t: typeof inPrint) => t.map((p) => `p${p.page} rows ${p.rows[0]}…${p.rows[p.rows.length - 1]} header ${p.headerFirst ? 'yes' : 'NO'}`).join('; ');
    console.log(`[table pages] print: ${show(inPrint)}\n[table pages] LibreOffice: ${show(inLo)}`);
    expect(inLo.length, 'the table crosses pages in LibreOffice').toBeGreaterThan(1);
    expect(inPrint.length, 'the table crosses pages in print').toBeGreaterThan(1);
    for (const t of [inPrint, inLo]) for (const p of t) expect(p.headerFirst, `header row at the top of page ${p.page}: ${show(t)}`).toBe(true);
    // No row split: a tall row's number, the start of its last cell and that cell's end (the
    // next line in the same column) are on one page.
    for (const [name, all] of [['print', printed.lines], ['LibreOffice', lo.lines]] as const) {
      const lines = [...all].sort((a, b) => a.page - b.page || a.y0 - b.y0 || a.x0 - b.x0);
      for (let i = 5; i <= 60; i += 5) {
        const num = lines.find((l) => l.text.includes(`第${i}社区`))!;
        const at = lines.findIndex((l) => new RegExp(`申请${i}(?!\\d)`).test(l.text.replace(/\s+/g, '')));
        const start = lines[at]!;
        const end = lines.slice(at).find((l) => Math.abs(l.x0 - start.x0) < 3 && l.text.includes('反馈'));
        expect([start.page, end?.page], `${name}: row ${i} (number on page ${num.page}) split across pages`).toEqual([num.page, num.page]);
      }
    }
    await page.context().close();
  }, 300_000);

  it('breaks it between rows on the screen sheets, the header row on top of each continued sheet, as print and LibreOffice do', async () => {
    const doc = reportWithTables((await fixtureDocument('zhaishang')).doc);
    const page = await newPage(browser, preview.url);
    await openDocument(page, doc);
    await settleSheets(page);
    const screen = await readSheets(page);
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(work, 'print-sheets.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const printed = pdfLines(pdf);
    const lo = renderDocx(await buildDocx(doc, { variant: 'official' }), 'sheets', work);

    // First table row (by its 第N社区 cell) of every page, on the three.
    const firstRows = (lines: { page: number; text: string }[], pages: number) =>
      Array.from({ length: pages }, (_, i) => {
        const m = lines.filter((l) => l.page === i + 1).map((l) => /^第(\d+)社区$/.exec(clean(l.text))).find(Boolean);
        return m ? Number(m[1]) : null;
      });
    const onScreen = firstRows(screen.lines, screen.pages);
    const inPrint = firstRows(printed.lines, printed.pages);
    const inLo = firstRows(lo.lines, lo.pages);
    console.log(`[table sheets] pages: screen ${screen.pages}, print ${printed.pages}, LibreOffice ${lo.pages}\n[table sheets] first row a page: screen ${onScreen.join(',')}; print ${inPrint.join(',')}; LibreOffice ${inLo.join(',')}`);

    const continuedPages = onScreen.flatMap((r, i) => (r !== null && r > 1 ? [i + 1] : []));
    if (process.env.GW_SHOTS) await shots(page, process.env.GW_SHOTS, continuedPages, lo.pdf);
    // Typing before the table moves it with its gaps: the sheets in sight are cut again at once,
    // not at the pause in typing — a line more, and a new paragraph, keep every cell in sight in a
    // type area; the sheets out of sight follow at the pause.
    for (const keys of ['在全街道范围内持续开展法律进社区活动并取得实效', 'Enter']) {
      await page.evaluate(() => {
        const before = document.querySelector('.gw-body > table.gw-table')!.previousElementSibling!;
        before.scrollIntoView({ block: 'center' });
      });
      const end = await page.evaluate(() => {
        const before = document.querySelector('.gw-body > table.gw-table')!.previousElementSibling!;
        const range = document.createRange();
        range.selectNodeContents(before);
        const rects = range.getClientRects();
        const last = rects[rects.length - 1]!;
        return { x: last.right - 2, y: (last.top + last.bottom) / 2 };
      });
      await page.mouse.click(end.x, end.y);
      await page.keyboard.press('End');
      if (keys === 'Enter') await page.keyboard.press('Enter');
      else await page.keyboard.insertText(keys);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
      const landed = await page.evaluate(() => {
        const table = document.querySelector('.gw-body > table.gw-table')!;
        return [table.previousElementSibling!.textContent ?? '', table.previousElementSibling!.previousElementSibling!.textContent ?? ''].join('|');
      });
      expect(landed, 'the keys went into the paragraph before the table').toContain('持续开展法律进社区活动并取得实效');
      const typed = await readSheets(page);
      if (keys === 'Enter') console.log(`[table sheets] after typing before the table: first row a page ${firstRows(typed.lines, typed.pages).join(',')}`);
      const out = typed.lines.filter((l) => l.seen && (l.top < l.areaTop - 1 || l.bottom > l.areaBottom + 1));
      expect(out.map((l) => `p${l.page} ${l.text.slice(0, 10)}`), `after typing ${keys === 'Enter' ? 'Enter' : 'a line'} before the table, 3 frames later, in sight`).toEqual([]);
    }
    await settleSheets(page);
    const paused = await readSheets(page);
    expect(
      paused.lines.filter((l) => l.top < l.areaTop - 1 || l.bottom > l.areaBottom + 1).map((l) => `p${l.page} ${l.text.slice(0, 10)}`),
      'after typing before the table, at the pause: every sheet',
    ).toEqual([]);
    // The repeated header follows an edit of the header row (at the pause in typing).
    await page.locator('.gw-body > table.gw-table th').first().click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('号码');
    await settleSheets(page);
    const { copies, gapped } = await page.evaluate(() => ({ copies: [...document.querySelectorAll('.gw-repeats th:first-child')].map((th) => th.textContent), gapped: document.querySelectorAll('tr[data-gw-gap]').length }));
    expect(copies.length, 'a repeated header for each continued part').toBe(gapped);
    expect(gapped, 'the table still continues on later sheets').toBeGreaterThan(1);
    expect(new Set(copies), 'every repeated header shows the edited text').toEqual(new Set(['序号号码']));
    // No line box of a cell, of the repeated header or of the body outside a sheet's type area.
    const outside = screen.lines.filter((l) => l.top < l.areaTop - 1 || l.bottom > l.areaBottom + 1);
    expect(outside.map((l) => `p${l.page} ${l.text.slice(0, 10)} ${l.top.toFixed(1)}…${l.bottom.toFixed(1)}`), 'lines outside a type area').toEqual([]);
    // Every row is on the sheets once, in order, none split (its cells' lines on one sheet).
    const rowPages = new Map<number, Set<number>>();
    for (const l of screen.lines) if (l.row !== null) rowPages.set(l.row, (rowPages.get(l.row) ?? new Set()).add(l.page));
    expect([...rowPages.keys()].filter((r) => r >= 1 && r <= 60).length, 'all 60 rows of the long table on the sheets').toBe(60);
    for (const [row, pages] of rowPages) expect([...pages], `row ${row} on one sheet`).toHaveLength(1);
    // The header row at the top of every sheet the long table continues on.
    const continued = onScreen.map((r, i) => ({ page: i + 1, r })).filter((p) => p.r !== null && p.r > 1);
    expect(continued.length, 'the long table continues on later sheets').toBeGreaterThan(1);
    for (const { page: p } of continued) {
      const top = screen.lines.filter((l) => l.page === p).sort((a, b) => a.top - b.top)[0]!;
      expect(top.repeat && clean(top.text) === HEADER[0], `sheet ${p} starts with the repeated header (${top.text})`).toBe(true);
      expect(Math.abs(top.top - top.areaTop), `sheet ${p}: the header at the type area's top`).toBeLessThan(8);
    }
    // The row below each sheet gap keeps its side rules, drawn below the gap (editor.css).
    const sideRules = await gapRowRules(page);
    expect(sideRules.length, 'rows below a sheet gap').toBeGreaterThan(1);
    expect(
      sideRules.map((rules) => rules.every((share) => share > 0.9)),
      `each side rule drawn down the row below each sheet gap (share of its height, per rule: ${JSON.stringify(sideRules.map((r) => r.map((v) => v.toFixed(2))))})`,
    ).toEqual(sideRules.map(() => true));
    // Nothing drawn in a margin: the strips of paper between the type area and the sheet's
    // edges (the page number's box left out) hold no dark pixel on the sheets the table crosses.
    const ink = await marginInk(page, continued.map((p) => p.page));
    expect(ink, 'dark pixels in the margins of the sheets the table crosses').toEqual(continued.map(() => 0));

    // One pagination: the same page count and the same first row on every page.
    expect(screen.pages, 'screen pages = print pages').toBe(printed.pages);
    expect(screen.pages, 'screen pages = LibreOffice pages').toBe(lo.pages);
    onScreen.forEach((r, i) => {
      if (r === null || inLo[i] === null) expect([r, inPrint[i]], `page ${i + 1}`).toEqual([inLo[i], inLo[i]]);
      else {
        expect(Math.abs(r - inLo[i]!), `page ${i + 1}: first row on screen ${r}, LibreOffice ${inLo[i]}`).toBeLessThanOrEqual(1);
        expect(Math.abs(inPrint[i]! - inLo[i]!), `page ${i + 1}: first row in print ${inPrint[i]}, LibreOffice ${inLo[i]}`).toBeLessThanOrEqual(1);
      }
    });

    await page.context().close();
  }, 300_000);

  it('with a table across sheets above, a key that wraps a line far below rewrites only the cuts in sight; the rest at the pause', async () => {
    // The report's body three times over, the 60-row table near the top: 18 sheets.
    const base = (await fixtureDocument('zhaishang')).doc;
    const blocks = toBlocks(base.body);
    const doc = { ...base, body: fromBlocks([...blocks.slice(0, 6), longTable(), ...blocks.slice(6), ...blocks.slice(6), ...blocks.slice(6)]) };
    const page = await newPage(browser, preview.url);
    await openDocument(page, doc);
    await settleSheets(page);
    expect(await page.locator('tr[data-gw-gap]').count(), 'the table crosses sheets').toBeGreaterThan(0);
    // The caret at the end of the longest paragraph a third of the way down the report.
    const at = await page.evaluate(() => {
      const desk = document.querySelector('.gw-desk')!.getBoundingClientRect();
      const down = (el: Element) => (el.getBoundingClientRect().top - desk.top) / desk.height;
      const ps = [...document.querySelectorAll<HTMLElement>('.gw-body > p:not(.gw-heading)')].filter((p) => down(p) > 0.3 && down(p) < 0.45);
      const p = ps.reduce((a, b) => ((b.textContent ?? '').length > (a.textContent ?? '').length ? b : a));
      p.dataset.probe = '';
      p.scrollIntoView({ block: 'center' });
      return ps.length;
    });
    expect(at, 'paragraphs a third of the way down').toBeGreaterThan(0);
    await settleSheets(page);
    const end = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('[data-probe]')!);
      const rects = range.getClientRects();
      const last = rects[rects.length - 1]!;
      return { x: last.right - 2, y: (last.top + last.bottom) / 2 };
    });
    await page.mouse.click(end.x, end.y);
    await page.keyboard.press('End');
    const below = await page.evaluate(() => {
      const p = document.querySelector('[data-probe]')!;
      return [...document.querySelectorAll('.gw-body > [data-gw-cut]')].filter((b) => p.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING).length;
    });
    expect(below, 'boundaries carried below the caret (a full cut would write them all again)').toBeGreaterThan(6);
    // Keys until one wraps a line; the blocks whose cut was written in that key's frames.
    await page.evaluate(() => {
      const w = window as unknown as { __gwCutWrites: Set<Element> };
      w.__gwCutWrites = new Set();
      new MutationObserver((records) => {
        for (const r of records) if (r.target instanceof Element && r.target.parentElement?.classList.contains('gw-body')) w.__gwCutWrites.add(r.target);
      }).observe(document.querySelector('.gw-body')!, { attributes: true, subtree: true, attributeFilter: ['data-gw-cut', 'style'] });
    });
    let rewritten: number | null = null;
    for (let i = 0; i < 60 && rewritten === null; i++) {
      await page.evaluate(() => {
        const w = window as unknown as { __gwCutWrites: Set<Element>; __gwHeight: number };
        w.__gwCutWrites.clear();
        w.__gwHeight = document.querySelector('[data-probe]')!.getBoundingClientRect().height;
      });
      await page.keyboard.press('KeyA');
      const seen = await page.evaluate(
        () =>
          new Promise<{ wrapped: boolean; writes: number }>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const w = window as unknown as { __gwCutWrites: Set<Element>; __gwHeight: number };
                resolve({ wrapped: document.querySelector('[data-probe]')!.getBoundingClientRect().height > w.__gwHeight + 1, writes: w.__gwCutWrites.size });
              }),
            ),
          ),
      );
      if (seen.wrapped) rewritten = seen.writes;
      await page.waitForTimeout(60);
    }
    expect(rewritten, 'a key wrapped a line').not.toBeNull();
    console.log(`[table sheets] the wrap key wrote the cuts of ${rewritten} block(s); ${below} carried below the caret`);
    expect(rewritten!, 'blocks whose cut was written in the wrap key’s frames').toBeLessThanOrEqual(4);
    // At the pause every sheet is cut: every line in its type area.
    await settleSheets(page);
    const settled = await readSheets(page);
    expect(settled.lines.filter((l) => l.top < l.areaTop - 1 || l.bottom > l.areaBottom + 1).map((l) => `p${l.page} ${l.text.slice(0, 10)}`)).toEqual([]);
    await page.context().close();
  }, 300_000);
});

const clean = (s: string) => s.replace(/\s+/g, '');

/** The report with a 60-row table, a 5-row table and a dense 6-column table of 12 rows. */
function reportWithTables(base: GongwenDocument): GongwenDocument {
  const blocks = toBlocks(base.body);
  const short = tableBlock([['项目', '数量'], ['行政复议', '9件'], ['行政诉讼', '1件'], ['普法活动', '10场'], ['法律咨询', '36人次']], 1);
  const dense = tableBlock(
    [['序', '部门', '复议', '诉讼', '检查', '培训'], ...Array.from({ length: 12 }, (_, i) => [`${i + 1}`, `部门${String.fromCharCode(0x7532 + i)}`, `${i}`, `${i % 3}`, `${10 + i}`, `${2 * i}`])],
    1,
  );
  return { ...base, body: fromBlocks([...blocks.slice(0, 6), longTable(), ...blocks.slice(6, 10), short, ...blocks.slice(10, 14), dense, ...blocks.slice(14)]) };
}


interface SheetLine {
  page: number;
  text: string;
  top: number;
  bottom: number;
  areaTop: number;
  areaBottom: number;
  /** The long table's row number when the line is its 第N社区 cell or any cell of that row. */
  row: number | null;
  repeat: boolean;
  /** In the window. */
  seen: boolean;
}

/** Text lines on the desk (per block or cell), in unzoomed px from the desk's top, with the type area of their sheet. */
async function readSheets(page: Page): Promise<{ pages: number; lines: SheetLine[] }> {
  const pitch = mmToPx(PAPER.heightMm) + 18;
  return page.evaluate(
    ({ pitch, paperWidth, marginTop, typeHeight }) => {
      const desk = document.querySelector<HTMLElement>('.gw-desk')!;
      const d = desk.getBoundingClientRect();
      const scale = d.width / paperWidth;
      const lines: SheetLine[] = [];
      const walker = document.createTreeWalker(desk, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let lastHost: Element | null = null;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const el = n.parentElement!;
        if (el.closest('.gw-sheets')) continue;
        const host = el.closest('td, th') ?? el.closest('.gw-body > *, .gw-closing > *, .gw-colophon-slot') ?? el;
        const tr = host.closest('tr');
        const rowText = tr ? /第(\d+)社区/.exec(tr.textContent ?? '') : null;
        const repeat = Boolean(el.closest('.gw-repeats'));
        let offset = 0;
        for (const ch of [...n.data]) {
          range.setStart(n, offset);
          range.setEnd(n, offset + ch.length);
          offset += ch.length;
          const r = range.getClientRects()[0];
          if (!r || r.width === 0 || /\s/.test(ch)) continue;
          const top = (r.top - d.top) / scale;
          const bottom = (r.bottom - d.top) / scale;
          const last = lines[lines.length - 1];
          if (last && lastHost === host && Math.abs(last.top - top) < 6) {
            last.text += ch;
            last.bottom = Math.max(last.bottom, bottom);
          } else {
            const page = Math.floor(top / pitch) + 1;
            const areaTop = (page - 1) * pitch + marginTop;
            lines.push({ page, text: ch, top, bottom, areaTop, areaBottom: areaTop + typeHeight, row: rowText && !repeat ? Number(rowText[1]) : null, repeat, seen: r.bottom > 0 && r.top < innerHeight });
            lastHost = host;
          }
        }
      }
      return { pages: Number(desk.dataset.pages), lines };
    },
    { pitch, paperWidth: mmToPx(PAPER.widthMm), marginTop: mmToPx(MARGINS.topMm), typeHeight: mmToPx(TYPE_AREA.heightMm) },
  );
}

/**
 * A screenshot's dark pixels (each channel under 128), decoded by the page's own PNG decoder:
 * a mask of width × height, 1 where dark.
 */
async function darkPixels(page: Page, png: Buffer): Promise<{ width: number; height: number; dark: Uint8Array }> {
  const { width, height, mask } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    let mask = '';
    for (let i = 0; i < data.length; i += 4) mask += data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128 ? '1' : '0';
    return { width: c.width, height: c.height, mask };
  }, png.toString('base64'));
  return { width, height, dark: Uint8Array.from(mask, (ch) => (ch === '1' ? 1 : 0)) };
}

/**
 * For each row with a sheet gap: the share of its height below the gap in which each of its
 * side rules (the table's left edge, then the right edge of every cell) has a dark pixel, from a
 * screenshot of the row at 100 %.
 */
async function gapRowRules(page: Page): Promise<number[][]> {
  const out: number[][] = [];
  const count = await page.locator('.gw-body tr[data-gw-gap]').count();
  for (let i = 0; i < count; i++) {
    const row = page.locator('.gw-body tr[data-gw-gap]').nth(i);
    await row.evaluate((r) => r.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const geo = await row.evaluate((r) => {
      const box = r.getBoundingClientRect();
      const gap = parseFloat((r as HTMLElement).style.getPropertyValue('--gw-row-gap')) || 0;
      const cells = Array.from(r.children).map((c) => c.getBoundingClientRect());
      return { top: box.top + gap, bottom: box.bottom, left: box.left, edges: [cells[0]!.left, ...cells.map((c) => c.right)] };
    });
    const clip = { x: Math.floor(geo.left) - 4, y: Math.ceil(geo.top) + 2, width: Math.ceil(geo.edges.at(-1)! - geo.left) + 8, height: Math.floor(geo.bottom - geo.top) - 4 };
    const { width, height, dark } = await darkPixels(page, await page.screenshot({ clip, animations: 'disabled' }));
    out.push(
      geo.edges.map((edge) => {
        const x0 = Math.round(edge - clip.x);
        let rows = 0;
        for (let y = 0; y < height; y++) {
          for (let x = Math.max(0, x0 - 2); x <= Math.min(width - 1, x0 + 2); x++) {
            if (dark[y * width + x]) {
              rows += 1;
              break;
            }
          }
        }
        return rows / height;
      }),
    );
  }
  return out;
}

/**
 * Dark pixels in the margins of the given sheets and the sheet before each (where the table
 * leaves it): above and below the type area, left and right of it, from a screenshot at 100 %.
 * The page number's line (7 mm under the type area) is left out.
 */
async function marginInk(page: Page, pages: number[]): Promise<number[]> {
  const out: number[] = [];
  // A view tall enough for whole sheets, with only the desk painted (the bars around it are
  // hidden, nothing moves: visibility, set through the CSSOM as the CSP allows).
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 2600 });
  await page.evaluate(() => {
    for (let el: Element | null = document.querySelector('.gw-desk'); el && el !== document.body; el = el.parentElement) {
      for (const sib of Array.from(el.parentElement?.children ?? [])) if (sib !== el) (sib as HTMLElement).style.visibility = 'hidden';
    }
  });
  const top = Math.round(mmToPx(MARGINS.topMm));
  const left = Math.round(mmToPx(MARGINS.leftMm));
  const right = Math.round(mmToPx(MARGINS.rightMm));
  const bottom = Math.round(mmToPx(MARGINS.bottomMm));
  const numberTop = Math.round(mmToPx(3));
  const numberBottom = Math.round(mmToPx(12));
  for (const p of pages) {
    await scrollToSheet(page, p - 1);
    await page.locator(`.gw-sheet[data-page="${p}"]`).waitFor({ state: 'attached' });
    const shot = await page.locator(`.gw-sheet[data-page="${p}"]`).screenshot({ animations: 'disabled' });
    const prev = await page.locator(`.gw-sheet[data-page="${p - 1}"]`).screenshot({ animations: 'disabled' });
    if (process.env.GW_SHOTS) fs.writeFileSync(path.join(process.env.GW_SHOTS, `sheet${p}.png`), shot);
    let ink = 0;
    for (const png of [shot, prev]) {
      const { width, height, dark } = await darkPixels(page, png);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const inArea = y >= top - 2 && y <= height - bottom + 2 && x >= left - 2 && x <= width - right + 2;
          const inNumber = y >= height - bottom + numberTop && y <= height - bottom + numberBottom;
          if (!inArea && !inNumber) ink += dark[y * width + x]!;
        }
      }
    }
    out.push(ink);
  }
  await page.setViewportSize(viewport);
  return out;
}

/** Screenshots of the sheets where the table crosses (the sheet before and the one it continues on), 100 % and 50 %, and LibreOffice's PNGs of the same pages. */
async function shots(page: Page, dir: string, pages: number[], loPdf: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const zoom of [100, 50]) {
    if (zoom === 50) {
      for (let k = 0; k < 5; k++) await page.keyboard.press('Control+Minus');
      await settleSheets(page);
    }
    for (const p of pages.slice(0, 2)) {
      // The boundary between sheet p - 1 and sheet p in the middle of the view, below the toolbar.
      await scrollToSheet(page, p);
      await page.locator('.gw-scroller').evaluate((scroller) => {
        scroller.scrollTop -= 300;
      });
      await page.locator(`.gw-sheet[data-page="${p}"]`).waitFor({ state: 'attached' });
      const box = (await page.locator(`.gw-sheet[data-page="${p}"]`).boundingBox())!;
      const view = page.viewportSize()!;
      const y = Math.max(0, box.y - box.height * 0.3);
      await page.screenshot({ path: path.join(dir, `screen-${zoom}-p${p - 1}-p${p}.png`), clip: { x: Math.max(0, box.x - 20), y, width: Math.min(view.width, box.width + 40), height: Math.min(view.height - y, box.height * 0.6) } });
    }
  }
  await page.keyboard.press('Control+0');
  await settleSheets(page);
  for (const p of pages) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(p), '-l', String(p), loPdf, path.join(dir, `lo-p${p}`)]);
}

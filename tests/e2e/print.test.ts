/**
 * The print view (what 打印 and the PDF use): Chromium prints the editor page with the
 * geometry of shared/page — A4, the GB/T 9704 margins, `— N —` page numbers right on odd
 * pages and left on even pages.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, seedDraftFromText, startPreview, type PreviewProcess } from './harness';
import { MARGINS, PAGE_NUMBER, PAPER, mmToPt } from '../../shared/page/geometry';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/report-chengxi-2024.txt');
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
    pages.push({ width: Number(w), height: Number(h) });
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
    }
  }
  return { pages, words: out };
}

describe.skipIf(!hasPoppler)('the print view', () => {
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

  it('prints A4 pages numbered — N —, odd right and even left, inside the GB/T 9704 margins', async () => {
    const page = await newPage(browser, preview.url);
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const title = await seedDraftFromText(page, text);
    await page.getByText(title).first().click();
    await page.getByRole('textbox', { name: '正文' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-print-')), 'print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const { pages, words: all } = words(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(mmToPt(PAPER.widthMm), 0);
      expect(p.height).toBeCloseTo(mmToPt(PAPER.heightMm), 0);
    }
    const belowTypeArea = (w: Word) => (w.yMin + w.yMax) / 2 > mmToPt(PAPER.heightMm - MARGINS.bottomMm);
    const numberOf = (n: number) => all.filter((w) => w.page === n && w.text === String(n) && belowTypeArea(w));
    const two = numberOf(2)[0]!;
    const three = numberOf(3)[0]!;
    expect(two, 'page number 2').toBeTruthy();
    expect(three, 'page number 3').toBeTruthy();
    // even page: left, one 4号 character in from the type area's left edge (plus the dash and space)
    expect(two.xMin).toBeGreaterThan(mmToPt(MARGINS.leftMm));
    expect(two.xMin).toBeLessThan(mmToPt(MARGINS.leftMm) + 4 * PAGE_NUMBER.sizePt);
    // odd page: right
    expect(three.xMax).toBeLessThan(mmToPt(PAPER.widthMm - MARGINS.rightMm));
    expect(three.xMax).toBeGreaterThan(mmToPt(PAPER.widthMm - MARGINS.rightMm) - 4 * PAGE_NUMBER.sizePt);
    const dashes = all.filter((w) => w.page === 2 && w.text === '\u2014');
    expect(dashes.length).toBe(2);
    // body text stays inside the type area
    const body = all.filter((w) => w.page === 2 && !belowTypeArea(w));
    const outside = body.filter((w) => w.xMin < mmToPt(MARGINS.leftMm) - 1).map((w) => `${w.text}@${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}`);
    expect(outside).toEqual([]);
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(mmToPt(PAPER.widthMm - MARGINS.rightMm) + 2);
    // (glyph boxes of CJK fonts reach above the em box: compare the centre of the first line)
    expect(Math.min(...body.map((w) => (w.yMin + w.yMax) / 2))).toBeGreaterThanOrEqual(mmToPt(MARGINS.topMm));
  });
});

/**
 * Layout test: each real report is exported, rendered by LibreOffice and measured on the
 * PDF (poppler's pdftotext -bbox-layout for text boxes, pdftoppm for the red rule).
 *
 * Windows font names are mapped to installed faces of the same kind through a private
 * fontconfig file, as ../shared/tools/gbt9704_meter.py does: CJK ideographs are 1 em wide
 * in every face, so the horizontal metrics do not depend on the substitute.
 * Skipped (with a message) only when soffice is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/docx/build';
import { MARGINS, PAPER, TYPE_AREA, ptToMm } from '../../shared/page/geometry';
import { FIXTURES, fixtureDocument } from './fixture-docs';
import { fromBlocks } from '../../shared/model/lexical-json';
import { hasTool, renderDocx, type Rendered } from './lo-render';

const HAS_SOFFICE = hasTool('soffice', ['--version']);
const HAS_POPPLER = hasTool('pdftotext', ['-v']) && hasTool('pdftoppm', ['-v']);
if (!HAS_SOFFICE) console.warn('[layout] skipped: LibreOffice (soffice) is not installed — apt-get install libreoffice-writer');
else if (!HAS_POPPLER) console.warn('[layout] poppler-utils (pdftotext, pdftoppm) missing — apt-get install poppler-utils');

const MM_PER_PT = 25.4 / 72;
const mm = (pt: number) => pt * MM_PER_PT;

/**
 * pdftotext boxes of the mapped Noto CJK faces span baseline − 0.95 em … baseline + 0.35 em
 * (1.3 em; checked against mutool's glyph origins). The CJK em box (as the meter uses it) is
 * baseline − 0.88 em … baseline + 0.12 em.
 */
const BOX_EM = 1.3;
const sizeOf = (l: { y0: number; y1: number }) => (l.y1 - l.y0) / BOX_EM;
const baselineOf = (l: { y0: number; y1: number }) => l.y0 + 0.95 * sizeOf(l);
const emCentreOf = (l: { y0: number; y1: number }) => baselineOf(l) - 0.38 * sizeOf(l);
const emBottomOf = (l: { y0: number; y1: number }) => baselineOf(l) + 0.12 * sizeOf(l);
const isBodySize = (l: { y0: number; y1: number }) => Math.abs(sizeOf(l) - 16) < 0.6;

let work: string;

const render = (docx: Uint8Array, name: string): Rendered => renderDocx(docx, name, work);

/** Half-width characters count as half a cell. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return n;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

interface Raster {
  width: number;
  height: number;
  dpi: number;
  data: Buffer;
  offset: number;
}

function rasterPage(pdf: string, page: number, dpi = 100): Raster {
  const prefix = path.join(work, `r${page}-${path.basename(pdf, '.pdf')}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  const data = readFileSync(`${prefix}.ppm`);
  // P6 header: magic, width, height, maxval, each separated by whitespace
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'))!;
  return { width: +header[1]!, height: +header[2]!, dpi, data, offset: header[0].length };
}

/** Longest horizontal run of pure-red pixels per row: [{ y(mm), x0(mm), x1(mm) }]. */
function redRows(r: Raster): { y: number; x0: number; x1: number }[] {
  const rows: { y: number; x0: number; x1: number }[] = [];
  const pxToMm = 25.4 / r.dpi;
  for (let y = 0; y < r.height; y++) {
    let best = { len: 0, start: 0 };
    let start = -1;
    for (let x = 0; x <= r.width; x++) {
      const i = r.offset + (y * r.width + x) * 3;
      const red = x < r.width && r.data[i]! > 200 && r.data[i + 1]! < 90 && r.data[i + 2]! < 90;
      if (red && start < 0) start = x;
      if (!red && start >= 0) {
        if (x - start > best.len) best = { len: x - start, start };
        start = -1;
      }
    }
    if (best.len * pxToMm > 60) rows.push({ y: y * pxToMm, x0: best.start * pxToMm, x1: (best.start + best.len) * pxToMm });
  }
  return rows;
}

/** Rows holding ≥ 60 mm of dark (black) pixels, merged into rules: [{ top, bottom, x0, x1 }] in mm. */
function blackRules(r: Raster): { top: number; bottom: number; x0: number; x1: number }[] {
  const pxToMm = 25.4 / r.dpi;
  const rules: { top: number; bottom: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < r.height; y++) {
    let best = { len: 0, start: 0 };
    let start = -1;
    for (let x = 0; x <= r.width; x++) {
      const i = r.offset + (y * r.width + x) * 3;
      const dark = x < r.width && r.data[i]! < 110 && r.data[i + 1]! < 110 && r.data[i + 2]! < 110;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start > best.len) best = { len: x - start, start };
        start = -1;
      }
    }
    if (best.len * pxToMm <= 60) continue;
    const last = rules[rules.length - 1];
    if (last && y * pxToMm - last.bottom < 0.2) last.bottom = (y + 1) * pxToMm;
    else rules.push({ top: y * pxToMm, bottom: (y + 1) * pxToMm, x0: best.start * pxToMm, x1: (best.start + best.len) * pxToMm });
  }
  return rules;
}

const TYPE_TOP = MARGINS.topMm;
const TYPE_BOTTOM = PAPER.heightMm - MARGINS.bottomMm;
const TYPE_LEFT = MARGINS.leftMm;
const TYPE_RIGHT = MARGINS.leftMm + TYPE_AREA.widthMm;

describe.skipIf(!HAS_SOFFICE || !HAS_POPPLER)('GB/T 9704 layout rendered by LibreOffice', () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'gw-layout-'));
  });
  afterAll(() => {
    if (work && !process.env.GW_KEEP_LAYOUT) rmSync(work, { recursive: true, force: true });
  });

  for (const name of Object.keys(FIXTURES)) {
    describe(name, () => {
      let out: Rendered;
      beforeAll(async () => {
        const { doc } = await fixtureDocument(name);
        out = render(await buildDocx(doc, { variant: 'official' }), `${name}-official`);
      });

      const bodyLines = (page: number) =>
        out.lines.filter((l) => l.page === page && mm(l.y0) > TYPE_TOP - 3 && mm(l.y1) < TYPE_BOTTOM + 2 && isBodySize(l));

      it('renders more than two pages', () => {
        expect(out.pages).toBeGreaterThan(2);
      });

      it('22 lines on a full body page', () => {
        const middle = Array.from({ length: out.pages - 2 }, (_, i) => i + 2).map((p) => bodyLines(p).length);
        expect(Math.max(...middle)).toBe(22);
        // pages are full: at most one short page from keeping a heading with its paragraph
        expect(middle.filter((n) => n < 20).length).toBeLessThanOrEqual(1);
      });

      it('28 characters on a full body line; type area starts at 28 mm left', () => {
        const lines = out.lines.filter((l) => l.page > 1 && isBodySize(l));
        const left = mode(lines.map((l) => Math.round(mm(l.x0) * 2) / 2));
        expect(Math.abs(left - TYPE_LEFT)).toBeLessThanOrEqual(1);
        const full = lines.filter((l) => Math.abs(mm(l.x0) - left) < 0.5 && mm(l.x1) > TYPE_RIGHT - 2);
        expect(full.length).toBeGreaterThan(20);
        expect(mode(full.map((l) => Math.floor(cells(l.text))))).toBe(28);
      });

      it('top of the type area at 37 mm (first line slot on a body page)', () => {
        const first = bodyLines(2)[0]!;
        const pitch = 28.95;
        // the grid slot is centred on the line's em box (the meter's "slot" model)
        const slotTop = mm(emCentreOf(first) - pitch / 2);
        expect(Math.abs(slotTop - TYPE_TOP)).toBeLessThanOrEqual(1);
      });

      it('title in 2号 (22 pt), centred', () => {
        const title = out.lines.find((l) => l.page === 1 && /报告$/.test(l.text))!;
        expect(title).toBeDefined();
        expect(Math.abs(sizeOf(title) - 22)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(mm((title.x0 + title.x1) / 2) - (TYPE_LEFT + TYPE_RIGHT) / 2)).toBeLessThan(1.5);
      });

      it('red line ≈156 mm long, 4 mm under the 文号', () => {
        const docNumber = out.lines.find((l) => l.page === 1 && /〔\d{4}〕\d+号/.test(l.text))!;
        expect(docNumber).toBeDefined();
        const rows = redRows(rasterPage(out.pdf, 1)).filter((r) => r.y > mm(emBottomOf(docNumber)));
        expect(rows.length).toBeGreaterThan(0);
        const rule = rows[0]!;
        expect(Math.abs(rule.x1 - rule.x0 - TYPE_AREA.widthMm)).toBeLessThanOrEqual(1.5);
        expect(Math.abs(rule.x0 - TYPE_LEFT)).toBeLessThanOrEqual(1.5);
        const thick = rows.filter((r) => r.y - rule.y < 2);
        const centre = (rule.y + thick[thick.length - 1]!.y) / 2;
        expect(Math.abs(centre - mm(emBottomOf(docNumber)) - 4)).toBeLessThanOrEqual(1);
      });

      it('issuer mark: red, top edge 35 mm under the type area', () => {
        const raster = rasterPage(out.pdf, 1);
        const pxToMm = 25.4 / raster.dpi;
        let top = -1;
        for (let y = 0; y < raster.height && top < 0; y++) {
          for (let x = 0; x < raster.width; x++) {
            const i = raster.offset + (y * raster.width + x) * 3;
            if (raster.data[i]! > 200 && raster.data[i + 1]! < 90 && raster.data[i + 2]! < 90) {
              top = y * pxToMm;
              break;
            }
          }
        }
        expect(Math.abs(top - (TYPE_TOP + 35))).toBeLessThanOrEqual(1.5);
      });

      it('版记 at the foot of the last page, which is even: last rule on the type area\'s lower edge, 156 mm', () => {
        expect(out.pages % 2).toBe(0);
        const last = out.lines.filter((l) => l.page === out.pages);
        expect(last.some((l) => l.text.startsWith('抄送：'))).toBe(true);
        expect(last.some((l) => l.text.endsWith('印发'))).toBe(true);
        const rules = blackRules(rasterPage(out.pdf, out.pages, 200));
        expect(rules).toHaveLength(3); // thick, thin, thick: 抄送 and 印发 rows
        const bottom = rules[rules.length - 1]!;
        expect(Math.abs((bottom.top + bottom.bottom) / 2 - TYPE_BOTTOM)).toBeLessThanOrEqual(1.5);
        for (const r of rules) {
          expect(Math.abs(r.x0 - TYPE_LEFT)).toBeLessThanOrEqual(1);
          expect(Math.abs(r.x1 - r.x0 - TYPE_AREA.widthMm)).toBeLessThanOrEqual(1);
        }
        // first and last rule thicker than the middle one (0.35 vs 0.25 mm)
        const thickness = rules.map((r) => r.bottom - r.top);
        expect(thickness[0]!).toBeGreaterThan(thickness[1]! - 0.01);
        // 抄送 and 印发机关 one character in from the left
        const cc = last.find((l) => l.text.startsWith('抄送：'))!;
        expect(Math.abs(mm(cc.x0) - (TYPE_LEFT + ptToMm(16)))).toBeLessThanOrEqual(1);
        // the 版记 page keeps its (even) page number
        expect(last.find((l) => mm(l.y0) > TYPE_BOTTOM)?.text).toBe(`—${out.pages}—`);
      });

      it('page numbers: “— 2 —” one char in from the left on page 2, “— 3 —” one char in from the right on page 3, 7 mm under the type area', () => {
        const num = (p: number) => out.lines.find((l) => l.page === p && mm(l.y0) > TYPE_BOTTOM)!;
        const two = num(2);
        const three = num(3);
        expect(two.text).toBe('—2—');
        expect(three.text).toBe('—3—');
        const oneChar = ptToMm(14);
        expect(Math.abs(mm(two.x0) - (TYPE_LEFT + oneChar))).toBeLessThanOrEqual(1.5);
        expect(Math.abs(mm(three.x1) - (TYPE_RIGHT - oneChar))).toBeLessThanOrEqual(1.5);
        expect(Math.abs(sizeOf(three) - 14)).toBeLessThanOrEqual(0.5);
        const dashCentre = mm(emCentreOf(three));
        expect(Math.abs(dashCentre - TYPE_BOTTOM - 7)).toBeLessThanOrEqual(1.5);
      });
    });
  }

  it('a body ending on an even page: an unnumbered blank page, then the 版记 on the next even page', async () => {
    const { doc } = await fixtureDocument('zhaishang');
    // 26 one-line paragraphs: page 1 holds the 版头 and ~10 lines, so the body ends on page 2
    const body = Array.from({ length: 26 }, (_, i) => ({ type: 'paragraph' as const, text: `第${i + 1}段，一行正文。` }));
    const short = { ...doc, header: { ...doc.header, note: '' }, body: fromBlocks(body) };
    const out = render(await buildDocx(short, { variant: 'official' }), 'zhaishang-even');
    expect(out.lines.some((l) => l.page === 2 && l.text.includes('第26段'))).toBe(true);
    expect(out.pages).toBe(4);
    expect(out.lines.filter((l) => l.page === 3)).toEqual([]); // blank: no text, no page number
    const last = out.lines.filter((l) => l.page === 4);
    expect(last.some((l) => l.text.startsWith('抄送：'))).toBe(true);
    const rules = blackRules(rasterPage(out.pdf, 4, 200));
    expect(Math.abs((rules[rules.length - 1]!.top + rules[rules.length - 1]!.bottom) / 2 - TYPE_BOTTOM)).toBeLessThanOrEqual(1.5);
  });

  it('public variant has no red on page 1 and no 文号', async () => {
    const { doc } = await fixtureDocument('jinlanshan');
    const out = render(await buildDocx(doc, { variant: 'public' }), 'jinlanshan-public');
    expect(out.lines.some((l) => /〔\d{4}〕/.test(l.text))).toBe(false);
    expect(out.lines.some((l) => l.text.includes('签发人'))).toBe(false);
    expect(redRows(rasterPage(out.pdf, 1))).toEqual([]);
    expect(out.lines.find((l) => l.page === 1)!.text).toContain('中共新县金兰山街道工作委员会');
  });
});

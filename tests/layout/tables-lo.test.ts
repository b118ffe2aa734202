/**
 * A body table through LibreOffice: a report with a 45-row table (header row + 44 rows,
 * crossing a page) written to .docx, rendered by LibreOffice, read back with poppler —
 * every row is there, inside the type area (28 mm … 184 mm from the left), the header row
 * (w:tblHeader) heads the table again on the page it continues on — and imported back from
 * the .docx (mammoth) as the same table. (Rendered pages looked at: `KEEP_LO=1` keeps the
 * PDF; `pdftoppm -png` it.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../shared/docx/build';
import { importText } from '../../shared/import/text';
import { fromBlocks, tableBlock, toBlocks, type GongwenDocument, type TableBlock } from '../../shared/model';
import { MARGINS, TYPE_AREA } from '../../shared/page/geometry';
import { importDocxBytes } from '../../electron/services/import-service';
import { hasTool, renderDocx, type Rendered } from './lo-render';

const HAS_TOOLS = hasTool('soffice', ['--version']) && hasTool('pdftotext', ['-v']);
const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/report-zhaishang-2023.txt');
const PT_PER_MM = 72 / 25.4;
const HEAD = ['单位', '行政复议', '行政诉讼', '执法检查'];
const ROWS = Array.from({ length: 44 }, (_, i) => [`第${i + 1}社区`, `${(i * 7) % 13}件`, `${(i * 5) % 4}件`, `${10 + ((i * 11) % 30)}次`]);

function reportWithTable(): GongwenDocument {
  const base = importText(fs.readFileSync(FIXTURE, 'utf8'));
  const blocks = toBlocks(base.body);
  const table = tableBlock([HEAD, ...ROWS], 1);
  return { ...base, header: { ...base.header, redHeader: false }, body: fromBlocks([blocks[0]!, { type: 'paragraph', text: '各社区办理情况如下。' }, table, ...blocks.slice(1)]) };
}

describe.skipIf(!HAS_TOOLS)('a body table rendered by LibreOffice', () => {
  let work: string;
  let docx: Uint8Array;
  let rendered: Rendered;
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-table-lo-'));
    docx = await buildDocx(reportWithTable(), { variant: 'official' });
    rendered = renderDocx(docx, 'table', work);
  }, 200_000);
  afterAll(() => (process.env.KEEP_LO ? console.log(work) : fs.rmSync(work, { recursive: true, force: true })));

  // poppler gives each cell its own line: a row is its first cell's line and its last cell's, side by side.
  const cellLine = (text: string, near?: { page: number; y0: number }) =>
    rendered.lines.find((l) => l.text === text && (!near || (l.page === near.page && Math.abs(l.y0 - near.y0) < 2)));
  const rowLines = (i: number) => {
    const first = cellLine(ROWS[i]![0]!);
    return first ? { first, last: cellLine(ROWS[i]![3]!, first) } : undefined;
  };

  it('writes every row, its cells side by side, inside the type area', () => {
    const left = MARGINS.leftMm * PT_PER_MM;
    const right = (MARGINS.leftMm + TYPE_AREA.widthMm) * PT_PER_MM;
    ROWS.forEach((_, i) => {
      const row = rowLines(i);
      expect(row?.last, `row ${i + 1}`).toBeDefined();
      expect(row!.first.x0).toBeGreaterThanOrEqual(left);
      expect(row!.last!.x1).toBeLessThanOrEqual(right);
      expect(row!.last!.x0).toBeGreaterThan(row!.first.x1);
    });
  });

  it('crosses a page and the header row heads the table again there', () => {
    const firsts = ROWS.map((_, i) => rowLines(i)!.first);
    const pages = [...new Set(firsts.map((l) => l.page))];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const top = firsts.find((l) => l.page === page)!;
      const header = rendered.lines.filter((l) => l.page === page && l.text === '执法检查');
      expect(header.length, `page ${page}`).toBe(1);
      expect(header[0]!.y1).toBeLessThanOrEqual(top.y0);
      expect(top.y0 - header[0]!.y1).toBeLessThan(30);
    }
  });

  it('comes back from the .docx as the same table', async () => {
    const back = await importDocxBytes('table.docx', docx, '2025-01-20');
    const table = toBlocks(back.body).find((b): b is TableBlock => b.type === 'table')!;
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([HEAD, ...ROWS]);
  });
});

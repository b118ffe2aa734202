/**
 * A table that crosses pages (issue 13, the part about pages): in print and PDF its header row
 * is repeated at the top of every page it reaches and no row is split between two pages, as the
 * .docx asks Word and LibreOffice (w:tblHeader, w:cantSplit). The report is opened in the
 * editor, printed to PDF by Chromium and read back page by page with pdftotext; the same
 * document's .docx is rendered by LibreOffice and read the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';
import { buildDocx } from '../../shared/docx/build';
import type { GongwenDocument } from '../../shared/model';
import { tableBlock, type Block } from '../../shared/model/blocks';
import { fromBlocks, toBlocks } from '../../shared/model/lexical-json';
import { fixtureDocument } from '../layout/fixture-docs';
import { hasTool, pdfLines, renderDocx, type Line } from '../layout/lo-render';

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
});

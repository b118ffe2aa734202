/**
 * The mark test table, end to end in Chromium: for each inline mark the toolbar offers,
 * type marked text → the draft is saved → reopen it → the mark is on the page and in the
 * print view → 导出 Word → the .docx XML has the mark on exactly that text → import that
 * .docx through the app's importer → the mark is back.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, openDraft, seedDraftFromText, startPreview, waitSaved, type PreviewProcess } from './harness';
import { FORMAT_BOLD, MARKS, type Mark } from '../../shared/model';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/report-zhaishang-2023.txt');

/** The computed style properties a mark can show in. */
interface Printed {
  fontWeight: string;
  fontStyle: string;
  textDecorationLine: string;
}

/** Per mark: the toolbar button, the editor's class, the computed style it prints with, the .docx run property, the Lexical format bit. */
const TABLE: Record<Mark, { button: string; className: string; printed: (style: Printed) => boolean; rPr: RegExp; bit: number }> = {
  bold: { button: '加粗', className: 'gw-bold', printed: (s) => Number(s.fontWeight) >= 700, rPr: /<w:b\/>/, bit: FORMAT_BOLD },
};

/** Runs of document.xml as [properties, text]. */
function runsOf(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => [/<w:rPr>(.*?)<\/w:rPr>/.exec(m[1]!)?.[1] ?? '', [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')]);
}

describe('inline marks: type → save → reopen → print → export → import', () => {
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

  it('every mark has a row in the table', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...MARKS].sort());
  });

  for (const mark of MARKS) {
    it(`${mark}: reaches the page, the print view and the .docx, and comes back on import`, async () => {
      const row = TABLE[mark];
      const marked = `标记${mark}文字`;
      const plain = '其后的普通文字。';
      const page = await newPage(browser, preview.url);
      const title = await seedDraftFromText(page, fs.readFileSync(FIXTURE, 'utf8'), 'report.txt');
      await openDraft(page, title);
      const body = page.getByRole('textbox', { name: '正文' });
      await body.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('这是一段');
      await page.getByRole('button', { name: row.button, exact: true }).click();
      await page.keyboard.insertText(marked);
      await page.getByRole('button', { name: row.button, exact: true }).click();
      await page.keyboard.insertText(plain);
      await waitSaved(page);

      // reopen: from the drafts list after a reload
      await page.reload();
      await openDraft(page, title);
      const markedOnPage = page.getByRole('textbox', { name: '正文' }).locator(`.${row.className}`);
      await expect.poll(() => markedOnPage.allInnerTexts()).toEqual([marked]);
      await page.emulateMedia({ media: 'print' });
      const printed = await markedOnPage.first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { fontWeight: s.fontWeight, fontStyle: s.fontStyle, textDecorationLine: s.textDecorationLine };
      });
      expect(row.printed(printed)).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // export
      await page.getByRole('button', { name: '导出 Word' }).click();
      const dialog = page.getByRole('dialog', { name: '导出 Word' });
      const exportButton = dialog.getByRole('button', { name: /^(导出|我已了解，继续)$/ });
      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.first().click()]);
      const bytes = fs.readFileSync((await download.path())!);
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      const runs = runsOf(xml);
      const markedRuns = runs.filter(([props]) => row.rPr.test(props)).map(([, text]) => text);
      expect(markedRuns).toEqual([marked]);
      expect(runs.some(([props, text]) => text.includes(plain) && !row.rPr.test(props))).toBe(true);

      // import the exported file: the mark is back on the same text
      const nodes = await page.evaluate(async (base64) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')!.content;
        const res = await fetch('/api/import:file', { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input: { file: { name: 'back.docx', base64 }, today: '2025-01-20' } }) });
        const json = (await res.json()) as { value: { body: unknown } };
        const out: { text: string; format: number }[] = [];
        const walk = (n: { type?: string; text?: string; format?: number; children?: unknown[] }) => {
          if (n.type === 'text') out.push({ text: n.text ?? '', format: n.format ?? 0 });
          (n.children ?? []).forEach((c) => walk(c as never));
        };
        walk((json.value.body as { root: never }).root);
        return out;
      }, bytes.toString('base64'));
      expect(nodes.filter((n) => (n.format & row.bit) !== 0).map((n) => n.text)).toEqual([marked]);
      await page.context().close();
    });
  }
});

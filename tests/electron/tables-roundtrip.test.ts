/**
 * A table made in the editor (headless, with our nodes) → .docx (w:tbl, w:tblHeader,
 * w:cantSplit, spans) → mammoth import → the same table; `gongwen export` of a .docx with
 * a table writes it; the checks read cell text but never take a cell for a heading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { $createTableNodeWithDimensions, $isTableCellNode, $mergeCells, type TableCellNode } from '@lexical/table';
import { runCli, type CliIo } from '../../electron/cli';
import { importDocxBytes } from '../../electron/services/import-service';
import { buildDocx } from '../../shared/docx/build';
import { importText } from '../../shared/import/text';
import { fromBlocks, toBlocks, type GongwenDocument, type TableBlock } from '../../shared/model';
import { bodyFromEditorState, createGongwenHeadlessEditor } from '../../renderer/editor/bridge';

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.resolve(REPO, '../shared/fixtures/report-zhaishang-2023.txt');
const CELLS = [
  ['单位', '行政复议', '行政诉讼'],
  ['城关镇', '12', '3'],
  ['合计', '', '15'],
];
let dir: string;

/** The fixture with a table typed into the editor after its first paragraph: header row, a merged cell. */
export function documentWithEditorTable(): GongwenDocument {
  const base = importText(fs.readFileSync(FIXTURE, 'utf8'));
  const editor = createGongwenHeadlessEditor();
  editor.update(
    () => {
      const root = $getRoot();
      root.append($createParagraphNode().append($createTextNode('全年办理案件情况如下。')));
      const table = $createTableNodeWithDimensions(3, 3, { rows: true, columns: false });
      table.getChildren().forEach((row, r) =>
        (row as unknown as { getChildren(): TableCellNode[] }).getChildren().forEach((cell, c) => {
          cell.getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().append($createTextNode(CELLS[r]![c]!));
        }),
      );
      root.append(table);
      root.append($createParagraphNode().append($createTextNode('以上数据截至年底。')));
      const last = table.getLastChildOrThrow<typeof table>().getChildren().filter($isTableCellNode);
      $mergeCells([last[0]!, last[1]!]);
    },
    { discrete: true },
  );
  const body = bodyFromEditorState(editor.getEditorState());
  return { ...base, body: { root: { ...base.body.root, children: [...base.body.root.children.slice(0, 2), ...body.root.children, ...base.body.root.children.slice(2)] } } };
}

const tableOf = (doc: GongwenDocument) => toBlocks(doc.body).find((b): b is TableBlock => b.type === 'table')!;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-tables-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tables', () => {
  it('the editor table is a table block with a header row and a merged cell', () => {
    const table = tableOf(documentWithEditorTable());
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((r) => r.map((c) => [c.text, c.colSpan]))).toEqual([
      [['单位', 1], ['行政复议', 1], ['行政诉讼', 1]],
      [['城关镇', 1], ['12', 1], ['3', 1]],
      [['合计', 2], ['15', 1]],
    ]);
  });

  it('goes out as w:tbl with a repeated header row, rows that never split, and the span', async () => {
    const xml = await (await JSZip.loadAsync(await buildDocx(documentWithEditorTable(), { variant: 'official' }))).file('word/document.xml')!.async('string');
    const tbl = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('行政复议'))!;
    expect(tbl).toBeDefined();
    const rows = tbl.match(/<w:tr>.*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('w:tblHeader');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows[2]).toContain('<w:gridSpan w:val="2"/>');
    expect(rows[0]).toContain('GwHeiChar'); // 黑体 header
  });

  it('comes back from the .docx as the same table', async () => {
    const doc = documentWithEditorTable();
    const back = await importDocxBytes('t.docx', await buildDocx(doc, { variant: 'public' }), '2025-01-20');
    expect(tableOf(back)).toEqual(tableOf(doc));
  });

  it('gongwen export of a .docx with bold runs and a table writes both', async () => {
    const doc = documentWithEditorTable();
    const blocks = toBlocks(doc.body);
    const bold = { type: 'paragraph' as const, text: '一是加强领导。', runs: [{ text: '一是', bold: true }, { text: '加强领导。' }] };
    fs.writeFileSync(path.join(dir, 'both.docx'), await buildDocx({ ...doc, body: fromBlocks([bold, ...blocks]) }, { variant: 'official' }));
    const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: () => undefined }, cwd: dir, env: {}, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
    expect(await runCli(['export', 'both.docx', '--out', 'both-out.docx', '--force'], io)).toBe(0);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'both-out.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:tbl>.*行政复议.*<\/w:tbl>/);
    expect(xml).toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t[^>]*>一是<\/w:t><\/w:r>/);
    expect(xml).not.toMatch(/<w:b\/>(?:(?!<\/w:r>).)*加强领导/);
  });

  it('gongwen export of a .docx with a table writes it', async () => {
    fs.writeFileSync(path.join(dir, 'in.docx'), await buildDocx(documentWithEditorTable(), { variant: 'official' }));
    let stderr = '';
    const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: (s) => (stderr += s) }, cwd: dir, env: {}, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
    expect(await runCli(['export', 'in.docx', '--out', 'out.docx', '--force'], io)).toBe(0);
    expect(stderr).toBe('');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:tbl>.*行政复议.*<\/w:tbl>/);
    expect(xml).toContain('<w:tblHeader/>');
  });
});

/**
 * The lines of a run list are cut in one place (`runLines`, shared/model/blocks.ts): a table
 * cell's paragraphs in the editor JSON and in the .docx, and soft line breaks. These tests pin
 * that the editor JSON and the .docx cut a cell into the same lines, marks kept.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compactRuns, emptyHeader, fromBlocks, joinRunLines, runLines, runsText, SCHEMA_VERSION, toBlocks, type Run, type TableBlock } from '../../../shared/model';
import { buildDocx } from '../../../shared/docx/build';
import '../../fuzz-seed';

const run = fc.record({ text: fc.stringMatching(/^[甲乙丙\n]{0,6}$/), bold: fc.boolean() }).map((r): Run => (r.bold ? { text: r.text, bold: true } : { text: r.text }));

describe('runLines', () => {
  it('cuts at every newline, keeps marks, and joinRunLines puts it back', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), (runs) => {
        const lines = runLines(runs);
        const text = runsText(runs);
        expect(lines.length).toBe(text.split('\n').length);
        expect(lines.map((l) => runsText(l))).toEqual(text.split('\n'));
        expect(lines.flat().every((r) => !r.text.includes('\n') && r.text !== '')).toBe(true);
        // A newline carries no mark of its own; the text and the marks of every line come back.
        const joined = joinRunLines(lines);
        expect(runsText(joined)).toBe(text);
        expect(runLines(joined).map(compactRuns)).toEqual(lines.map(compactRuns));
      }),
    );
  });

  it('a two-line cell with a bold word: two paragraphs in the editor JSON and in the .docx, bold in both', async () => {
    const table: TableBlock = {
      type: 'table',
      headerRows: 1,
      rows: [
        [{ text: '单位', colSpan: 1, rowSpan: 1 }, { text: '说明', colSpan: 1, rowSpan: 1 }],
        [{ text: '城关镇', colSpan: 1, rowSpan: 1 }, { text: '合计\n12件', colSpan: 1, rowSpan: 1, runs: [{ text: '合计\n' }, { text: '12', bold: true }, { text: '件' }] }],
      ],
      text: '单位\t说明\n城关镇\t合计\n12件',
    };
    const body = fromBlocks([table]);
    const cell = (body.root.children[0] as unknown as { children: { children: { children: unknown[] }[] }[] }).children[1]!.children[1]!;
    expect(cell.children).toHaveLength(2);
    expect(toBlocks(body)).toEqual([table]);
    const docx = await buildDocx({ schemaVersion: SCHEMA_VERSION, kind: 'generic', reportYear: 2024, header: { ...emptyHeader(), title: '关于××的报告' }, body }, { variant: 'official' });
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const tc = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0])[3]!;
    expect(tc.match(/<w:p>/g)).toHaveLength(2);
    expect(tc).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>12<\/w:t>/);
  });
});

/**
 * Tables come in as tables: from HTML (mammoth's .docx output, Word/WPS/web clipboard) with
 * header rows, spans and bold; from tab-separated lines (Excel/WPS copies) and Markdown
 * pipe tables. The lines around them are read as before, and a table is never a title.
 */
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../shared/import/html';
import { importText } from '../../../shared/import/text';
import { fromBlocks, toBlocks, type TableBlock } from '../../../shared/model';

const tables = (blocks: ReturnType<typeof toBlocks>) => blocks.filter((b): b is TableBlock => b.type === 'table');

describe('table import', () => {
  it('reads an HTML table with a header, a span, bold, and the text around it', () => {
    const html =
      '<p>关于××的报告</p><p>县委：</p><p>一、基本情况</p><p>全年办理案件情况如下。</p>' +
      '<table><thead><tr><th>单位</th><th>案件数</th></tr></thead><tbody><tr><td><p>城关镇</p></td><td><p><strong>12</strong></p></td></tr>' +
      '<tr><td colspan="2"><p>合计</p><p>12件</p></td></tr></tbody></table><p>特此报告。</p>';
    const doc = importHtml(html);
    expect(doc.header.title).toBe('关于××的报告');
    expect(doc.header.recipient).toBe('县委');
    const blocks = toBlocks(doc.body);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
    expect(tables(blocks)[0]).toEqual({
      type: 'table',
      headerRows: 1,
      rows: [
        [{ text: '单位', colSpan: 1, rowSpan: 1 }, { text: '案件数', colSpan: 1, rowSpan: 1 }],
        [{ text: '城关镇', colSpan: 1, rowSpan: 1 }, { text: '12', colSpan: 1, rowSpan: 1, runs: [{ text: '12', bold: true }] }],
        [{ text: '合计\n12件', colSpan: 2, rowSpan: 1 }],
      ],
      text: '单位\t案件数\n城关镇\t12\n合计\n12件',
    });
  });

  it('a first row of <th> is the header; a table first in a paste is not taken for a title', () => {
    const blocks = toBlocks(importHtml('<table><tr><th>项目</th><th>数量</th></tr><tr><td>行政复议</td><td>3</td></tr></table><p>以上数据截至年底。</p>').body);
    expect(tables(blocks)[0]!.headerRows).toBe(1);
    expect(blocks[1]).toEqual({ type: 'paragraph', text: '以上数据截至年底。' });
  });

  it('reads tab-separated lines and Markdown pipe tables from plain text', () => {
    const text = '关于××的报告\n县委：\n一、基本情况\n全年办理案件情况如下。\n单位\t案件数\n城关镇\t12\n东城街道\t3\n特此报告。\n\n| 项目 | 数量 |\n|---|---|\n| 复议 | 2 |\n';
    const blocks = toBlocks(importText(text).body);
    const [tsv, pipe] = tables(blocks);
    expect(tsv!.rows.map((r) => r.map((c) => c.text))).toEqual([['单位', '案件数'], ['城关镇', '12'], ['东城街道', '3']]);
    expect(pipe!.rows.map((r) => r.map((c) => c.text))).toEqual([['项目', '数量'], ['复议', '2']]);
    expect(pipe!.headerRows).toBe(1);
    // a single tab-indented paragraph is not a table
    expect(tables(toBlocks(importText('关于××的报告\n\t正文第一段。\n\t正文第二段。').body))).toEqual([]);
  });

  it('a table that marks no header (Excel/WPS copy, a Word table without 标题行重复) gets one where labels stand over figures', () => {
    const text = '一、基本情况\n全年办理案件情况如下。\n序号\t单位\t案件数\n1\t城关镇\t12\n2\t东城街道\t3\n特此报告。';
    expect(tables(toBlocks(importText(text).body))[0]!.headerRows).toBe(1);
    const excel = '<table><tr><td>单位</td><td>2023年</td><td>2024年</td></tr><tr><td>城关镇</td><td>1,200</td><td>85%</td></tr><tr><td>东城街道</td><td>3.5</td><td>-2</td></tr></table>';
    expect(tables(toBlocks(importHtml(excel).body))[0]!.headerRows).toBe(1);
    // words only: nothing says the first row is a header
    expect(tables(toBlocks(importText('一、基本情况\n说明如下。\n城关镇\t已完成\n东城街道\t推进中\n特此报告。').body))[0]!.headerRows).toBe(0);
    // a first row of figures is data, not a header
    expect(tables(toBlocks(importText('一、基本情况\n说明如下。\n1\t城关镇\t12\n2\t东城街道\t3\n特此报告。').body))[0]!.headerRows).toBe(0);
    // a header the source marks is kept as it is
    expect(tables(toBlocks(importHtml('<table><thead><tr><th>甲</th><th>乙</th></tr><tr><th>丙</th><th>丁</th></tr></thead><tr><td>戊</td><td>5</td></tr></table>').body))[0]!.headerRows).toBe(2);
  });

  it('round-trips through the body JSON (header row, spans, marks)', () => {
    const blocks = toBlocks(importHtml('<table><thead><tr><th>甲</th><th>乙</th></tr></thead><tr><td rowspan="2">丙</td><td><b>丁</b>戊</td></tr><tr><td>己</td></tr></table>').body);
    expect(toBlocks(fromBlocks(blocks))).toEqual(blocks);
    expect(tables(blocks)[0]!.rows[1]![0]!.rowSpan).toBe(2);
  });
});

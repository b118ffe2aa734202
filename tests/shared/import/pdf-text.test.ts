/**
 * PDF text layer → paragraphs, from positions only (shared/import/pdf-text.ts): the layout a
 * PDF of a 公文 has (first-line indent of two characters, justified lines, — N — page numbers).
 */
import { describe, expect, it } from 'vitest';
import { pageLines, pdfParagraphs, type PdfPageText, type PdfTextRun } from '../../../shared/import/pdf-text';

const SIZE = 16; // 三号
const LEFT = 79;
const CHARS = 28; // a full line of the type area
const PITCH = 29;

/** One line of CJK text as one run per character (as many PDF writers emit them). */
function line(text: string, row: number, indent = 0): PdfTextRun[] {
  return [...text].map((ch, i) => ({ str: ch, x: LEFT + (indent + i) * SIZE, y: 770 - row * PITCH, width: SIZE, size: SIZE }));
}

/** A paragraph laid out as a PDF does: first line indented two characters, then full lines. */
function paragraph(text: string, firstRow: number): { runs: PdfTextRun[]; rows: number } {
  const runs: PdfTextRun[] = [];
  let rest = text;
  let row = firstRow;
  let indent = 2;
  while (rest) {
    const take = CHARS - indent;
    runs.push(...line(rest.slice(0, take), row, indent));
    rest = rest.slice(take);
    indent = 0;
    row++;
  }
  return { runs, rows: row - firstRow };
}

function page(...texts: string[]): PdfPageText {
  const runs: PdfTextRun[] = [];
  let row = 0;
  for (const t of texts) {
    const p = paragraph(t, row);
    runs.push(...p.runs);
    row += p.rows;
  }
  return { runs };
}

const P1 = '今年以来，我街坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。现将有关情况报告如下：';
const P2 = '街主要领导把法治政府建设工作列入重要工作日程，定期召开会议。研究部署重点工作，对重要问题亲自协调。推动各项工作有效落实。';

describe('pdfParagraphs', () => {
  it('joins wrapped lines without spaces and starts a paragraph at each first-line indent', () => {
    const out = pdfParagraphs([page(P1, P2)]);
    expect(out).toEqual([P1, P2]);
  });

  it('a line ending in 。 at the right edge does not end the paragraph; an indent does', () => {
    // P2's first line (26 characters after the indent) ends exactly on "。" here
    const text = `${'一'.repeat(25)}。${'二'.repeat(27)}。`;
    const out = pdfParagraphs([page(text, P1)]);
    expect(out).toEqual([text, P1]);
  });

  it('a numbered heading starts a paragraph even without an indent', () => {
    const runs = [...line('街道工作会议研究部署重点工作对重要问题亲自协调推动各项工作落实。', 0), ...line('（一）强化组织领导', 1)];
    expect(pdfParagraphs([{ runs }])).toEqual(['街道工作会议研究部署重点工作对重要问题亲自协调推动各项工作落实。', '（一）强化组织领导']);
  });

  it('drops — N — page numbers and goes on across a page break in mid-paragraph', () => {
    const long = '推'.repeat(26 + 28 * 2 + 10);
    const first = page(long.slice(0, 26 + 28));
    first.runs.push(...line('— 1 —', 20, 12));
    const second = { runs: [...line(long.slice(26 + 28, 26 + 28 * 2), 0), ...line(long.slice(26 + 28 * 2), 1)] };
    second.runs.unshift(...line('- 2 -', -1, 12));
    expect(pdfParagraphs([first, second])).toEqual([long]);
  });

  it('a short last line ends the paragraph even when the next page starts at the margin', () => {
    const a = page(P1, '短的一段。');
    const b = { runs: line('另起一行的文字', 0) };
    expect(pdfParagraphs([a, b])).toEqual([P1, '短的一段。', '另起一行的文字']);
  });

  it('ragged right (left-aligned, as LibreOffice and Word "左对齐" write): a wrapped line a little short of the edge goes on, even when a few lines run past the common edge', () => {
    // No first-line indent, no gap between paragraphs: only a short last line ends one. Wrapped
    // lines end 0 to 1.4 characters short of the edge (a whole word or a pushed 。 moves on);
    // two lines (a wide Latin run) end 1 character past it.
    const rows: Array<{ text: string; width: number }> = [
      { text: '甲'.repeat(28), width: 28 }, // wrapped, at the edge
      { text: '甲'.repeat(26), width: 26.6 }, // wrapped, 1.4 characters short
      { text: '甲'.repeat(10) + '。', width: 11 }, // paragraph end
      { text: '乙'.repeat(29), width: 29 }, // wrapped, past the edge
      { text: '乙'.repeat(27), width: 27 }, // wrapped, 1 short
      { text: '乙'.repeat(28), width: 28 },
      { text: '乙'.repeat(29), width: 29 },
      { text: '乙'.repeat(28), width: 28 },
      { text: '乙'.repeat(5) + '。', width: 6 }, // paragraph end
      { text: '丙'.repeat(28), width: 28 },
      { text: '丙'.repeat(3) + '。', width: 4 },
    ];
    const runs: PdfTextRun[] = rows.map((r, i) => ({ str: r.text, x: LEFT, y: 770 - i * PITCH, width: r.width * SIZE, size: SIZE }));
    expect(pdfParagraphs([{ runs }])).toEqual([
      '甲'.repeat(64) + '。',
      '乙'.repeat(146) + '。',
      '丙'.repeat(31) + '。',
    ]);
  });

  it('a centred title line is a paragraph of its own', () => {
    const runs = [...line('关于2023年度法治政府建设情况的报告', 0, 5), ...paragraph(P1, 2).runs];
    expect(pdfParagraphs([{ runs }])).toEqual(['关于2023年度法治政府建设情况的报告', P1]);
  });
});

describe('pdfParagraphs: a wrap before a number', () => {
  it('a full line that stops mid-sentence goes on into a line the wrap starts with 一、', () => {
    const first = P1.slice(0, CHARS - 2);
    const second = '努力创建主体明确权责清晰的工作格局推动各项工作落实权责统';
    expect([...second].length).toBe(CHARS);
    const text = first + second;
    const runs = [...line(first, 0, 2), ...line(second, 1), ...line('一、运转协调、廉洁高效的工作新机制。', 2), ...line('二、存在的问题', 3), ...line(P2.slice(0, CHARS - 2), 4, 2)];
    expect(pdfParagraphs([{ runs }])).toEqual([`${text}一、运转协调、廉洁高效的工作新机制。`, '二、存在的问题', P2.slice(0, CHARS - 2)]);
  });
});

describe('pageLines: spaces inside a line', () => {
  const run = (str: string, x: number, width = str.length * 8): PdfTextRun => ({ str, x, y: 100, width, size: SIZE });
  it('none between CJK characters or between CJK and digits (the gap LibreOffice leaves round 2023)', () => {
    expect(pageLines({ runs: [run('寨上街道', 0, 64), run('2023', 68, 32), run('年度', 104, 32)] })[0]!.text).toBe('寨上街道2023年度');
  });
  it('one between Latin words across a gap, none inside a word split into runs', () => {
    expect(pageLines({ runs: [run('GB/T', 0, 32), run('9704', 38, 32), run('-2012', 70, 40)] })[0]!.text).toBe('GB/T 9704-2012');
  });
  it('a typed space shows as a wider gap: 街道 2024年度 keeps it, 2024年 stays joined', () => {
    // A half-width space in a Chinese font is half an em (pdf.js drops the blank run itself).
    expect(pageLines({ runs: [run('建筑新村街道', 0, 96), run(' ', 96, 8), run('2024', 104, 32), run('年度报告', 136 + 3, 64)] })[0]!.text).toBe('建筑新村街道 2024年度报告');
    // A space at the edge of a run (its width includes it, so no gap shows).
    expect(pageLines({ runs: [run('陵川县教育局 ', 0, 104), run('2025', 104, 32), run('年', 136, 16)] })[0]!.text).toBe('陵川县教育局 2025年');
    expect(pageLines({ runs: [run('教育局', 0, 48), run(' 2025', 48, 36), run('年', 84, 16)] })[0]!.text).toBe('教育局 2025年');
  });
  it('between Chinese characters only a gap of half an em is a space, never kerning or justification', () => {
    expect(pageLines({ runs: [run('中共××县委', 0, 96), run('××县人民政府', 96 + 8, 112)] })[0]!.text).toBe('中共××县委 ××县人民政府');
    expect(pageLines({ runs: [run('依法', 0, 32), run('行政', 32 + 3, 32), run('推进', 67 + 2, 32)] })[0]!.text).toBe('依法行政推进');
  });
  it('a wide gap (two names side by side) keeps one space', () => {
    expect(pageLines({ runs: [run('签发人：张健平', 0, 112), run('余志强', 160, 48)] })[0]!.text).toBe('签发人：张健平 余志强');
  });
  it('runs on one baseline are ordered left to right; lines top to bottom', () => {
    const lines = pageLines({ runs: [{ ...run('乙', 20, 16), y: 100 }, { ...run('甲', 0, 16), y: 100.5 }, { ...run('丙', 0, 16), y: 70 }] });
    expect(lines.map((l) => l.text)).toEqual(['甲乙', '丙']);
  });
});

import { describe, expect, it } from 'vitest';
import { paginate, type FlowBlock } from '../../../shared/page/paginate';

const p = (lines: number): FlowBlock => ({ lines });
const h = (lines = 1): FlowBlock => ({ lines, keepWithNext: true });

describe('paginate (the one page-break policy)', () => {
  it('fills 22 lines a page and splits paragraphs line by line (no widow control)', () => {
    const r = paginate([p(10), p(13), p(30)]);
    expect(r.starts).toEqual([{ block: 0, line: 0 }, { block: 1, line: 12 }, { block: 2, line: 21 }]);
    expect(r.used).toEqual([22, 22, 9]);
    expect(r.pages).toBe(3);
  });

  it('leaves a single last line on the next page (widow/orphan control is off, as in the .docx)', () => {
    const r = paginate([p(21), p(2)]);
    expect(r.starts[1]).toEqual({ block: 1, line: 1 });
  });

  it('moves a heading whose next paragraph starts the next page', () => {
    const r = paginate([p(21), h(), p(5)]);
    expect(r.starts[1]).toEqual({ block: 1, line: 0 });
    expect(r.used[0]).toBe(21);
  });

  it('moves a chain of headings together', () => {
    const r = paginate([p(19), h(), h(), h(), p(5)]);
    expect(r.starts[1]).toEqual({ block: 1, line: 0 });
    expect(r.used[0]).toBe(19);
  });

  it('keeps a heading with the first line of a paragraph that splits', () => {
    const r = paginate([p(20), h(), p(5)]);
    expect(r.starts[1]).toEqual({ block: 2, line: 1 });
  });

  it('ignores the keep when the chain starts the page', () => {
    const r = paginate([h(22), p(3)]);
    expect(r.starts[1]).toEqual({ block: 1, line: 0 });
  });

  it('moves an unbreakable block whole and lets a fractional 版头 offset page 1', () => {
    const r = paginate([{ lines: 7.4, unbreakable: true }, p(14), { lines: 3, unbreakable: true }]);
    // 7.4 + 14 = 21.4: the 3-line signature box moves to page 2.
    expect(r.starts[1]).toEqual({ block: 2, line: 0 });
    const r2 = paginate([{ lines: 7.4, unbreakable: true }, p(15)]);
    // 7.4 + 14 lines = 21.4, the 15th line would end at 22.4: it goes to page 2.
    expect(r2.starts[1]).toEqual({ block: 1, line: 14 });
  });

  it('puts the 版记 on the next even page, with a blank page when the body ends on an even one', () => {
    expect(paginate([p(30)], { colophon: true })).toMatchObject({ contentPages: 2, blankPage: 3, colophonPage: 4, pages: 4 });
    expect(paginate([p(50)], { colophon: true })).toMatchObject({ contentPages: 3, blankPage: null, colophonPage: 4, pages: 4 });
    expect(paginate([p(3)])).toMatchObject({ contentPages: 1, colophonPage: null, pages: 1 });
  });

  describe('tables (rows unbreakable, header rows repeated)', () => {
    const table = (rows: number[], headerRows = 1, rowJoined?: boolean[]): FlowBlock => ({ lines: rows.reduce((a, r) => a + r, 0), rows, headerRows, rowJoined });

    it('breaks between rows and repeats the header rows at the top of the next page', () => {
      // 1 line of header, 30 rows of 0.85 lines: 21 lines of paragraph leave none for a row.
      const rows = [0.85, ...Array.from({ length: 30 }, () => 0.85)];
      const r = paginate([p(10), table(rows), p(2)]);
      // Page 1: 12 lines left = header + 13 rows (14 × 0.85 = 11.9).
      expect(r.starts[1]).toMatchObject({ block: 1, row: 14, repeat: 0.85 });
      expect(r.starts[1]!.line).toBeCloseTo(14 * 0.85);
      expect(r.used[0]).toBeCloseTo(10 + 14 * 0.85);
      // Page 2: the repeated header and the remaining 17 rows, then the paragraph.
      expect(r.used[1]).toBeCloseTo(0.85 + 17 * 0.85 + 2);
      expect(r.pages).toBe(2);
    });

    it('never splits a row: a tall row that does not fit moves whole', () => {
      const r = paginate([p(18), table([1, 1, 7, 1])]);
      expect(r.starts[1]).toMatchObject({ block: 1, row: 2, repeat: 1 });
      expect(r.used[0]).toBe(20);
    });

    it('keeps the header rows with the first row under them (the table moves whole)', () => {
      const r = paginate([p(21), table([1, 1, 1])]);
      expect(r.starts[1]).toEqual({ block: 1, line: 0 });
      expect(r.used[0]).toBe(21);
    });

    it('moves a heading that keeps with a table along with it', () => {
      const r = paginate([p(20), h(), table([1, 1, 1])]);
      expect(r.starts[1]).toEqual({ block: 1, line: 0 });
    });

    it('keeps rows joined by a spanning cell on one page', () => {
      const r = paginate([p(19), table([1, 1, 1, 1], 1, [false, false, true, false])]);
      // Header + row 1 fit (21 lines used); rows 2 and 3 are joined: one line is left, both go on.
      expect(r.starts[1]).toMatchObject({ block: 1, row: 2 });
      expect(r.used[0]).toBe(21);
    });

    it('does not repeat a header a table does not have', () => {
      const r = paginate([p(21), table([1, 1, 1], 0)]);
      expect(r.starts[1]).toEqual({ block: 1, line: 1, row: 1, repeat: 0 });
      expect(r.used[1]).toBe(2);
    });

    it('lets a unit taller than a page overflow it rather than loop', () => {
      const r = paginate([table([1, 30, 1])]);
      expect(r.pages).toBe(2);
      expect(r.starts[1]).toMatchObject({ row: 2 });
    });
  });
});

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
});

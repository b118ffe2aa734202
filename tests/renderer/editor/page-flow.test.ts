import { describe, expect, it } from 'vitest';
import { PAGE_PX, pageStarts } from '../../../renderer/editor/page/PageFlow';
import { GRID, ptToPx } from '../../../shared/page/geometry';

const LINE = ptToPx(GRID.linePitchPt);

describe('page breaks on the line grid', () => {
  it('one page when the content fits 22 lines', () => {
    expect(pageStarts(PAGE_PX - 2, 0)).toEqual([0]);
  });
  it('breaks every 22 lines when the body starts at the top', () => {
    const starts = pageStarts(3 * PAGE_PX - 10, 0);
    expect(starts).toHaveLength(3);
    expect(starts[1]).toBeCloseTo(22 * LINE, 3);
    expect(starts[2]).toBeCloseTo(44 * LINE, 3);
  });
  it('a body line crossing the foot of a page moves to the next page', () => {
    const bodyTop = 7.5 * LINE; // the 版头 is not a whole number of lines
    const starts = pageStarts(2 * PAGE_PX, bodyTop);
    // 22 lines of page 1 end inside body line 15 (from 7.5 to 22: 14.5 lines fit) → page 2 starts at line 14 of the body.
    expect(starts[1]).toBeCloseTo(bodyTop + 14 * LINE, 3);
    expect(starts[1]! <= PAGE_PX).toBe(true);
  });
});

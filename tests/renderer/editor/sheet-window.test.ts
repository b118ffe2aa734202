import { describe, expect, it } from 'vitest';
import { SHEET_PITCH_PX } from '../../../renderer/editor/page/page-layer';
import { sheetWindow, SHEET_SLACK } from '../../../renderer/editor/page/sheet-window';

const P = SHEET_PITCH_PX;
/** A view of `screens` sheets' height whose top is `at` sheets down the desk. */
const view = (at: number, screens = 0.8) => [at * P, (at + screens) * P] as const;

describe('sheetWindow: the sheets the desk draws', () => {
  it('draws the sheets in sight and SHEET_SLACK either side, within the document', () => {
    expect(sheetWindow(...view(0), 1, { first: 1, last: 5 })).toEqual({ first: 1, last: 1 });
    expect(sheetWindow(...view(0), 300, { first: 1, last: 1 })).toEqual({ first: 1, last: 1 + SHEET_SLACK });
    // Sheet 101 in sight (top 100 pitches down, 0.8 of a sheet tall).
    expect(sheetWindow(...view(100), 300, { first: 1, last: 5 })).toEqual({ first: 101 - SHEET_SLACK, last: 101 + SHEET_SLACK });
    // The view straddles sheets 100 and 101.
    expect(sheetWindow(...view(99.5), 300, { first: 1, last: 5 })).toEqual({ first: 100 - SHEET_SLACK, last: 101 + SHEET_SLACK });
    // At the end of the document.
    expect(sheetWindow(...view(299.3), 300, { first: 1, last: 5 })).toEqual({ first: 300 - SHEET_SLACK, last: 300 });
  });

  it('keeps the drawn range (no re-render) while it covers the sheets in sight and one more either side', () => {
    const drawn = { first: 96, last: 106 };
    expect(sheetWindow(...view(100), 300, drawn)).toBe(drawn);
    expect(sheetWindow(...view(97.1), 300, drawn)).toBe(drawn);
    // Sheet 97 in sight: 96 is the one before it, still drawn. Sheet 96 in sight: 95 is not.
    expect(sheetWindow(...view(95.1), 300, drawn)).toEqual({ first: 96 - SHEET_SLACK, last: 96 + SHEET_SLACK });
    expect(sheetWindow(...view(104.5), 300, drawn)).toEqual({ first: 105 - SHEET_SLACK, last: 106 + SHEET_SLACK });
  });

  it('follows the page count: sheets past the end are dropped, new sheets in sight are drawn', () => {
    const drawn = { first: 1, last: 5 };
    expect(sheetWindow(...view(0), 3, drawn)).toEqual({ first: 1, last: 3 });
    expect(sheetWindow(...view(0), 3, { first: 1, last: 3 })).toEqual({ first: 1, last: 3 });
    // Grown from 3 to 4 with the last in sight: the range grows to reach it.
    expect(sheetWindow(...view(3), 4, { first: 1, last: 3 })).toEqual({ first: 1, last: 4 });
  });

  it('a view above or below the desk (scrolled past it, or not laid out yet) still draws sheets', () => {
    expect(sheetWindow(-500, -100, 10, { first: 1, last: 1 })).toEqual({ first: 1, last: 1 + SHEET_SLACK });
    expect(sheetWindow(20 * P, 21 * P, 10, { first: 1, last: 1 })).toEqual({ first: 10 - SHEET_SLACK, last: 10 });
  });
});

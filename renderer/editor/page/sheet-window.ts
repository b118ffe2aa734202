/**
 * Which sheets the desk draws: those in sight and a few either side, not all of them. Every
 * drawn sheet (white paper, its shadow, its page number) is painted and walked again on every
 * frame a keystroke produces: at 300 pages the 336 sheets cost ≈ 1.4 ms a key of pre-paint and
 * paint (A/B without them: README "Benchmarks"). The desk keeps its full height, so scrolling,
 * the scroll bar and the flow's cut into type areas do not depend on which sheets are drawn.
 */
import { SHEET_PITCH_PX } from './page-layer';

/** Sheets drawn beyond the first and last in sight, so a scroll shows no missing paper. */
export const SHEET_SLACK = 4;

/** The sheets drawn, 1-based and inclusive. */
export interface SheetRange {
  first: number;
  last: number;
}

/**
 * The range to draw for a view of the desk from `top` to `bottom` (unzoomed desk px), keeping
 * `current` while it still covers the sheets in sight and one more either side (so a scroll of
 * a few lines does not re-render the desk).
 */
export function sheetWindow(top: number, bottom: number, pages: number, current: SheetRange): SheetRange {
  const count = Math.max(1, pages);
  const clamp = (n: number) => Math.min(count, Math.max(1, n));
  const firstSeen = clamp(Math.floor(Math.max(0, top) / SHEET_PITCH_PX) + 1);
  const lastSeen = clamp(Math.max(firstSeen, Math.ceil(Math.max(0, bottom) / SHEET_PITCH_PX)));
  const covered = current.first <= clamp(firstSeen - 1) && current.last >= clamp(lastSeen + 1) && current.last <= count;
  if (covered) return current;
  return { first: clamp(firstSeen - SHEET_SLACK), last: clamp(lastSeen + SHEET_SLACK) };
}

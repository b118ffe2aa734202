/**
 * The sheet: one continuous column of paper with the GB/T 9704 margins, on which the
 * page breaks are drawn where they fall — every 22 lines of the 28.95 pt grid, measured
 * from the top of the type area (the body's lines sit on that grid, so this is where Word
 * breaks, give or take a line when a heading or the 版头 is off-grid). The 版记 is pushed
 * to the foot of the last page, as printed.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID, PAGE_NUMBER, pageCssVariables, ptToPx } from '../../../shared/page/geometry';

/** Height of one page of type area in CSS px (22 × 28.95 pt). */
export const PAGE_PX = ptToPx(GRID.linePitchPt * GRID.linesPerPage);
const LINE_PX = ptToPx(GRID.linePitchPt);

/**
 * Where each page starts (px from the top of the type area) for content `height` px tall
 * whose body lines start at `bodyTop` and sit on the line grid: a body line that would
 * cross the foot of a page moves to the next one, as in Word. Pure; tested.
 */
export function pageStarts(height: number, bodyTop: number): number[] {
  const starts = [0];
  for (let guard = 0; guard < 1000; guard++) {
    const start = starts[starts.length - 1]!;
    const end = start + PAGE_PX;
    if (end >= height - 1) break;
    let next = end;
    if (end > bodyTop) next = bodyTop + Math.floor((end - bodyTop + 0.5) / LINE_PX) * LINE_PX;
    if (next <= start + LINE_PX) next = end;
    starts.push(next);
  }
  return starts;
}
const PAGE_STYLE = pageCssVariables();

export function PageFlow({ children, colophon, zoom, onPages }: { children: ReactNode; colophon: ReactNode; zoom: number; onPages: (pages: number) => void }) {
  const { t } = useTranslation();
  const flowRef = useRef<HTMLDivElement>(null);
  const colophonRef = useRef<HTMLDivElement>(null);
  const [starts, setStarts] = useState<number[]>([0]);
  const pages = starts.length;
  const onPagesRef = useRef(onPages);
  onPagesRef.current = onPages;

  useLayoutEffect(() => {
    const flow = flowRef.current;
    if (!flow || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => {
      const natural = flow.offsetHeight + (colophonRef.current?.offsetHeight ?? 0);
      const body = flow.querySelector<HTMLElement>('.gw-body');
      const next = pageStarts(natural, body ? body.offsetTop - flow.offsetTop : 0);
      setStarts((prev) => (prev.length === next.length && prev.every((v, i) => Math.abs(v - next[i]!) < 0.5) ? prev : next));
      onPagesRef.current(next.length);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(flow);
    if (colophonRef.current) observer.observe(colophonRef.current);
    measure();
    return () => observer.disconnect();
  }, []);

  const breaks = starts.slice(1);
  const last = starts[starts.length - 1]! + PAGE_PX;
  return (
    <div className="gw-zoom" style={{ zoom: zoom / 100 }}>
      <article className="gw-sheet" style={PAGE_STYLE}>
        <div className="gw-type-area" style={{ minHeight: `${last}px` }}>
          <div className="gw-flow" ref={flowRef}>
            {children}
          </div>
          <div className="gw-colophon-slot" ref={colophonRef}>
            {colophon}
          </div>
          {breaks.map((top, i) => {
            const n = i + 1;
            return (
            <div key={n} className="gw-page-break" style={{ top: `${top}px` }} aria-hidden="true">
              <span className={n % 2 === 1 ? 'gw-page-number gw-page-number-odd' : 'gw-page-number gw-page-number-even'}>{PAGE_NUMBER.format(n)}</span>
              <span className="gw-page-break-label">{t('editor.pageBreak', { page: n + 1 })}</span>
            </div>
            );
          })}
          <div className="gw-page-break gw-page-end" style={{ top: `${last}px` }} aria-hidden="true">
            <span className={pages % 2 === 1 ? 'gw-page-number gw-page-number-odd' : 'gw-page-number gw-page-number-even'}>{PAGE_NUMBER.format(pages)}</span>
          </div>
        </div>
      </article>
    </div>
  );
}

/**
 * The desk: separate A4 sheets with the GB/T 9704 margins and their page numbers (`— N —`,
 * 4号 宋体, odd right / even left, one character in, 7 mm under the type area), with the
 * one document flowing from sheet to sheet (see ./page-layer.ts for how it is cut). The
 * first sheet carries the 版头 (it is the flow's first block); the 版记 sits at the foot
 * of its own even page after the body, as the .docx puts it (shared/page/paginate.ts).
 * Only the sheets in sight and a few either side are drawn (./sheet-window.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { PAGE_NUMBER, pageCssVariables } from '../../../shared/page/geometry';
import type { Pagination } from '../../../shared/page/paginate';
import { PageLayer, PAPER_PX, SHEET_GAP_PX, SHEET_PITCH_PX } from './page-layer';
import { sheetWindow, SHEET_SLACK, type SheetRange } from './sheet-window';

const PAGE_STYLE = pageCssVariables();

export interface PageFlowProps {
  children: ReactNode;
  /** The 版记, or null when the document has none. */
  colophon: ReactNode | null;
  zoom: number;
  onPages: (pages: number) => void;
}

interface Sheets {
  pages: number;
  colophonPage: number | null;
  blankPage: number | null;
}

export function PageFlow({ children, colophon, zoom, onPages }: PageFlowProps) {
  const flowRef = useRef<HTMLDivElement>(null);
  const cutsRef = useRef<HTMLDivElement>(null);
  const repeatsRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<PageLayer | null>(null);
  const hasColophon = colophon !== null;
  const colophonRef = useRef(hasColophon);
  colophonRef.current = hasColophon;
  const onPagesRef = useRef(onPages);
  onPagesRef.current = onPages;
  const [sheets, setSheets] = useState<Sheets>({ pages: 1, colophonPage: null, blankPage: null });
  const deskRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<SheetRange>({ first: 1, last: 1 + SHEET_SLACK });
  const pagesRef = useRef(sheets.pages);
  pagesRef.current = sheets.pages;

  // The sheets in sight (./sheet-window.ts): on any scroller's scroll (capture: scroll events do
  // not bubble) and on resize, at most once a frame; and after the page count or zoom changed.
  const frameRef = useRef(0);
  const updateDrawn = useRef(() => {
    const desk = deskRef.current;
    if (!desk) return;
    const rect = desk.getBoundingClientRect();
    // Client rects are zoomed; the desk is one paper wide unzoomed.
    const scale = rect.width > 0 ? rect.width / PAPER_PX.width : 1;
    const top = -rect.top / scale;
    const bottom = ((typeof innerHeight === 'number' ? innerHeight : 0) - rect.top) / scale;
    setDrawn((current) => sheetWindow(top, bottom, pagesRef.current, current));
  }).current;
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined' || typeof document === 'undefined') return undefined;
    const onView = () => {
      if (frameRef.current) return;
      frameRef.current = requestAnimationFrame(() => {
        frameRef.current = 0;
        updateDrawn();
      });
    };
    document.addEventListener('scroll', onView, { capture: true, passive: true });
    addEventListener('resize', onView);
    return () => {
      document.removeEventListener('scroll', onView, { capture: true });
      removeEventListener('resize', onView);
      cancelAnimationFrame(frameRef.current);
      frameRef.current = 0;
    };
  }, [updateDrawn]);
  useLayoutEffect(() => {
    updateDrawn();
  }, [sheets.pages, zoom, updateDrawn]);

  useLayoutEffect(() => {
    const flow = flowRef.current;
    const cuts = cutsRef.current;
    const repeats = repeatsRef.current;
    if (!flow || !cuts || !repeats || typeof ResizeObserver === 'undefined' || typeof requestAnimationFrame === 'undefined') return undefined;
    const layer = new PageLayer({
      flow,
      cuts,
      repeats,
      colophon: () => colophonRef.current,
      onLayout: (layout: Pagination) => {
        setSheets({ pages: layout.pages, colophonPage: layout.colophonPage, blankPage: layout.blankPage });
        onPagesRef.current(layout.pages);
      },
    });
    layerRef.current = layer;
    return () => {
      layer.dispose();
      layerRef.current = null;
    };
  }, []);

  useEffect(() => {
    layerRef.current?.refresh();
  }, [hasColophon, zoom]);

  const first = Math.min(drawn.first, sheets.pages);
  const last = Math.min(drawn.last, sheets.pages);
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <div className="gw-zoom" style={{ zoom: zoom / 100 }}>
      <div className="gw-desk" ref={deskRef} style={{ ...PAGE_STYLE, height: `${sheets.pages * SHEET_PITCH_PX - SHEET_GAP_PX}px` }} data-pages={sheets.pages}>
        <div className="gw-sheets" aria-hidden="true">
          {numbers.map((n) => (
            <div key={n} className="gw-sheet" data-page={n} style={{ top: `${(n - 1) * SHEET_PITCH_PX}px`, height: `${PAPER_PX.height}px` }}>
              {n === sheets.blankPage ? null : (
                <span className={n % 2 === 1 ? 'gw-page-number gw-page-number-odd' : 'gw-page-number gw-page-number-even'}>{PAGE_NUMBER.format(n)}</span>
              )}
            </div>
          ))}
        </div>
        <div className="gw-flow" ref={flowRef}>
          <div className="gw-cuts" ref={cutsRef} aria-hidden="true" />
          {/* A continued table's header rows, repeated at the top of the sheet (page-layer.ts). */}
          <div className="gw-repeats" ref={repeatsRef} aria-hidden="true" />
          {children}
        </div>
        {/* Printed: the blank page before an even-page 版记 (Chromium's break-before: left adds none). */}
        {colophon !== null && sheets.blankPage !== null ? <div className="gw-print-blank" aria-hidden="true" /> : null}
        {colophon !== null && sheets.colophonPage !== null ? (
          <div className="gw-colophon-slot" style={{ top: `${(sheets.colophonPage - 1) * SHEET_PITCH_PX}px` }}>
            {colophon}
          </div>
        ) : null}
      </div>
    </div>
  );
}

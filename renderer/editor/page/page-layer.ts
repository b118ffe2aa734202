/**
 * The page layer beside the one flat Lexical document (Lexical's guidance, playground PR
 * #9172): the document's content is never changed for layout. The flow (版头, body, closing) is
 * one column; each page boundary is carried by the block it cuts, written as attributes and
 * custom properties (`data-gw-cut`, editor.css), which Lexical neither observes nor reconciles:
 *
 * - a page that starts with a block: a top margin on it, down to the next sheet's type area;
 * - a page that starts inside a paragraph: a full-width float at the paragraph's top (in a
 *   numbered heading, whose ::before is its number, in its first child: below its first line)
 *   whose shape (a polygon of full-width bands) starts half a line into the first line of the
 *   next page, so the lines above flow beside nothing and that line goes below the band, onto
 *   the next sheet. Chromium steps a line past a shape in whole px from where it lay, so the
 *   band pushes by the whole number of px nearest to the type area (half a px off at most);
 * - a table: a gap on the row that starts the next sheet (below).
 *
 * Why the cuts ride on the blocks: a float lays out again every block beside or above its end
 * whenever that block moves (LayoutNG shifts a block without laying it out only when it lies
 * below every float seen so far in its formatting context: the exclusion space's clearance
 * offset, MaySkipLayoutWithinBlockFormattingContext). With all floats in one holder at the top
 * of the flow, a key that wrapped a line laid out every sheet from the caret to the horizon
 * again (3.5–7 ms at 30 pages, README "Benchmarks"); a float inside its own block ends above
 * every block after it, so the text after a wrap is moved, not laid out (0.6–0.9 ms). For the
 * same reason no float hangs out of a block (a float after a block, pushing the next: that
 * made every wrap lay out again, 4.9 ms).
 *
 * Where each page starts comes from shared/page/paginate.ts (the policy the .docx states to
 * Word/LibreOffice: 22 lines, no widow control, stand-alone headings kept with the next
 * paragraph). Its input is the natural height of each block (its box without the cuts in it),
 * measured incrementally: a ResizeObserver reports only the blocks whose height changed (a key
 * that wraps no line costs nothing here), a MutationObserver the blocks added or removed. Every
 * place is computed from the natural tops (the heights summed) on the layout's grid (1/64 of a
 * zoomed px; the zoom, a whole percentage, from the flow's width), so a cut lands where it was
 * meant to, not a rounding off per boundary down a long report.
 *
 * The cuts move with the text: a wrapped line moves every page after it by a line until they
 * are written again. So a change is cut at once, before its frame is painted (a block added:
 * in the animation frame, before its layout; a height changed: in the ResizeObserver's callback,
 * after layout, before paint). A cut written in that callback lays the frame out once more, so it
 * writes only the boundaries whose text reaches the screen; those of the other sheets in sight,
 * below the screen, follow in the next frame, before its layout (writeCut). Each float written
 * lays its paragraph's lines out again (~0.4 ms),
 * so these cuts write only the boundaries of the sheets in sight; the rest (to the horizon) are
 * written once typing pauses (EDIT_PAUSE_MS; every edit postpones it), or before a scroll
 * shows them. Out of sight, meanwhile, a page may run a line into its margin.
 *
 * A table cannot be cut by a float: it is a formatting context of its own, which the browser
 * moves whole below any float it would overlap. So a table is measured row by row and
 * paginate.ts breaks it between rows; at a break inside a table the row that starts the next
 * sheet gets a top gap (`data-gw-gap`, `--gw-row-gap`: padding of its cells, its side rules
 * drawn below the gap only, editor.css) down to the next sheet's type area and the header rows
 * repeated there. The repeated header is a decoration of this layer (a copy of the header rows
 * in `.gw-repeats`, outside the editor's root). Lexical recreates a row only when the row's own
 * height changes (then the gap is written again). Gaps are cut like the floats: those of the sheets
 * in sight at once, the rest at the pause (before, a table across sheets anywhere in the report
 * made every cut full: a wrap key far below it rewrote every float to the horizon, 10 ms of layout).
 *
 * The cuts reach only HORIZON_PAGES sheets past the last one on screen (past the horizon the
 * text runs on uncut, out of sight; scrolling moves the horizon before those sheets are seen).
 * Above the screen, the boundaries of the sheets more than BEHIND_PAGES above the first in sight
 * are replaced by one float (the lump, in `.gw-cuts`), at the top of the first paragraph of the
 * body on page 1 (below the 版头, which keeps its own layout), as tall as the text is moved
 * down at the first boundary kept, so the text below lands where it would with all of them.
 * Each float before the caret costs the browser on every keystroke (README "Benchmarks"). The
 * lumped text is out of sight, drawn over the wrong sheets. A scroll towards either end re-cuts
 * before those sheets come into sight. A jump into them (Ctrl+End, Ctrl+Home, the outline, find)
 * re-cuts, and when the caret moved since the last scroll re-cut, scrolls so the caret stays where
 * the jump put it on screen; the scroller's own scroll anchoring is off (`overflow-anchor: none`),
 * it would chase the lumped text.
 *
 * Nor are all body blocks observed once a cut has settled: the ResizeObserver checks every
 * observed element in every frame (at 300 pages, 3000 blocks: 0.5 ms a key, bare Lexical 0). A
 * block's natural height changes only when the block itself changes, so after a cut that the next
 * frame confirms (no measured height changed) the observed are the blocks edited since that cut
 * (the document's MutationObserver names them), new blocks and their neighbours, tables, the 版头
 * and the closing pieces. This layer's own writes are taken back from that observer as they are
 * made: they are no edits. Until a cut settles every block stays observed. Anything that changes
 * heights without an edit (fonts, zoom, printing) refreshes, and every block is observed again.
 */
import { GRID, MARGINS, PAPER, TYPE_AREA, mmToPx, ptToPx } from '../../../shared/page/geometry';
import { paginate, type FlowBlock, type Pagination } from '../../../shared/page/paginate';
import { createPauseTimer } from '../../platform/pause-timer';

export const PAPER_PX = { width: mmToPx(PAPER.widthMm), height: mmToPx(PAPER.heightMm) };
export const TYPE_PX = { width: mmToPx(TYPE_AREA.widthMm), height: mmToPx(TYPE_AREA.heightMm), top: mmToPx(MARGINS.topMm), left: mmToPx(MARGINS.leftMm) };
export const LINE_PX = ptToPx(GRID.linePitchPt);
/** The desk between two sheets on screen (not printed). */
export const SHEET_GAP_PX = 18;
/** From the top of one sheet to the top of the next. */
export const SHEET_PITCH_PX = PAPER_PX.height + SHEET_GAP_PX;

/** Top of page `k`'s type area (0-based) in flow coordinates (0 = page 1's type-area top). */
export const typeTop = (k: number): number => k * SHEET_PITCH_PX;

/** Cuts allowed after one change before the layer waits for the next (see settleBudget). */
const SETTLE_RUNS = 4;
/** Sheets past the last one on screen that get their floats (see the file comment). */
export const HORIZON_PAGES = 40;
/** The horizon is moved once the screen comes this close to it (or this much further back). */
const HORIZON_SLACK_PAGES = 15;
/** Sheets above the first one on screen that keep their floats (see the file comment). */
export const BEHIND_PAGES = 6;
/** Scrolled up to this few exact sheets above the screen, the floats above are written again. */
const BEHIND_MIN_PAGES = 2;
/** Fewer floats than this above the exact sheets are kept as they are (one float would save little). */
const LUMP_MIN_FLOATS = 8;
/** Typing pauses after this long without another edit (the repeated table headers follow then; the status bar's count too). */
export const EDIT_PAUSE_MS = 400;
/** The custom properties a block's cut is written in (editor.css). */
const CUT_PROPERTIES = ['--gw-push', '--gw-float-h', '--gw-float-shape'];

interface Measured {
  /** Natural height in px (the floats inside subtracted). */
  height: number;
  unbreakable: boolean;
  keepWithNext: boolean;
  /** A table: each row's natural height in px (the gaps written by this layer subtracted). */
  rows?: number[];
  headerRows?: number;
  rowJoined?: boolean[];
}


/** The flow's place in the window. */
interface Frame {
  top: number;
  height: number;
  scale: number;
}

/** Rows of a table element (Lexical writes them straight into <table>; a parsed one has a <tbody>). */
const rowsOf = (table: HTMLElement): HTMLTableRowElement[] => Array.from((table as HTMLTableElement).rows ?? []);
const isTable = (el: HTMLElement): boolean => el.tagName === 'TABLE';
/** A header row: every cell a header cell (the model's header rows, w:tblHeader). */
const isHeaderRow = (row: HTMLTableRowElement): boolean => row.cells.length > 0 && Array.from(row.cells).every((c) => c.tagName === 'TH');
/** Whether a node lies in a table's header row. */
function inHeaderRow(node: Node): boolean {
  const row = (node instanceof Element ? node : node.parentElement)?.closest('tr');
  return Boolean(row && isHeaderRow(row));
}
/** The gap written on a row, px (0 without one). */
const gapOf = (row: HTMLElement): number => (row.hasAttribute('data-gw-gap') ? parseFloat(row.style.getPropertyValue('--gw-row-gap')) || 0 : 0);
export interface PageLayerOptions {
  /** The flow container (display: flow-root); its first child is the lump's holder. */
  flow: HTMLElement;
  /** Holder of the lump, the one float for the boundaries above the exact sheets (first child of `flow`); its `data-pending` says a full cut waits for the pause. */
  cuts: HTMLElement;
  /** Holder of the repeated table header rows (a child of `flow`, positioned, not a block of the flow). */
  repeats: HTMLElement;
  /** Whether a 版记 follows the body on its own even page. */
  colophon: () => boolean;
  onLayout: (layout: Pagination) => void;
}

/** Blocks of the flow, in order: the 版头, each body block, each closing piece. */
function flowBlocks(flow: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const child of Array.from(flow.children) as HTMLElement[]) {
    if (child.classList.contains('gw-cuts') || child.classList.contains('gw-repeats')) continue;
    if (child.classList.contains('gw-body') || child.classList.contains('gw-closing')) {
      out.push(...(Array.from(child.children) as HTMLElement[]));
    } else out.push(child);
  }
  return out;
}

function kindOf(el: HTMLElement): { unbreakable: boolean; keepWithNext: boolean } {
  const cls = el.classList;
  // The 版头 with title and 主送机关, and the 署名/日期 box, are laid out as one piece.
  const unbreakable = cls.contains('gw-head') || cls.contains('gw-signature');
  const keepWithNext = cls.contains('gw-heading') && el.querySelector('.gw-run-in') === null;
  return { unbreakable, keepWithNext };
}

/** A page boundary of the pagination, in natural flow px (the flow laid out without any cut). */
interface Boundary {
  /** The page (0-based) whose type area it starts. */
  page: number;
  /** The page's first block, and where in it the page starts. */
  block: number;
  line: number;
  row?: number;
  /** Lines of the repeated header rows (with `row`). */
  repeat: number;
  /** Where the page's first line must go minus where it lies without cuts: everything after it moves down by this. */
  delta: number;
  /** Where the page's first line lies without cuts, and where it must go (its sheet's type area, below the repeated header rows). */
  natural: number;
  target: number;
}

/** One float's band: [from, to) from the float's top, px; `from` is where the first line it pushes lies without it. */
interface Band {
  from: number;
  to: number;
}

/** What one block carries for the cut (see the file comment). */
interface Anchor {
  /** The first page it starts (0-based). */
  page?: number;
  /** A top margin: the block starts a page at its top. */
  push?: number;
  /**
   * A float in the block whose shape pushes the lines that start pages inside it: at its top, or
   * (`inner`, a heading, whose ::before is its number) in its first child, below its first line.
   * `top`: from the block's top to the float's.
   */
  float?: { height: number; bands: Band[]; top: number; inner: boolean };
  /** Where the first text it moves lies before it moves it (flow px, at the cut that wrote it): what it changes on screen starts there. */
  reach?: number;
}

const sameBand = (a: Band, b: Band) => Math.abs(a.from - b.from) < 1 / 128 && Math.abs(a.to - b.to) < 1 / 128;
function sameAnchor(a: Anchor, b: Anchor): boolean {
  const near = (x: number | undefined, y: number | undefined) => (x === undefined ? y === undefined : y !== undefined && Math.abs(x - y) < 1 / 128);
  if (!near(a.push, b.push) || Boolean(a.float) !== Boolean(b.float)) return false;
  if (a.float && b.float && (a.float.inner !== b.float.inner || !near(a.float.height, b.float.height) || a.float.bands.length !== b.float.bands.length || a.float.bands.some((x, i) => !sameBand(x, b.float!.bands[i]!)))) return false;
  return true;
}

/** The tokens of `data-gw-cut` an anchor writes. */
const anchorTokens = (a: Anchor) => [a.push !== undefined ? 'push' : '', a.float ? (a.float.inner ? 'inner' : 'float') : ''].filter(Boolean).join(' ');

/**
 * The float's shape: a full-width band for each page start, joined by a spine of no width
 * (a polygon, so one float can cut a paragraph that spans more than two sheets).
 */
function shapeOf(bands: readonly Band[], grid: { unit: number; lineBox: number }): string {
  const pts: string[] = [];
  bands.forEach((b, i) => {
    // Half a line into the first pushed line: that line overlaps the shape, the line before does not.
    const top = b.from + grid.lineBox / 2;
    // A band ends half a unit above where its line goes (the line steps down past it in whole px);
    // the last one reaches past the float's box, which ends the shape there.
    const end = i === bands.length - 1 ? b.to + grid.lineBox : (Math.round(b.to / grid.unit) - 0.5) * grid.unit;
    pts.push(`0 ${top.toFixed(4)}px`, `100% ${top.toFixed(4)}px`, `100% ${end.toFixed(4)}px`, `0 ${end.toFixed(4)}px`);
  });
  return `polygon(${pts.join(', ')})`;
}

/**
 * Where a block can carry a float: 'top' (a paragraph, a heading without a number, a closing
 * piece of paragraphs), 'inner' (a numbered heading, whose ::before is its number: in its first
 * child, so below its first line), or nowhere (then it is moved whole by a top margin). Never after a block: a float that hangs out of its block
 * makes the browser lay out again every block below it whenever they move (the cost this layer
 * avoids, see the file comment).
 */
function floatPlace(el: HTMLElement): 'top' | 'inner' | null {
  if (el.classList.contains('gw-attachments')) return 'top';
  if (el.tagName !== 'P') return null;
  if (!el.classList.contains('gw-heading')) return 'top';
  // Without a number its ::before is empty, and can be the float.
  if (!el.getAttribute('data-gw-label')) return 'top';
  const first = el.firstElementChild;
  return first && first.tagName !== 'BR' ? 'inner' : null;
}

export class PageLayer {
  private readonly opts: PageLayerOptions;
  private blocks: HTMLElement[] = [];
  private readonly measured = new WeakMap<HTMLElement, Measured>();
  /** Each block's top in the flow laid out without cuts (the natural heights summed), from the last cut. */
  private tops: number[] = [];
  /** What the blocks carry, as written. */
  private anchors = new Map<HTMLElement, Anchor>();
  /** The one float for the sheets above the exact ones, as written (flow px), and the block it pushes. */
  private lump: { top: number; bottom: number; block: HTMLElement } | null = null;
  /** Table rows given a gap (the first row of a table's part on the next sheet), px. */
  private gaps = new Map<HTMLTableRowElement, number>();
  /** The page (0-based) each gap starts. */
  private gapPages = new Map<HTMLTableRowElement, number>();
  /** Where the text each gap moves lies before it moves it (flow px, at the cut that wrote it; see Anchor.reach). */
  private gapReach = new Map<HTMLTableRowElement, number>();
  /** How much the measured heights changed (summed, either way) since the last cut, px: how far the text on screen may lie from where the last cut had it. */
  private heightChange = 0;
  /** The sheets in sight wait for the next frame (their cuts lie below the screen): see the ResizeObserver. */
  private inSightDue = false;
  /** What the repeated headers show, to write them only when it changes. */
  private repeatsKey = '';
  /** Each block's index in the flow (kept with `blocks`). */
  private order = new WeakMap<HTMLElement, number>();
  private layout: Pagination | null = null;
  private readonly resize: ResizeObserver;
  private readonly mutation: MutationObserver;
  private frame = 0;
  /** The timer of the full cut (and the repeated headers' update), waiting for a pause in typing. */
  private readonly pause = createPauseTimer(() => {
    this.fullCut = true;
    this.schedule();
  }, EDIT_PAUSE_MS);
  /** The next cut writes every boundary to the horizon (else those in sight: see writeCut). */
  private fullCut = true;
  /** Boundaries out of sight were left as they were by the last cut: written at the pause, or before a scroll shows them. */
  private stale = false;
  /**
   * The pages (0-based) whose boundaries the last cut wrote: from the first sheet in sight to the
   * start of the one after the last. A scroll that keeps the sheets in view among them needs no
   * cut (typing on the window's last line scrolls by a line on every wrap).
   */
  private cutInSight = { first: 0, last: Infinity };
  /** The boundary the lump was kept before at the last full cut, and the lump's block's index. */
  private lumpAt: { keep: number; lead: number } | null = null;
  private structureDirty = true;
  private disposed = false;
  private readonly printing: MediaQueryList | null;
  private readonly onMedia: () => void;
  private readonly edits: MutationObserver;
  private readonly onFonts: () => void;
  /**
   * Re-cuts still allowed before the next edit: a cut whose measurements disagree with the one
   * before it by a sub-pixel must not cut again for ever. A change to the document, a refresh or
   * a zoom tops the budget up; measurements keep being recorded without it, so the next cut uses them.
   */
  private settleBudget = SETTLE_RUNS;
  /** The first page (0-based) whose boundary is not written; Infinity before the first cut. */
  private horizon = Infinity;
  /** The first page (0-based) whose text lies on its sheet: the boundaries above it are one float (see the file comment). */
  private exactFrom = 0;
  /** The caret at the last scroll's re-cut check (a jump moves it, then scrolls). */
  private caretSeen: { node: Node | null; offset: number } = { node: null, offset: 0 };
  /** The scroller of the desk (known from its first scroll event): a jump's re-cut scrolls it back onto the block. */
  private scroller: Element | null = null;
  private horizonFrame = 0;
  private readonly onScroll: (event: Event) => void;
  /** Blocks the ResizeObserver watches (the flow itself aside); see the file comment. */
  private readonly watched = new Set<HTMLElement>();
  /** Blocks edited, added or beside an added one since the last cut: kept watched by the settle check a frame later. */
  private touched = new Set<HTMLElement>();
  /** A measured height changed since the last cut (set by the ResizeObserver): the cut has not settled. */
  private unsettled = false;
  private settleFrame = 0;

  constructor(opts: PageLayerOptions) {
    this.opts = opts;
    // While printing, the flow is laid out for paper (no cuts): nothing measured then is the
    // screen's, and the sheets' layout (blank page, 版记 page) must stay as it is.
    this.printing = typeof matchMedia === 'function' ? matchMedia('print') : null;
    this.onMedia = () => {
      if (!this.printing?.matches) this.refresh();
    };
    this.printing?.addEventListener?.('change', this.onMedia);
    // A face that arrives late changes line heights without any edit.
    this.onFonts = () => this.refresh();
    if (typeof document !== 'undefined') document.fonts?.addEventListener?.('loadingdone', this.onFonts);
    this.resize = new ResizeObserver((entries) => {
      if (this.printing?.matches) return;
      let changed = false;
      const frame = this.frameOf();
      for (const entry of entries) {
        // The flow itself is observed for its height only (see overflows).
        if (entry.target !== opts.flow && this.measure(entry.target as HTMLElement, frame)) changed = true;
      }
      // A row Lexical recreated (its height changed) has lost its gap: write it again now.
      for (const row of this.gaps.keys()) if (!row.isConnected || gapOf(row) === 0) changed = true;
      if (changed) this.unsettled = true;
      // Without budget, nothing: a cut must not feed itself; the next edit tops the budget up first.
      if (this.settleBudget <= 0) return;
      // Cut now, in this frame, before it is painted: the cuts move with the text, so a wrapped
      // line moved every page after it (a line into a margin) until they are written again.
      // Written cheaply: moving a cut lays out the block that carries it (see the file comment).
      if (changed || (this.structureDirty && this.overflows(frame))) {
        if (this.frame) cancelAnimationFrame(this.frame);
        this.frame = 0;
        this.run(true);
      }
    });
    // Any change of the document's text or blocks (typing, paste, undo) earns a fresh budget.
    // This layer's own writes are taken back from the observer as they are made (ownWritesDone).
    this.edits = new MutationObserver((records) => {
      const own = (r: MutationRecord) => opts.cuts.contains(r.target) || opts.repeats.contains(r.target);
      for (const r of records) {
        if (own(r)) continue;
        const block = this.blockOf(r.target);
        if (block) this.touch(block);
      }
      const edited = (r: MutationRecord) => r.type !== 'attributes' && !own(r);
      if (records.some(edited)) {
        this.settleBudget = SETTLE_RUNS;
        // The full cut waits for a pause in typing, not in height changes: a key that wraps no line
        // still postpones it (else it ran mid-typing: every float to the horizon written again).
        if (this.pause.pending) this.scheduleEdit();
      }
      // Text typed in a header row that is repeated on a later sheet: the copies follow at the pause.
      if (this.repeatsKey && records.some((r) => edited(r) && inHeaderRow(r.target))) this.scheduleEdit();
    });
    this.edits.observe(opts.flow, { childList: true, characterData: true, attributes: true, subtree: true });
    // Any scroller's scroll (capture: scroll events do not bubble), at most once a frame.
    this.onScroll = (event: Event) => {
      const target = event.target;
      if (target instanceof Element && target.contains(opts.flow)) this.scroller = target;
      else if (target === document) this.scroller = document.scrollingElement;
      if (this.horizonFrame || this.disposed) return;
      this.horizonFrame = requestAnimationFrame(() => {
        this.horizonFrame = 0;
        if (!this.layout || this.printing?.matches) return;
        const want = this.exactWanted();
        const behind = want.firstSeen - this.exactFrom;
        const recut =
          Math.abs(want.to - this.horizon) >= HORIZON_SLACK_PAGES ||
          (this.exactFrom > 0 && behind < BEHIND_MIN_PAGES) ||
          behind >= BEHIND_PAGES + HORIZON_SLACK_PAGES;
        const covered = want.firstSeen >= this.cutInSight.first && want.lastSeen + 1 <= this.cutInSight.last;
        if (recut || (this.stale && !covered)) this.recutInSight(this.layout, want);
      });
    };
    if (typeof document !== 'undefined') document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    // Blocks added or removed: cut in this frame (the animation frame comes before its layout).
    this.mutation = new MutationObserver(() => {
      this.structureDirty = true;
      this.settleBudget = SETTLE_RUNS;
      this.schedule();
    });
    const { flow } = opts;
    this.resize.observe(flow);
    this.mutation.observe(flow, { childList: true });
    for (const part of Array.from(flow.querySelectorAll(':scope > .gw-body, :scope > .gw-closing'))) this.mutation.observe(part, { childList: true });
    this.schedule();
  }

  /** The block of the flow a node lies in (null: none, or a part's own node). */
  private blockOf(node: Node): HTMLElement | null {
    const { flow } = this.opts;
    let el: Element | null = node instanceof Element ? node : node.parentElement;
    while (el && el.parentElement) {
      const parent = el.parentElement;
      if (parent === flow) return el.classList.contains('gw-body') || el.classList.contains('gw-closing') ? null : (el as HTMLElement);
      if (parent.parentElement === flow && (parent.classList.contains('gw-body') || parent.classList.contains('gw-closing'))) return el as HTMLElement;
      el = parent;
    }
    return null;
  }

  /** Always watched: not a body block (版头, closing pieces) or a table (its rows carry gaps). */
  private alwaysWatched(el: HTMLElement): boolean {
    return !el.parentElement?.classList.contains('gw-body') || isTable(el);
  }

  private watch(el: HTMLElement): void {
    if (this.watched.has(el)) return;
    this.watched.add(el);
    this.resize.observe(el);
  }

  private touch(el: HTMLElement): void {
    this.touched.add(el);
    this.watch(el);
  }

  /** Something outside the flow changed (a 版记 added or removed), or printing ended: measure all again. */
  refresh(): void {
    this.structureDirty = true;
    this.fullCut = true;
    this.settleBudget = SETTLE_RUNS;
    this.remeasure = true;
    this.schedule();
  }
  private remeasure = false;

  dispose(): void {
    this.disposed = true;
    this.printing?.removeEventListener?.('change', this.onMedia);
    if (typeof document !== 'undefined') document.fonts?.removeEventListener?.('loadingdone', this.onFonts);
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.horizonFrame);
    cancelAnimationFrame(this.settleFrame);
    if (typeof document !== 'undefined') document.removeEventListener('scroll', this.onScroll, { capture: true });
    this.pause.cancel();
    this.resize.disconnect();
    this.mutation.disconnect();
    this.edits.disconnect();
    this.writeGaps(new Map());
    this.writeAnchors(new Map());
  }

  /** The flow's top, height and zoom factor (client rects are zoomed; the layout works in unzoomed px). */
  private frameOf(): Frame {
    const r = this.opts.flow.getBoundingClientRect();
    // The zoom is a whole percentage (ZoomPlugin); the width, on the layout grid, gives it only to
    // ~1e-5, which 30 000 px down the flow is more than half a pixel.
    const scale = r.width > 0 ? Math.round((r.width / TYPE_PX.width) * 100) / 100 : 1;
    return { top: r.top, height: r.height / scale, scale };
  }

  /**
   * The sheets whose text must lie on its sheet for the screen as it is (0-based pages): from
   * BEHIND_PAGES above the first in the window (`from`) to HORIZON_PAGES past the last (`to`,
   * the horizon).
   */
  private exactWanted(): { from: number; to: number; firstSeen: number; lastSeen: number } {
    const { top, scale } = this.frameOf();
    const screenTop = -top / scale;
    const screenBottom = ((typeof innerHeight === 'number' ? innerHeight : 0) - top) / scale;
    const firstSeen = Math.max(0, Math.floor(screenTop / SHEET_PITCH_PX));
    const lastSeen = Math.max(0, Math.ceil(screenBottom / SHEET_PITCH_PX));
    return { from: Math.max(0, firstSeen - BEHIND_PAGES), to: lastSeen + HORIZON_PAGES, firstSeen, lastSeen };
  }

  /**
   * A scroll's re-cut. When the window shows text outside the exact sheets, that text moves
   * with the cut: after a jump (Ctrl+End, the outline, find: each moves the caret, then scrolls
   * to it) the caret is kept where the jump put it on screen. A scroll bar dragged far shows
   * the sheet it was dragged to, with its text once cut (nothing is anchored).
   */
  private recutInSight(layout: Pagination, want: { from: number; to: number; firstSeen: number }): void {
    // Kept on the caret, the window may still show sheets the cut did not make exact (it was
    // made for the window before): cut again for where it is now (twice at most).
    const jumped = this.caretMoved();
    for (let pass = 0; pass < 3; pass++) {
      const caret = jumped && !this.isExact(want) ? this.caretInWindow() : null;
      const before = caret?.() ?? null;
      this.writeCut(layout);
      if (before === null || !this.scroller) return;
      const after = caret!();
      if (after === null || Math.abs(after - before) <= 0.5) return;
      this.scroller.scrollTop += after - before;
      want = this.exactWanted();
      if (this.isExact(want)) return;
    }
  }

  /** Whether every sheet in the window lies between the exact sheets' first and the horizon. */
  private isExact(want: { to: number; firstSeen: number }): boolean {
    return want.firstSeen >= this.exactFrom && want.to - HORIZON_PAGES <= this.horizon;
  }

  /**
   * Whether the caret moved since the last re-cut for a scroll: only then is a scroll a jump to
   * it. Text the scroll bar shows by chance, the caret's among it, is no jump.
   */
  private caretMoved(): boolean {
    const selection = typeof document !== 'undefined' ? document.getSelection() : null;
    const focus = selection?.focusNode ?? null;
    const offset = selection?.focusOffset ?? 0;
    const moved = focus !== this.caretSeen.node || offset !== this.caretSeen.offset;
    this.caretSeen = { node: focus, offset };
    return moved;
  }

  /** A reader of the caret's top in the window (its block's top if it has no box); null when the caret is not in the window. */
  private caretInWindow(): (() => number | null) | null {
    const selection = typeof document !== 'undefined' ? document.getSelection() : null;
    const focus = selection?.focusNode;
    const block = focus ? this.blockOf(focus) : null;
    if (!selection || !block || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0).cloneRange();
    range.collapse(selection.focusNode === range.endContainer && selection.focusOffset === range.endOffset ? false : true);
    const read = () => {
      if (!block.isConnected) return null;
      const r = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
      return r && (r.height > 0 || r.top !== 0) ? r.top : block.getBoundingClientRect().top;
    };
    const top = read();
    const height = typeof innerHeight === 'number' ? innerHeight : 0;
    return top !== null && top >= 0 && top < height ? read : null;
  }

  /** Whether the text runs past the last sheet's type area (it must be cut now, not at the pause). */
  private overflows(frame: { height: number }): boolean {
    if (!this.layout) return false;
    return frame.height > typeTop(this.layout.contentPages - 1) + GRID.linesPerPage * LINE_PX + 0.5;
  }

  /**
   * A table's rows: each row's height from its top to the next row's top (the first row from
   * the table's top, the last to its bottom, so the rows add up to the table's height), its
   * gap subtracted; the header rows; the rows joined to the next by a cell spanning them.
   */
  private measureTable(el: HTMLElement, frame: Frame): Measured {
    const rows = rowsOf(el);
    const box = el.getBoundingClientRect();
    const tops = rows.map((row) => (row.getBoundingClientRect().top - frame.top) / frame.scale);
    const tableTop = (box.top - frame.top) / frame.scale;
    const tableBottom = (box.bottom - frame.top) / frame.scale;
    const heights = rows.map((row, r) => {
      const from = r === 0 ? tableTop : tops[r]!;
      const to = r + 1 < rows.length ? tops[r + 1]! : tableBottom;
      return Math.max(0, to - from - gapOf(row));
    });
    let headerRows = 0;
    while (headerRows < rows.length && isHeaderRow(rows[headerRows]!)) headerRows += 1;
    const rowJoined = rows.map(() => false);
    rows.forEach((row, r) => {
      for (const cell of Array.from(row.cells)) for (let k = r; k < Math.min(rows.length - 1, r + cell.rowSpan - 1); k++) rowJoined[k] = true;
    });
    const height = heights.reduce((a, h) => a + h, 0);
    return { height, unbreakable: false, keepWithNext: false, rows: heights, headerRows, rowJoined };
  }

  /** Reads one block's natural height; true when it changed. Layout is clean here (RO callback / frame). */
  private measure(el: HTMLElement, frame = this.frameOf()): boolean {
    if (isTable(el)) {
      const prev = this.measured.get(el);
      const next = this.measureTable(el, frame);
      this.measured.set(el, next);
      this.heightChange += Math.abs(next.height - (prev?.height ?? 0));
      return (
        !prev ||
        prev.headerRows !== next.headerRows ||
        prev.rows?.length !== next.rows!.length ||
        next.rows!.some((h, r) => Math.abs(h - prev.rows![r]!) > 0.25) ||
        next.rowJoined!.some((j, r) => j !== prev.rowJoined![r])
      );
    }
    const r = el.getBoundingClientRect();
    const top = (r.top - frame.top) / frame.scale;
    const bottom = (r.bottom - frame.top) / frame.scale;
    let height = bottom - top;
    for (const band of this.pushesNear(el, frame)) if (band.from >= top - 0.5 && band.from < bottom - 0.5) height -= band.to - band.from;
    const { unbreakable, keepWithNext } = kindOf(el);
    const prev = this.measured.get(el);
    const next = { height: Math.max(0, height), unbreakable, keepWithNext };
    this.measured.set(el, next);
    this.heightChange += Math.abs(next.height - (prev?.height ?? 0));
    return !prev || Math.abs(prev.height - next.height) > 0.25 || prev.keepWithNext !== keepWithNext || prev.unbreakable !== unbreakable;
  }

  /**
   * Where the floats that may push lines of `el` push them, in flow px: its own float, those of
   * the two blocks before it (one that hangs out of a block an edit made shorter) and the lump.
   * Read from where the browser has their blocks now.
   */
  private pushesNear(el: HTMLElement, frame: Frame): Band[] {
    const out: Band[] = [];
    if (this.lump?.block === el) out.push({ from: this.lump.top, to: this.lump.bottom });
    if (this.anchors.size === 0) return out;
    const at = this.order.get(el);
    const near = at === undefined ? [el] : [this.blocks[at - 2], this.blocks[at - 1], this.blocks[at]];
    for (const b of near) {
      const anchor = b ? this.anchors.get(b) : undefined;
      if (!b || !anchor?.float) continue;
      const top = (b.getBoundingClientRect().top - frame.top) / frame.scale + anchor.float.top;
      for (const band of anchor.float.bands) out.push({ from: top + band.from, to: top + band.to });
    }
    return out;
  }

  /** Re-cut after an edit, once typing pauses (a further edit postpones it). */
  private scheduleEdit(): void {
    if (this.disposed) return;
    // Written once: an attribute write on every key is a mutation record (and an observer call) a key.
    if (this.opts.cuts.dataset.pending === undefined) this.opts.cuts.dataset.pending = '';
    this.pause.poke();
  }

  private schedule(): void {
    if (this.frame || this.disposed) return;
    this.pause.cancel();
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.run();
    });
  }

  /** `inLayout`: called from the ResizeObserver, after this frame's layout (see writeCut). */
  private run(inLayout = false): void {
    if (this.disposed || this.printing?.matches) return;
    if (!this.pause.pending) delete this.opts.cuts.dataset.pending;
    if (this.remeasure) {
      this.remeasure = false;
      // Measured without any cut: after a zoom Chromium laid a float's lines out, in the first
      // layout, as if it had no shape (every line of its paragraph below it), and heights read
      // then were whole pages too tall (a 39-page report cut as 49 pages at 50 %).
      this.writeAnchors(new Map());
      this.writeLump(null);
      this.edits.takeRecords();
      const frame = this.frameOf();
      for (const el of this.blocks) {
        this.measure(el, frame);
        this.touch(el);
      }
    }
    if (this.structureDirty) {
      this.structureDirty = false;
      const next = flowBlocks(this.opts.flow);
      const old = new Set(this.blocks);
      const frame = this.frameOf();
      // The order first: a new block is measured against the floats of the blocks before it.
      const oldBlocks = this.blocks;
      const oldOrder = this.order;
      this.blocks = next;
      this.order = new WeakMap(next.map((el, i) => [el, i]));
      next.forEach((el, i) => {
        if (old.has(el)) old.delete(el);
        else {
          // A new block and its neighbours (a sibling rule in the style sheet can change their margins).
          for (const near of [next[i - 1], el, next[i + 1]]) if (near) this.touch(near);
          if (!this.measured.has(el)) this.measure(el, frame);
        }
      });
      for (const el of old) {
        // Where a block left, its old neighbours that stay are watched for the same reason.
        const at = oldOrder.get(el);
        for (const near of at === undefined ? [] : [oldBlocks[at - 1], oldBlocks[at + 1]]) if (near && !old.has(near) && near.isConnected) this.touch(near);
        if (this.watched.delete(el)) this.resize.unobserve(el);
        this.touched.delete(el);
      }
    }
    const tops: number[] = [];
    let y = 0;
    const input: FlowBlock[] = this.blocks.map((el) => {
      const m = this.measured.get(el) ?? (this.measure(el), this.measured.get(el)!);
      tops.push(y);
      y += m.height;
      // Breakable blocks sit on the line grid: a whole number of lines (a sub-pixel excess from a
      // fallback font's taller line box must not cost a line at the foot of the page).
      const lines = m.height / LINE_PX;
      // A table's rows are off the line grid (24.5 pt a row of 3号): kept as measured.
      if (m.rows) return { lines, rows: m.rows.map((h) => h / LINE_PX), headerRows: m.headerRows, rowJoined: m.rowJoined };
      return { lines: m.unbreakable ? lines : Math.round(lines), unbreakable: m.unbreakable, keepWithNext: m.keepWithNext };
    });
    this.tops = tops;
    const layout = paginate(input, { colophon: this.opts.colophon() });
    const partial = !this.fullCut && this.layout !== null;
    this.fullCut = false;
    if (this.writeCut(layout, partial, inLayout)) this.settleBudget--;
    if (this.inSightDue) this.schedule();
    if (this.stale) this.scheduleEdit();
    this.unsettled = false;
    this.unwatchWhenSettled();
    // What was touched up to here the ResizeObserver reports in this frame (observed before its
    // layout); only what is touched from now on must outlive the check a frame later.
    this.touched = new Set();
    const prev = this.layout;
    this.layout = layout;
    if (!prev || prev.pages !== layout.pages || prev.contentPages !== layout.contentPages || prev.colophonPage !== layout.colophonPage) this.opts.onLayout(layout);
  }

  /**
   * A frame after a cut (its ResizeObserver reports are in by then), if no measured height changed
   * and no cut is waiting: stop watching body blocks neither touched since the cut nor crossed by a
   * float. A block touched after the cut stays watched, so a size the ResizeObserver has yet to
   * report for it is not lost.
   */
  private unwatchWhenSettled(): void {
    cancelAnimationFrame(this.settleFrame);
    this.settleFrame = requestAnimationFrame(() => {
      this.settleFrame = 0;
      if (this.disposed || this.unsettled || this.frame || this.pause.pending || this.printing?.matches) return;
      this.unwatchSettled();
    });
  }

  private unwatchSettled(): void {
    for (const el of this.watched) {
      if (this.touched.has(el) || this.alwaysWatched(el)) continue;
      this.watched.delete(el);
      this.resize.unobserve(el);
    }
  }

  /**
   * Writes the cut: what each block carries (a push, a float before, a float after), the table
   * rows' gaps, the repeated headers and the lump; true when something moved. All of it is
   * computed from the natural tops (`tops`): a page's first line lies, without cuts, at its
   * block's natural top plus its lines, and must go to its sheet's type area.
   */
  private writeCut(layout: Pagination, partial = false, screenOnly = false): boolean {
    const tops = this.tops;
    // The layout's grid at this zoom: lengths are 1/64 of a zoomed px, and a length written in CSS
    // is cut down to that grid. Everything below is kept on it (written a quarter unit above, so
    // the cut gives the value meant), so each place computed is where the browser puts it; else
    // the cut-off parts, one per boundary, added up down the report.
    const frame = this.frameOf();
    const scale = frame.scale;
    const unit = 1 / (64 * scale);
    const snap = (px: number) => Math.round(px / unit) * unit;
    const lineBox = Math.floor(LINE_PX * 64 * scale + 1e-6) * unit;
    // A line pushed by a float's shape moves down in whole (zoomed) px from where it lay, not to
    // the float's end (Chromium's shape exclusions): a float pushes its line by a whole number of
    // px, the nearest to its sheet's type area (half a px at most off it).
    const shapeStep = (push: number) => Math.max(0, Math.round(push * scale)) / scale;
    this.grid = { unit, lineBox };
    const bounds: Boundary[] = [];
    for (let k = 1; k < layout.contentPages; k++) {
      const s = layout.starts[k]!;
      const el = this.blocks[s.block];
      const m = el ? this.measured.get(el) : undefined;
      if (!el || !m) continue;
      const row = s.row !== undefined && m.rows && rowsOf(el)[s.row] ? s.row : undefined;
      const natural = tops[s.block]! + (row !== undefined ? m.rows!.slice(0, row).reduce((a, h) => a + h, 0) : s.line * lineBox);
      const target = typeTop(k) + (row !== undefined ? (s.repeat ?? 0) * LINE_PX : 0);
      bounds.push({ page: k, block: s.block, line: s.line, row, repeat: s.repeat ?? 0, delta: target - natural, natural, target });
    }
    const want = this.exactWanted();
    // A cut of the boundaries in sight only (after an edit, see the file comment) keeps the lump
    // and the horizon as they are; a lump that no longer fits the blocks is cut in full.
    const kept = this.lump && this.lumpAt && this.lumpAt.keep < bounds.length && this.blocks[this.lumpAt.lead] === this.lump.block ? { ...this.lumpAt, block: this.lump.block, top: this.lump.top, height: this.lump.bottom - this.lump.top } : null;
    if (partial && this.lump && !kept) partial = false;
    if (!partial) this.horizon = want.to;
    let end = bounds.length;
    while (end > 0 && bounds[end - 1]!.page - 1 >= this.horizon) end -= 1;
    const lump = partial ? kept : this.lumpAbove(bounds, end, want.from, snap);
    if (!partial) {
      // (The page before it lies on its sheet too; counted from the first one a float starts.)
      this.exactFrom = lump ? bounds[lump.keep]!.page : 0;
      this.lumpAt = lump ? { keep: lump.keep, lead: lump.lead } : null;
    }

    const anchors = new Map<HTMLElement, Anchor>();
    const anchorOf = (el: HTMLElement): Anchor => {
      let a = anchors.get(el);
      if (!a) anchors.set(el, (a = {}));
      return a;
    };
    const gaps = new Map<HTMLTableRowElement, number>();
    const gapPages = new Map<HTMLTableRowElement, number>();
    const gapReach = new Map<HTMLTableRowElement, number>();
    const repeats: { top: number; table: HTMLElement; headerRows: number }[] = [];
    /** How far the text is moved down at this point by what is written above it. */
    let moved = lump ? lump.top + lump.height - tops[lump.lead]! : 0;
    /** The top of the float before the block being cut (a block may hold several page starts). */
    const floatTops = new Map<HTMLElement, number>();
    for (let i = lump ? lump.keep : 0; i < end; i++) {
      const b = bounds[i]!;
      const el = this.blocks[b.block]!;
      if (b.row !== undefined) {
        // Inside a table: the row starting the next sheet is moved down by a gap, no float.
        const row = rowsOf(el)[b.row]!;
        const gap = snap(Math.max(0, b.target - b.natural - moved));
        gaps.set(row, gap);
        gapPages.set(row, b.page);
        gapReach.set(row, b.natural + moved);
        moved += gap;
        const m = this.measured.get(el)!;
        if (m.headerRows) repeats.push({ top: typeTop(b.page), table: el, headerRows: m.headerRows });
        continue;
      }
      const push = (at: HTMLElement) => {
        const margin = snap(Math.max(0, b.target - b.natural - moved));
        const anchor = anchorOf(at);
        anchor.push = margin;
        anchor.page ??= b.page;
        anchor.reach ??= b.natural + moved;
        moved += margin;
      };
      if (b.line < 0.5) {
        // The page starts with the block: its top margin takes it there.
        push(el);
        continue;
      }
      const place = floatPlace(el);
      if (!place) {
        // Not cut inside (nothing else is split across sheets: the 署名 box is unbreakable).
        push(el);
        continue;
      }
      const anchor = anchorOf(el);
      anchor.page ??= b.page;
      anchor.reach ??= b.natural + moved;
      let top = floatTops.get(el);
      if (top === undefined) {
        // A heading's float comes after its number on the first line, so below that line.
        const offset = this.padTop(el) + (place === 'inner' ? lineBox : 0);
        top = tops[b.block]! + offset + moved;
        floatTops.set(el, top);
        anchor.float = { height: 0, bands: [], top: offset, inner: place === 'inner' };
      }
      const from = b.natural + moved - top;
      const to = from + shapeStep(b.target - top - from);
      anchor.float!.bands.push({ from, to });
      anchor.float!.height = to;
      moved = top + to - b.natural;
    }
    let written = anchors;
    let writtenGaps = gaps;
    let writtenGapPages = gapPages;
    let writtenGapReach = gapReach;
    this.stale = false;
    this.inSightDue = false;
    this.cutInSight = partial ? { first: want.firstSeen, last: want.lastSeen + 1 } : { first: 0, last: Infinity };
    if (partial) {
      // The boundaries on the sheets in sight (and the one below them) now, the rest as written:
      // each float written lays out its block's lines again (~0.4 ms a paragraph), and the rest
      // follow at the pause (or a scroll). A table's gaps the same way.
      const { first, last } = this.cutInSight;
      const inSightPage = (page: number | undefined) => page !== undefined && page >= first && page <= last;
      const inSight = (a: Anchor) => inSightPage(a.page);
      // In the ResizeObserver's callback (after this frame's layout, before its paint), only what
      // reaches the screen: a cut written there lays the frame out a second time (a wrap key in a
      // table cell: 4–7 ms more). What a cut moves starts at its reach; the text on screen may lie
      // as far from the last cut's places as the heights changed since, and a line more. The
      // boundaries in sight below the screen follow in the next frame, before its layout.
      const screenBottom = screenOnly ? ((typeof innerHeight === 'number' ? innerHeight : 0) - frame.top) / scale : Infinity;
      const slack = this.heightChange + LINE_PX;
      const onScreen = (reach: number | undefined) => reach === undefined || reach - slack < screenBottom;
      writtenGaps = new Map();
      writtenGapPages = new Map();
      writtenGapReach = new Map();
      const keepGap = (row: HTMLTableRowElement) => {
        // A row Lexical recreated is gone: its successor gets the gap later.
        if (!row.isConnected || !this.gaps.has(row)) return;
        writtenGaps.set(row, this.gaps.get(row)!);
        writtenGapPages.set(row, this.gapPages.get(row)!);
        writtenGapReach.set(row, this.gapReach.get(row) ?? -Infinity);
      };
      const writeGap = (row: HTMLTableRowElement) => {
        writtenGaps.set(row, gaps.get(row)!);
        writtenGapPages.set(row, gapPages.get(row)!);
        writtenGapReach.set(row, gapReach.get(row)!);
      };
      for (const [row, gap] of this.gaps) {
        const now = gaps.get(row);
        if (inSightPage(this.gapPages.get(row))) {
          // A gap in sight that goes: now if on screen, else in the next frame.
          if (now === undefined && !onScreen(this.gapReach.get(row))) {
            keepGap(row);
            this.inSightDue = true;
          }
          continue;
        }
        if (now === undefined || Math.abs(now - gap) >= 0.25) this.stale = true;
        keepGap(row);
      }
      for (const [row, gap] of gaps) {
        if (inSightPage(gapPages.get(row))) {
          const old = this.gaps.get(row);
          if (onScreen(gapReach.get(row)) || (old !== undefined && onScreen(this.gapReach.get(row)))) writeGap(row);
          else if (old !== undefined && Math.abs(old - gap) < 0.25) writeGap(row);
          else {
            keepGap(row);
            this.inSightDue = true;
          }
        } else if (!this.gaps.has(row)) this.stale = true;
      }
      written = new Map(this.anchors);
      for (const [el, a] of this.anchors) {
        if (!inSight(a) || anchors.has(el)) continue;
        if (onScreen(a.reach)) written.delete(el);
        else this.inSightDue = true;
      }
      for (const [el, a] of anchors) {
        const old = this.anchors.get(el);
        if (inSight(a)) {
          // Unchanged anchors are not written again (writeAnchors), only their reach kept fresh.
          if (onScreen(a.reach) || (old && onScreen(old.reach)) || (old && sameAnchor(old, a))) written.set(el, a);
          else this.inSightDue = true;
        } else if (!old || !sameAnchor(old, a)) this.stale = true;
      }
      for (const [el, a] of this.anchors) if (!inSight(a) && !anchors.has(el)) this.stale = true;
    }
    const gapsMoved = this.writeGaps(writtenGaps);
    this.gapPages = writtenGapPages;
    this.gapReach = writtenGapReach;
    this.heightChange = 0;
    // The repeated headers sit at their sheets' tops whatever moved above (outside the flow: cheap).
    const repeatsMoved = this.writeRepeats(repeats);
    const anchorsMoved = this.writeAnchors(written);
    const lumpMoved = partial ? false : this.writeLump(lump);
    // This layer's own attribute writes are no edits (they would watch every block they touch).
    this.edits.takeRecords();
    return gapsMoved || repeatsMoved || anchorsMoved || lumpMoved;
  }

  /** The layout grid of the last cut (see writeCut): its unit and a grid line's box, px. */
  private grid = { unit: 1 / 64, lineBox: Math.floor(LINE_PX * 64) / 64 };
  /** A length as written in CSS: a quarter unit above its place on the grid (the browser cuts it down to the grid). */
  private css(px: number): string {
    const { unit } = this.grid;
    return `${((Math.round(px / unit) + 0.25) * unit).toFixed(6)}px`;
  }

  /** A block's top padding (the closing pieces' blank line before them), px; body blocks have none. */
  private padTop(el: HTMLElement): number {
    if (el.parentElement?.classList.contains('gw-body')) return 0;
    return parseFloat(getComputedStyle(el).paddingTop) || 0;
  }

  /**
   * The one float that stands for the boundaries above sheet `from` (see the file comment): at the
   * top of the first paragraph of the body on page 1 (below the 版头, which keeps its own layout),
   * as tall as the text below it is moved down at the first boundary kept (`keep`), so everything
   * from there on lies where the cuts put it. Null: every boundary is written.
   */
  private lumpAbove(bounds: readonly Boundary[], end: number, from: number, snap: (px: number) => number): { keep: number; top: number; height: number; block: HTMLElement; lead: number } | null {
    // A box that makes a formatting context of its own (the 版头, a table) beside a full-width float
    // is squeezed to nothing wide (Chromium): the lump starts at a paragraph, nothing floats above it.
    const lead = this.blocks.findIndex((el) => el.tagName === 'P' && el.parentElement?.classList.contains('gw-body'));
    if (lead < 0 || bounds.length === 0 || lead > bounds[0]!.block) return null;
    for (let i = end - 1; i >= LUMP_MIN_FLOATS; i--) {
      if (bounds[i]!.page > from) continue;
      const height = snap(bounds[i - 1]!.delta);
      const block = this.blocks[lead]!;
      const frame = this.frameOf();
      const top = snap((block.getBoundingClientRect().top - frame.top) / frame.scale);
      return height > 0 ? { keep: i, top, height, block, lead } : null;
    }
    return null;
  }

  /** Writes the lump into the holder: a spacer of no width down to its block, then the full-width float. */
  private writeLump(lump: { top: number; height: number; block: HTMLElement } | null): boolean {
    const next = lump ? { top: lump.top, bottom: lump.top + lump.height, block: lump.block } : null;
    const old = this.lump;
    if (old === next || (old && next && old.block === next.block && Math.abs(old.top - next.top) < 1 / 128 && Math.abs(old.bottom - next.bottom) < 1 / 128)) return false;
    const holder = this.opts.cuts;
    if (!next) holder.replaceChildren();
    else {
      if (holder.children.length !== 2) {
        const spacer = document.createElement('div');
        spacer.className = 'gw-cut-spacer';
        const gap = document.createElement('div');
        gap.className = 'gw-cut';
        holder.replaceChildren(spacer, gap);
      }
      (holder.children[0] as HTMLElement).style.height = this.css(next.top);
      (holder.children[1] as HTMLElement).style.height = this.css(next.bottom - next.top);
    }
    this.lump = next;
    return true;
  }

  /** Writes what each block carries (attributes and custom properties only: Lexical observes neither); true when one changed. */
  private writeAnchors(next: Map<HTMLElement, Anchor>): boolean {
    let moved = false;
    for (const el of this.anchors.keys()) {
      if (next.has(el)) continue;
      el.removeAttribute('data-gw-cut');
      for (const p of CUT_PROPERTIES) el.style.removeProperty(p);
      moved = true;
    }
    for (const [el, a] of next) {
      const old = this.anchors.get(el);
      const tokens = anchorTokens(a);
      // Lexical recreates a block's element when it changes its kind, and may set its style: written again then.
      if (old && sameAnchor(old, a) && el.getAttribute('data-gw-cut') === tokens && el.style.getPropertyValue(a.push !== undefined ? '--gw-push' : '--gw-float-h') !== '') continue;
      const set = (p: string, v: string | undefined) => (v === undefined ? el.style.removeProperty(p) : el.style.setProperty(p, v));
      set('--gw-push', a.push !== undefined ? this.css(a.push) : undefined);
      // The float ends a unit above where its line goes (the line steps down to the first whole px past it).
      set('--gw-float-h', a.float ? this.css(a.float.height - this.grid.unit) : undefined);
      set('--gw-float-shape', a.float ? shapeOf(a.float.bands, this.grid) : undefined);
      el.setAttribute('data-gw-cut', tokens);
      moved = true;
    }
    this.anchors = next;
    return moved;
  }

  /** Writes the rows' gaps (attributes only: Lexical does not observe them); true when one changed. */
  private writeGaps(gaps: Map<HTMLTableRowElement, number>): boolean {
    let moved = false;
    for (const row of this.gaps.keys()) {
      if (gaps.has(row)) continue;
      row.removeAttribute('data-gw-gap');
      row.style.removeProperty('--gw-row-gap');
      moved = true;
    }
    for (const [row, gap] of gaps) {
      if (row.hasAttribute('data-gw-gap') && Math.abs(gapOf(row) - gap) < 0.25) continue;
      row.style.setProperty('--gw-row-gap', `${gap.toFixed(3)}px`);
      row.setAttribute('data-gw-gap', '');
      moved = true;
    }
    this.gaps = gaps;
    return moved;
  }

  /**
   * Writes a copy of each continued table's header rows at the top of the sheet it continues
   * on (the printed page and the .docx repeat them: w:tblHeader). Copies, never the document.
   */
  private writeRepeats(repeats: { top: number; table: HTMLElement; headerRows: number }[]): boolean {
    const key = repeats.map((r) => `${r.top}|${r.headerRows}|${rowsOf(r.table).slice(0, r.headerRows).map((row) => row.innerHTML).join('')}|${r.table.className}`).join('\n');
    if (key === this.repeatsKey) return false;
    this.repeatsKey = key;
    const holder = this.opts.repeats;
    holder.replaceChildren(
      ...repeats.map((r) => {
        const copy = r.table.cloneNode(false) as HTMLElement;
        copy.classList.add('gw-table-repeat');
        copy.style.top = `${r.top}px`;
        const style = getComputedStyle(r.table);
        // The dense size is chosen by the table's widest row (editor.css), which the copy may lack.
        copy.style.fontSize = style.fontSize;
        copy.style.lineHeight = style.lineHeight;
        for (const col of Array.from(r.table.querySelectorAll(':scope > colgroup'))) copy.append(col.cloneNode(true));
        for (const row of rowsOf(r.table).slice(0, r.headerRows)) {
          const rowCopy = row.cloneNode(true) as HTMLElement;
          for (const cell of Array.from(rowCopy.querySelectorAll('.gw-td-selected'))) cell.classList.remove('gw-td-selected');
          copy.append(rowCopy);
        }
        return copy;
      }),
    );
    return true;
  }
}

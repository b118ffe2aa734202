/**
 * The page layer beside the one flat Lexical document (Lexical's guidance, playground PR
 * #9172): the document is never changed for layout. The flow (版头, body, closing) is one
 * column; at every page boundary a full-width float occupies "rest of this page + bottom
 * margin + the desk between sheets + top margin of the next sheet", so the browser itself
 * moves the next line onto the next sheet's type area — a paragraph splits across sheets
 * line by line and nothing is ever drawn in a margin, even for the frame before we re-cut.
 *
 * Where each float starts comes from shared/page/paginate.ts (the policy the .docx states
 * to Word/LibreOffice: 22 lines, no widow control, stand-alone headings kept with the next
 * paragraph). Its input is the height of each block in grid lines, and those are measured
 * incrementally: a ResizeObserver reports only the blocks whose height changed (a keystroke
 * that does not wrap a line costs nothing here), a MutationObserver the blocks added or
 * removed; the new cut is computed and written once, on the next animation frame.
 *
 * Typing does not re-cut on every keystroke: moving a float lays out everything after it
 * again (at 300 pages ~60 ms a time, often twice more while it settles), so an edit's re-cut
 * waits for a pause in typing (EDIT_PAUSE_MS). Meanwhile the floats stay where they are and
 * the browser flows the text around them as pages of the old lengths: a line pushed off a
 * page moves to the next sheet's type area, nothing reaches a margin. Only keep-with-next and
 * the page lengths wait for the pause; text that runs past the last sheet is cut at once.
 *
 * A table cannot be cut by a float: it is a formatting context of its own, which the browser
 * moves whole below any float it would overlap. So a table is measured row by row and
 * paginate.ts breaks it between rows; at a break inside a table there is no float: the row
 * that starts the next sheet gets a top gap (`data-gw-gap`, `--gw-row-gap`: padding of its
 * cells, its side rules drawn below the gap only, editor.css) down to the next sheet's type
 * area and the header rows repeated there. The repeated header is a decoration of this layer
 * (a copy of the header rows in `.gw-repeats`, outside the editor's root): the document is
 * never changed. Lexical does not observe attributes, and it recreates a row only when the
 * row's own height changes (then the gap is written again).
 *
 * The floats reach only HORIZON_PAGES sheets past the last one on screen. A float below a block
 * makes the browser lay that block out again whenever it moves (LayoutNG shifts a block without
 * layout only when it lies below every float of its formatting context so far, the exclusion
 * space's clearance offset: MaySkipLayoutWithinBlockFormattingContext; so a key that wraps a line
 * lays out every sheet from the caret to the horizon again, README "Benchmarks"): with a float
 * at every boundary, a keystroke that wraps a line (or a pasted paragraph) relaid out every line
 * after it, ~30× the work at 300 pages (wrap near the top: 885 ms with 336 floats, 35–46 ms
 * with 10–40, under load).
 * Past the horizon the text runs on uncut, out of sight; measuring does not need the floats
 * (heights are natural heights), and scrolling moves the horizon before those sheets are seen.
 *
 * Above the screen the same holds the other way: the floats of the sheets more than
 * BEHIND_PAGES above the first in sight are replaced by one float, at the top of the first plain
 * block of page 1 (below the 版头, which keeps its own layout), as tall as they were together, so
 * the text below lands where it would with all of them. Each float before the caret costs the
 * browser on every keystroke (at 300 pages, the caret on sheet 166: 416 float boxes, ~3.5 ms a
 * key of event dispatch, layout and hit testing, README "Benchmarks"). The lumped text is out of
 * sight, drawn over the wrong sheets. The one float's height is checked at each cut against where
 * the browser puts the first block of the first exact sheet, and corrected (settleLump): the
 * floats leave holes (the browser's lines are on the 1/64 px grid, 38.59375 px for 38.6, so a
 * page's lines end above its float), which over a hundred pages add up to more than a line. A
 * scroll towards either end re-cuts before those sheets come into sight. A jump into them
 * (Ctrl+End, Ctrl+Home, the outline, find) re-cuts, and when the caret moved since the last
 * scroll re-cut, scrolls so the caret stays where the jump put it on screen; the scroller's
 * own scroll anchoring is off (`overflow-anchor: none`), it would chase the lumped text.
 *
 * Nor are all body blocks observed once the cut has settled: the ResizeObserver checks every
 * observed element in every frame (at 300 pages, 3000 blocks: 0.5 ms a key, bare Lexical 0). A
 * block's natural height changes only when the block itself changes, so after a cut that the next
 * frame confirms (no measured height changed) the observed are the blocks edited since that cut
 * (the document's MutationObserver names them), new blocks and their neighbours, tables, the 版头
 * and the closing pieces. The blocks the floats cross (a page's first block and the one before
 * it) are observed from each cut until it settles, not longer: a float moves only at a cut, and
 * between cuts their natural heights change only by an edit (at 300 pages, ~400 blocks: watching
 * them all the time made the ResizeObserver 0.34 ms a key, 0.20 without). Until a cut settles every block stays observed: a height measured
 * while a float sat where the measurement did not expect it is wrong, and only a block that is
 * still observed gets measured again when the float moves on. Anything that changes heights
 * without an edit (fonts, zoom, printing) refreshes, and every block is observed again.
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

/** Float moves allowed after one change before the layer waits for the next (see settleBudget). */
const SETTLE_RUNS = 3;
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
/** How far back from the first exact sheet a page that starts with a plain block is looked for. */
export const LUMP_SEARCH_PAGES = 24;
/**
 * Where the lumped text ends above the kept float: more than nothing (a line box that reaches into
 * the float by a hair goes below it, a line too many on the sheet), less than the 0.25 px a
 * measured height may move without counting as a change.
 */
const LUMP_CLEARANCE_PX = 1 / 16;
/** An edit re-cuts after this long without another edit (see the file comment). */
export const EDIT_PAUSE_MS = 400;

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

/**
 * A length on the layout's 1/64 px grid. The floats are written as heights stacked one on the
 * next; heights on that grid add up exactly (at 100 % zoom), so the last float of a long report
 * sits where it was meant to, not a pixel off (each height was rounded on its own).
 */
const toLayoutUnit = (px: number): number => Math.round(px * 64) / 64;

/** The flow's place in the window, read once a frame; `floats` filled on first use (placedFloats), `placed` float by float (floatsWithin). */
interface Frame {
  top: number;
  height: number;
  scale: number;
  floats?: { top: number; bottom: number }[];
  placed?: Map<number, { top: number; bottom: number }>;
}

/** How far a float's place may lie from where it was written (the 1/64 px roundings add up; a pixel seen), px. */
const PLACED_DRIFT_PX = 8;
/** Up to this many floats, a measure reads them all at once (floatsWithin). */
const FEW_FLOATS = 8;

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
/** Slack at the top of a float on a page with a table: a table's sub-pixel drift must not make it overlap the float (it would jump a sheet). */
const TABLE_FLOAT_SLACK_PX = 1;

export interface PageLayerOptions {
  /** The flow container (display: flow-root); its first child is the float holder. */
  flow: HTMLElement;
  /** Holder of the boundary floats (first child of `flow`). */
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

export class PageLayer {
  private readonly opts: PageLayerOptions;
  private blocks: HTMLElement[] = [];
  private readonly measured = new WeakMap<HTMLElement, Measured>();
  /** Floats as written: [top, bottom) in flow px. */
  private floats: { top: number; bottom: number }[] = [];
  /** Table rows given a gap (the first row of a table's part on the next sheet), px. */
  private gaps = new Map<HTMLTableRowElement, number>();
  /** What the repeated headers show, to write them only when it changes. */
  private repeatsKey = '';
  /** Each block's index in the flow (kept with `blocks`). */
  private order = new WeakMap<HTMLElement, number>();
  /** Index of the last table whose rows carry a gap (-1: none). */
  private lastGappedTable = -1;
  private layout: Pagination | null = null;
  private readonly resize: ResizeObserver;
  private readonly mutation: MutationObserver;
  private frame = 0;
  /** The timer of an edit's re-cut waiting for a pause in typing. */
  private readonly pause = createPauseTimer(() => this.schedule(), EDIT_PAUSE_MS);
  private structureDirty = true;
  private disposed = false;
  private readonly printing: MediaQueryList | null;
  private readonly onMedia: () => void;
  private readonly edits: MutationObserver;
  private readonly onFonts: () => void;
  /**
   * Re-cuts still allowed before the next edit. Moving a float changes the measured height of
   * the block it crosses (sub-pixel line placement), which re-cuts again: on a long report that
   * feedback never settled (page count flipping between two values with nobody typing, each
   * re-cut a relayout of the whole flow). A change to the document, a refresh or a zoom tops the
   * budget up; measurements keep being recorded without it, so the next cut uses them.
   */
  private settleBudget = SETTLE_RUNS;
  /** The first page (0-based) whose boundary float is not written; Infinity before the first cut. */
  private horizon = Infinity;
  /** The first page (0-based) whose text lies on its sheet: the floats above it are one (see the file comment). */
  private exactFrom = 0;
  /** The caret at the last scroll's re-cut check (a jump moves it, then scrolls). */
  private caretSeen: { node: Node | null; offset: number } = { node: null, offset: 0 };
  /** The holes the lumped floats left (measured at the last lump: settleLump), px. */
  private lumpHoles = 0;
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
    // While printing, the flow is laid out for paper (no floats): nothing measured then is the
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
      // A change at or before a table that crosses sheets moves the table with its gaps: cut at
      // once (a float lets the shifted lines flow on to the next sheet; a gap would not).
      let movesTable = false;
      const frame = this.frameOf();
      for (const entry of entries) {
        // The flow itself is observed for its height only (see overflows).
        if (entry.target !== opts.flow && this.measure(entry.target as HTMLElement, frame)) {
          changed = true;
          if ((this.order.get(entry.target as HTMLElement) ?? Infinity) <= this.lastGappedTable) movesTable = true;
        }
      }
      // A row Lexical recreated (its height changed) has lost its gap: write it again now.
      for (const row of this.gaps.keys()) if (!row.isConnected || gapOf(row) === 0) movesTable = changed = true;
      if (changed) this.unsettled = true;
      // Without budget, nothing: a re-cut that makes the text overflow (a page fewer) must not
      // start the feedback again; the next edit tops the budget up before this runs.
      if (this.settleBudget <= 0) return;
      // Past the last sheet only by what was measured before (a sub-pixel excess the model rounds
      // away: it has the page full, the flow ends a pixel below it), a re-cut gives the same cut;
      // it ran again on every key.
      const grew = changed || this.structureDirty;
      if ((grew && this.overflows(frame)) || movesTable) this.schedule();
      else if (changed) this.scheduleEdit();
    });
    // Any change of the document's text or blocks (typing, paste, undo) earns a fresh budget.
    // The floats' own holder is not the document: writing them must not refill the budget.
    this.edits = new MutationObserver((records) => {
      const own = (r: MutationRecord) => opts.cuts.contains(r.target) || opts.repeats.contains(r.target);
      for (const r of records) {
        if (own(r)) continue;
        const block = this.blockOf(r.target);
        if (block) this.touch(block);
      }
      // Attributes only change what is watched (a class can change a block's height): a gap this
      // layer writes on a row is an attribute too, and must not refill the budget.
      const edited = (r: MutationRecord) => r.type !== 'attributes' && !own(r);
      if (records.some(edited)) {
        this.settleBudget = SETTLE_RUNS;
        // The re-cut waits for a pause in typing, not in height changes: a key that wraps no line
        // still postpones it (else it ran mid-typing, a relayout of all after the float it moved).
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
        if (recut) this.recutInSight(this.layout, want);
      });
    };
    if (typeof document !== 'undefined') document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.mutation = new MutationObserver(() => {
      this.structureDirty = true;
      this.settleBudget = SETTLE_RUNS;
      // Blocks added or removed: re-cut at the pause too (the flow's observer below cuts at once
      // when the text runs past the last sheet, as a paste does) — at once while a table crosses
      // sheets (it moves with its gaps, see the ResizeObserver).
      if (this.layout && this.lastGappedTable < 0) this.scheduleEdit();
      else this.schedule();
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
  }

  /** The flow's top, height and zoom factor (client rects are zoomed; the layout works in unzoomed px). */
  private frameOf(): Frame {
    const r = this.opts.flow.getBoundingClientRect();
    const scale = r.width > 0 ? r.width / TYPE_PX.width : 1;
    return { top: r.top, height: r.height / scale, scale };
  }

  /**
   * The boundary floats where the browser placed them, in flow px (read once a frame). Not the
   * positions written: each float's place is the sum of the heights before it, each rounded to
   * the layout's 1/64 px, so deep in a long report the two part by a pixel, and a block measured
   * against the written ones had a float subtracted that it did not hold (a heading of 0 lines).
   */
  private placedFloats(frame: Frame): { top: number; bottom: number }[] {
    if (frame.floats) return frame.floats;
    const gaps = this.opts.cuts.querySelectorAll<HTMLElement>(':scope > .gw-cut');
    const out: { top: number; bottom: number }[] = [];
    for (const gap of Array.from(gaps)) {
      const r = gap.getBoundingClientRect();
      out.push({ top: (r.top - frame.top) / frame.scale, bottom: (r.bottom - frame.top) / frame.scale });
    }
    return (frame.floats = out);
  }

  /**
   * The placed floats whose top lies in [from, to). Read one by one near where they were written
   * when only a few blocks are measured (a key that wraps a line: one block, where reading every
   * float's box cost ≈ 40 reads at 30 pages, in the frame of the key).
   */
  private floatsWithin(frame: Frame, from: number, to: number): { top: number; bottom: number }[] {
    const written = this.floats;
    if (frame.floats || written.length <= FEW_FLOATS) return this.placedFloats(frame).filter((f) => f.top >= from && f.top < to);
    // The first written float that may be placed at or below `from` (written tops ascend).
    let lo = 0;
    let hi = written.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (written[mid]!.top < from - PLACED_DRIFT_PX) lo = mid + 1;
      else hi = mid;
    }
    const out: { top: number; bottom: number }[] = [];
    const placed = (frame.placed ??= new Map());
    for (let i = lo; i < written.length && written[i]!.top < to + PLACED_DRIFT_PX; i++) {
      let f = placed.get(i);
      if (!f) {
        const gap = this.opts.cuts.children[i * 2 + 1];
        if (!gap) break;
        const r = gap.getBoundingClientRect();
        f = { top: (r.top - frame.top) / frame.scale, bottom: (r.bottom - frame.top) / frame.scale };
        placed.set(i, f);
      }
      if (f.top >= from && f.top < to) out.push(f);
    }
    return out;
  }

  /**
   * The sheets whose text must lie on its sheet for the screen as it is (0-based pages): from
   * BEHIND_PAGES above the first in the window (`from`) to HORIZON_PAGES past the last (`to`,
   * the horizon).
   */
  private exactWanted(): { from: number; to: number; firstSeen: number } {
    const { top, scale } = this.frameOf();
    const screenTop = -top / scale;
    const screenBottom = ((typeof innerHeight === 'number' ? innerHeight : 0) - top) / scale;
    const firstSeen = Math.max(0, Math.floor(screenTop / SHEET_PITCH_PX));
    return { from: Math.max(0, firstSeen - BEHIND_PAGES), to: Math.max(0, Math.ceil(screenBottom / SHEET_PITCH_PX)) + HORIZON_PAGES, firstSeen };
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
      this.writeFloats(layout);
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
    for (const f of this.floatsWithin(frame, top - 0.5, bottom - 0.5)) height -= f.bottom - f.top;
    const { unbreakable, keepWithNext } = kindOf(el);
    const prev = this.measured.get(el);
    const next = { height: Math.max(0, height), unbreakable, keepWithNext };
    this.measured.set(el, next);
    return !prev || Math.abs(prev.height - next.height) > 0.25 || prev.keepWithNext !== keepWithNext || prev.unbreakable !== unbreakable;
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

  private run(): void {
    if (this.disposed || this.printing?.matches) return;
    if (!this.pause.pending) delete this.opts.cuts.dataset.pending;
    if (this.remeasure) {
      this.remeasure = false;
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
        const at = this.order.get(el);
        for (const near of at === undefined ? [] : [this.blocks[at - 1], this.blocks[at + 1]]) if (near && !old.has(near) && near.isConnected) this.touch(near);
        if (this.watched.delete(el)) this.resize.unobserve(el);
        this.touched.delete(el);
      }
      this.blocks = next;
      this.order = new WeakMap(next.map((el, i) => [el, i]));
    }
    const input: FlowBlock[] = this.blocks.map((el) => {
      const m = this.measured.get(el) ?? (this.measure(el), this.measured.get(el)!);
      // Breakable blocks sit on the line grid: a whole number of lines (a sub-pixel excess from a
      // fallback font's taller line box must not cost a line at the foot of the page).
      const lines = m.height / LINE_PX;
      // A table's rows are off the line grid (24.5 pt a row of 3号): kept as measured.
      if (m.rows) return { lines, rows: m.rows.map((h) => h / LINE_PX), headerRows: m.headerRows, rowJoined: m.rowJoined };
      return { lines: m.unbreakable ? lines : Math.round(lines), unbreakable: m.unbreakable, keepWithNext: m.keepWithNext };
    });
    const layout = paginate(input, { colophon: this.opts.colophon() });
    if (this.writeFloats(layout)) this.settleBudget--;
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

  /** Writes the boundary floats, the table rows' gaps and the repeated headers; true when something moved. */
  private writeFloats(layout: Pagination): boolean {
    /** Each boundary's float, with the page (0-based) whose type area starts at its bottom. */
    const floats: { top: number; bottom: number; page: number }[] = [];
    const gaps = new Map<HTMLTableRowElement, number>();
    const repeats: { top: number; table: HTMLElement; headerRows: number }[] = [];
    let lastGappedTable = -1;
    for (let k = 0; k < layout.contentPages - 1; k++) {
      const cut = typeTop(k) + Math.min(layout.used[k]!, GRID.linesPerPage + 1) * LINE_PX;
      const next = layout.starts[k + 1]!;
      const block = this.blocks[next.block];
      const m = block ? this.measured.get(block) : undefined;
      if (next.row !== undefined && block && m?.rows) {
        // Inside a table: the row starting the next sheet is moved down by a gap, no float.
        const row = rowsOf(block)[next.row];
        if (row) {
          lastGappedTable = next.block;
          const repeat = (next.repeat ?? 0) * LINE_PX;
          gaps.set(row, typeTop(k + 1) + repeat - cut);
          if (m.headerRows) repeats.push({ top: typeTop(k + 1), table: block, headerRows: m.headerRows });
        }
        continue;
      }
      let withTable = false;
      for (let b = layout.starts[k]!.block; b <= next.block && !withTable; b++) withTable = Boolean(this.blocks[b] && this.measured.get(this.blocks[b]!)?.rows);
      floats.push({ top: toLayoutUnit(cut + (withTable ? TABLE_FLOAT_SLACK_PX : 0)), bottom: toLayoutUnit(typeTop(k + 1)), page: k + 1 });
    }
    this.lastGappedTable = lastGappedTable;
    const want = this.exactWanted();
    this.horizon = want.to;
    const horizonTop = typeTop(this.horizon);
    while (floats.length && floats[floats.length - 1]!.top >= horizonTop) floats.pop();
    const lump = this.lumpAbove(layout, floats, want.from);
    this.exactFrom = lump ? floats[lump.keep]!.page : 0;
    const written = lump ? [{ top: lump.top, bottom: lump.top + lump.height }, ...floats.slice(lump.keep)] : floats;
    const gapsMoved = this.writeGaps(gaps);
    const repeatsMoved = this.writeRepeats(repeats);
    // The blocks the floats cross (a page's first block and the one before it) are watched until
    // this cut settles: a moved float can shift their lines by a sub-pixel, which the next cut
    // must see. One newly observed is reported in this frame whether or not its size changed.
    for (let k = Math.max(1, this.exactFrom); k < layout.contentPages && typeTop(k - 1) < horizonTop; k++) {
      const at = layout.starts[k]?.block;
      if (at === undefined) break;
      for (const b of [at - 1, at]) {
        const el = this.blocks[b];
        if (el) this.watch(el);
      }
    }
    const same = written.length === this.floats.length && written.every((f, i) => Math.abs(f.top - this.floats[i]!.top) < 0.25 && Math.abs(f.bottom - this.floats[i]!.bottom) < 0.25);
    if (same) return gapsMoved || repeatsMoved;
    this.writeHolder(written);
    if (lump && !this.settleLump(lump, floats[lump.keep]!.top)) {
      this.exactFrom = 0;
      this.writeHolder(floats);
    }
    // Blocks that straddled an old or new float are re-measured by the ResizeObserver.
    return true;
  }

  /** Writes the floats into their holder, stacked: each spacer's height is measured from the float before. */
  private writeHolder(written: readonly { top: number; bottom: number }[]): void {
    const holder = this.opts.cuts;
    // Two floats a boundary: a zero-width spacer down to the cut, then the full-width gap.
    while (holder.children.length > written.length * 2) holder.lastElementChild!.remove();
    while (holder.children.length < written.length * 2) {
      const spacer = document.createElement('div');
      spacer.className = 'gw-cut-spacer';
      const gap = document.createElement('div');
      gap.className = 'gw-cut';
      holder.append(spacer, gap);
    }
    let y = 0;
    written.forEach((f, i) => {
      const spacer = holder.children[i * 2] as HTMLElement;
      const gap = holder.children[i * 2 + 1] as HTMLElement;
      spacer.style.height = `${Math.max(0, f.top - y)}px`;
      gap.style.height = `${f.bottom - f.top}px`;
      y = f.bottom;
    });
    this.floats = written.map((f) => ({ top: f.top, bottom: f.bottom }));
  }

  /**
   * The one float that stands for the floats above sheet `from` (see the file comment): `keep`,
   * the first float still written, ends at the top of a page that starts with a plain block
   * (a block's box is not moved by a float, only its lines: its top is where the text before it
   * ends). `height` is the floats' heights together, plus the holes they left that the last cut
   * measured (settleLump): a float starts where its page's lines end in the page model, the
   * browser's lines end a little above it (their heights are on the 1/64 px grid, 38.59375 px
   * for 38.6), and over a hundred pages those add up to more than a line. Null: all written.
   */
  private lumpAbove(layout: Pagination, floats: readonly { top: number; bottom: number; page: number }[], from: number): { keep: number; top: number; height: number; block: HTMLElement } | null {
    const plain = (el: HTMLElement | undefined): el is HTMLElement => el !== undefined && !isTable(el) && !kindOf(el).unbreakable;
    // The lump starts at the first plain block of page 1, not above the 版头: a box that makes a
    // formatting context of its own (the 版头, a table) beside a full-width float is squeezed to
    // nothing wide (Chromium), and would be measured so. Nothing floats above that block.
    const lead = this.blocks.findIndex((el) => plain(el));
    if (lead < 0 || lead >= (layout.starts[1]?.block ?? 0)) return null;
    for (let i = floats.length - 1; i >= LUMP_MIN_FLOATS; i--) {
      const page = floats[i]!.page;
      if (page > from) continue;
      if (page < from - LUMP_SEARCH_PAGES) break;
      const start = layout.starts[page];
      const block = start ? this.blocks[start.block] : undefined;
      if (!start || start.line !== 0 || start.row !== undefined || !plain(block)) continue;
      let height = this.lumpHoles;
      for (let k = 0; k < i; k++) height += floats[k]!.bottom - floats[k]!.top;
      height = toLayoutUnit(height);
      const frame = this.frameOf();
      const top = toLayoutUnit((this.blocks[lead]!.getBoundingClientRect().top - frame.top) / frame.scale);
      return height > 0 && top + height < floats[i]!.top ? { keep: i, top, height, block } : null;
    }
    return null;
  }

  /**
   * With the lump written, where the browser has the kept page's first block: its top must lie
   * LUMP_CLEARANCE_PX above the kept float (then its lines go below that float onto their sheet,
   * and the line before it ends above it). Off by more than the grid, the lump is corrected (a
   * second layout, only when the lump's page or the pages above it changed); false when the
   * block is not where a lump can put it (then the caller writes every float).
   */
  private settleLump(lump: { block: HTMLElement }, keptTop: number): boolean {
    const frame = this.frameOf();
    const top = (lump.block.getBoundingClientRect().top - frame.top) / frame.scale;
    const off = keptTop - LUMP_CLEARANCE_PX - top;
    if (Math.abs(off) < 1 / 128) return true;
    const { top: from, bottom } = this.floats[0]!;
    const to = toLayoutUnit(bottom + off);
    if (!(Math.abs(off) < 4 * LINE_PX) || to <= from || to >= keptTop) {
      this.lumpHoles = 0;
      return false;
    }
    this.lumpHoles += off;
    this.floats[0] = { top: from, bottom: to };
    // The lump's gap, and the spacer after it (measured from the lump's bottom: the kept floats stay).
    (this.opts.cuts.children[1] as HTMLElement).style.height = `${to - from}px`;
    (this.opts.cuts.children[2] as HTMLElement).style.height = `${keptTop - to}px`;
    return true;
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

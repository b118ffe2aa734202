/**
 * The page layer's cuts and their timing: the sheets in sight are cut as soon as a line wraps,
 * the rest at a pause in typing. The browser's layout is emulated: blocks are stacks of grid
 * lines, moved by a top margin, and a line that overlaps a block's float steps down below it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BEHIND_PAGES, EDIT_PAUSE_MS, HORIZON_PAGES, LINE_PX, PageLayer, SHEET_PITCH_PX, typeTop } from '../../../renderer/editor/page/page-layer';

type Callback = (entries: { target: Element }[]) => void;
let observers: { cb: Callback }[] = [];
class FakeResizeObserver {
  readonly observed = new Set<Element>();
  constructor(readonly cb: Callback) {
    observers.push(this);
  }
  observe(el: Element): void {
    this.observed.add(el);
  }
  unobserve(el: Element): void {
    this.observed.delete(el);
  }
  disconnect(): void {
    this.observed.clear();
  }
}

/** Lines of each block (by element); the cuts are read back from the blocks' attributes and the lump's holder. */
const lines = new Map<Element, number>();
/** A length as the browser lays it out: cut down to the 1/64 px grid. */
const layoutUnit = (px: number) => Math.floor(px * 64 + 1e-6) / 64;
/** The bands of a float's shape (editor.css `--gw-float-shape`: a polygon of full-width bands), from the float's top. */
function bandsOf(shape: string): { top: number; end: number }[] {
  const ys = Array.from(shape.matchAll(/(-?[\d.]+)px/g), (m) => parseFloat(m[1]!));
  const out: { top: number; end: number }[] = [];
  for (let i = 0; i + 3 < ys.length; i += 4) out.push({ top: ys[i]!, end: ys[i + 2]! });
  return out;
}
/**
 * `line`: the emulated browser's line box height (a browser puts it on the 1/64 px grid: 38.59375
 * for the layer's 38.6).
 */
function setup(blocks: { lines: number; cls?: string }[] = [{ lines: 20 }, { lines: 1, cls: 'gw-heading gw-h1' }, { lines: 5 }], line = LINE_PX) {
  const flow = document.createElement('div');
  const cuts = document.createElement('div');
  cuts.className = 'gw-cuts';
  const repeats = document.createElement('div');
  repeats.className = 'gw-repeats';
  const body = document.createElement('div');
  body.className = 'gw-body';
  const para = (n: number, cls = 'gw-p') => {
    const p = document.createElement('p');
    p.className = cls;
    if (cls.includes('gw-heading')) p.dataset.gwLabel = '一、';
    const span = document.createElement('span');
    span.textContent = '正文';
    p.append(span);
    lines.set(p, n);
    body.append(p);
    return p;
  };
  const paras = blocks.map((b) => para(b.lines, b.cls));
  const first = paras[0]!;
  const last = paras[paras.length - 1]!;
  /** How far the desk is scrolled (client rects move up by it). */
  let scrolled = 0;
  flow.append(cuts, repeats, body);
  // The desk's scroller: its scrollTop is how far the client rects move up.
  const scroller = document.createElement('div');
  Object.defineProperty(scroller, 'scrollTop', { get: () => scrolled, set: (v: number) => (scrolled = v) });
  scroller.append(flow);
  document.body.append(scroller);

  /** The lump as the browser places it: a spacer of no width, then the full-width float. */
  const lump = () => {
    const [spacer, gap] = Array.from(cuts.children) as HTMLElement[];
    if (!spacer || !gap) return null;
    const top = layoutUnit(parseFloat(spacer.style.height) || 0);
    return { top, bottom: top + layoutUnit(parseFloat(gap.style.height) || 0) };
  };
  /**
   * Each block's box and its lines, as a browser lays them out: a top margin moves the box; a
   * line that overlaps a float's shape steps down in whole px until it clears it (Chromium's
   * shape exclusions), a line that overlaps the lump goes below it.
   */
  let placed: { key: string; rects: Map<Element, { top: number; bottom: number; text: number; lines: number[] }>; end: number } | null = null;
  const place = () => {
    const key = `${Array.from(cuts.children, (c) => (c as HTMLElement).style.cssText).join()}|${Array.from(body.children, (c) => `${lines.get(c)}:${(c as HTMLElement).dataset.gwCut ?? ''}:${(c as HTMLElement).style.cssText}`).join()}`;
    if (placed?.key === key) return placed;
    const rects = new Map<Element, { top: number; bottom: number; text: number; lines: number[] }>();
    const lumped = lump();
    const bands: { top: number; end: number }[] = [];
    let y = 0;
    for (const el of Array.from(body.children) as HTMLElement[]) {
      const cut = el.dataset.gwCut ?? '';
      if (cut.includes('push')) y += layoutUnit(parseFloat(el.style.getPropertyValue('--gw-push')));
      const box = y;
      const float = cut.includes('float') ? box : cut.includes('inner') ? box + line : null;
      if (float !== null) {
        const bottom = float + layoutUnit(parseFloat(el.style.getPropertyValue('--gw-float-h')));
        for (const b of bandsOf(el.style.getPropertyValue('--gw-float-shape'))) bands.push({ top: float + b.top, end: Math.min(float + b.end, bottom) });
      }
      const at: number[] = [];
      for (let i = 0; i < lines.get(el)!; i++) {
        if (lumped && y + line > lumped.top + 1 / 32 && y < lumped.bottom) y = lumped.bottom;
        for (const b of bands) if (y < b.end && y + line > b.top) y += Math.ceil(b.end - y - 1e-9);
        at.push(y);
        y += line;
      }
      rects.set(el, { top: box, bottom: y, text: at[0] ?? y, lines: at });
    }
    placed = { key, rects, end: y };
    return placed;
  };
  const rect = (from: number, to: number) => ({ top: from - scrolled, bottom: to - scrolled }) as const;
  const box = (r: { top: number; bottom: number }) => ({ top: r.top, bottom: r.bottom, height: r.bottom - r.top, left: 0, right: 0, width: 0, x: 0, y: r.top, toJSON: () => ({}) }) as DOMRect;
  flow.getBoundingClientRect = () => box(rect(0, place().end));
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => box({ top: 0, bottom: 0 }));
  for (const el of Array.from(body.children)) {
    el.getBoundingClientRect = () => {
      const r = place().rects.get(el)!;
      return box(rect(r.top, r.bottom));
    };
  }
  let pages = 0;
  const layer = new PageLayer({ flow, cuts, repeats, colophon: () => false, onLayout: (layout) => (pages = layout.pages) });
  /** Where each page after the first starts: the index of its first line in the text (lines counted over all blocks). */
  const cutAt = () => {
    const all = paras.flatMap((p) => place().rects.get(p)!.lines);
    const out: number[] = [];
    all.forEach((y, i) => {
      const page = Math.floor((y + 1) / SHEET_PITCH_PX);
      if (page > out.length) out.push(i);
    });
    return out;
  };
  /** The boundaries written: the blocks that carry one, and the lump. */
  const written = () => paras.filter((p) => p.dataset.gwCut).length + (lump() ? 1 : 0);
  const scrollTo = (px: number) => {
    scrolled = px;
    scroller.dispatchEvent(new Event('scroll'));
  };
  /** Where a block's text starts. */
  const topOf = (el: Element) => place().rects.get(el)!.text;
  /**
   * Whether page `k` (0-based) lies on its sheet: its first line at the type area's top (within
   * the half px of a float's whole-px steps, and what 22 lines of `line` differ from the layer's
   * grid line), none below its foot.
   */
  const onSheet = (k: number) => {
    const on = paras.flatMap((p) => place().rects.get(p)!.lines).filter((y) => Math.floor((y + 1) / SHEET_PITCH_PX) === k);
    return on.length > 0 && Math.abs(on[0]! - typeTop(k)) <= 0.65 && on[on.length - 1]! + line <= typeTop(k) + 22 * LINE_PX + 0.65;
  };
  return { layer, cuts, first, last, paras, cutAt, written, lump, scrollTo, topOf, onSheet, scrolled: () => scrolled, pages: () => pages };
}

describe('page layer: the re-cut after an edit', () => {
  beforeEach(() => {
    observers = [];
    lines.clear();
    vi.useFakeTimers();
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('cuts the sheets in sight as soon as a line wraps, before the frame is painted; the rest when typing pauses', async () => {
    const { layer, cuts, first, cutAt } = setup();
    await vi.advanceTimersByTimeAsync(50);
    // 20 lines, the heading on line 21, the paragraph's first line fills page 1.
    expect(cutAt()).toEqual([22]);
    // A key wraps a line of the first paragraph: the heading would end page 1 (keep-with-next).
    // Reported by the ResizeObserver (after the frame's layout, before its paint): cut at once.
    lines.set(first, 21);
    observers[0]!.cb([{ target: first }]);
    expect(cutAt()).toEqual([21]);
    expect(cuts.dataset.pending).toBeUndefined();
    layer.dispose();
  });

  it('after a wrap, the boundaries out of sight wait for a pause in typing, and each page starts on its sheet then', async () => {
    const { layer, cuts, paras, onSheet } = setup(Array.from({ length: 30 }, () => ({ lines: 22 })));
    await vi.advanceTimersByTimeAsync(50);
    for (let k = 0; k < 30; k++) expect(onSheet(k), `page ${k + 1}`).toBe(true);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    // A key wraps the first paragraph to 23 lines: every later page starts a line earlier.
    paras[0]!.firstChild!.textContent += '字';
    lines.set(paras[0]!, 23);
    await vi.advanceTimersByTimeAsync(0);
    observers[0]!.cb([{ target: paras[0]! }]);
    // The sheets in sight (and the next one's start) in the next frame: the page boundary lies
    // below the screen (the window shows the top of page 1).
    await vi.advanceTimersByTimeAsync(20);
    for (let k = 0; k <= screenPages; k++) expect(onSheet(k), `in sight: page ${k + 1}`).toBe(true);
    expect(onSheet(screenPages + 4), 'out of sight, not cut yet').toBe(false);
    expect(cuts.dataset.pending).toBe('');
    // More keys, each within the pause of the last: still waiting.
    for (let i = 0; i < 4; i++) {
      paras[0]!.firstChild!.textContent += '字';
      await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS - 100);
      expect(cuts.dataset.pending).toBe('');
    }
    // Typing pauses: every page to the horizon starts on its sheet.
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 20);
    expect(cuts.dataset.pending).toBeUndefined();
    for (let k = 0; k < 30; k++) expect(onSheet(k), `after the pause: page ${k + 1}`).toBe(true);
    layer.dispose();
  });

  it('in the ResizeObserver callback writes only the boundaries that reach the screen; those in sight below it in the next frame', async () => {
    const { layer, paras, onSheet, scrollTo, written } = setup(Array.from({ length: 30 }, () => ({ lines: 22 })));
    await vi.advanceTimersByTimeAsync(50);
    const wrap = async (p: HTMLElement, n: number) => {
      p.firstChild!.textContent += '字';
      lines.set(p, n);
      await vi.advanceTimersByTimeAsync(0);
      observers[0]!.cb([{ target: p }]);
    };
    // The window shows the top of page 1: the boundary to page 2 lies below it. In the callback
    // (this frame's paint) nothing on screen moves, so nothing is written; the next frame cuts it.
    const before = written();
    const firstBoundary = () => paras[1]!.dataset.gwCut ?? paras[0]!.dataset.gwCut ?? '';
    const cutBefore = firstBoundary();
    await wrap(paras[0]!, 23);
    expect(onSheet(0), 'page 1, its last line below the screen: not cut in this frame').toBe(false);
    expect(firstBoundary(), 'nothing written in the callback').toBe(cutBefore);
    await vi.advanceTimersByTimeAsync(20);
    expect(onSheet(0), 'the next frame').toBe(true);
    expect(onSheet(1), 'the next frame').toBe(true);
    expect(written()).toBeGreaterThanOrEqual(before);
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 50);
    // Scrolled so that the foot of page 3 and the top of page 4 are on screen: a wrap on page 3
    // moves its last line there, so that boundary is cut in the callback, before the frame is
    // painted; the foot of page 4, below the screen, in the next frame.
    scrollTo(3 * SHEET_PITCH_PX - innerHeight / 2);
    await vi.advanceTimersByTimeAsync(50);
    await wrap(paras[2]!, 23);
    expect(onSheet(2), 'page 3 at once').toBe(true);
    expect(onSheet(3), 'the foot of page 4, below the screen: not in this frame').toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(onSheet(3), 'page 4 in the next frame').toBe(true);
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 50);
    for (let k = 0; k < 30; k++) expect(onSheet(k), `after the pause: page ${k + 1}`).toBe(true);
    layer.dispose();
  });

  it('after a wrap, a scroll that keeps the same sheets in view cuts nothing more; one that shows another sheet cuts the rest first', async () => {
    const { layer, cuts, paras, onSheet, scrollTo, written } = setup(Array.from({ length: 30 }, () => ({ lines: 22 })));
    await vi.advanceTimersByTimeAsync(50);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    paras[0]!.firstChild!.textContent += '字';
    lines.set(paras[0]!, 23);
    await vi.advanceTimersByTimeAsync(0);
    observers[0]!.cb([{ target: paras[0]! }]);
    await vi.advanceTimersByTimeAsync(20);
    expect(onSheet(screenPages + 4), 'out of sight, not cut yet').toBe(false);
    // Typing on the window's last line: the editor scrolls the caret into view by a line.
    const before = written();
    scrollTo(LINE_PX);
    await vi.advanceTimersByTimeAsync(20);
    expect(onSheet(screenPages + 4), 'a line further down: still not cut').toBe(false);
    expect(cuts.dataset.pending, 'still waiting for the pause').toBe('');
    expect(written()).toBe(before);
    // A scroll that shows the next sheets: the rest is cut before they are seen.
    scrollTo(3 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(20);
    for (let k = 0; k < 30; k++) expect(onSheet(k), `after the scroll: page ${k + 1}`).toBe(true);
    layer.dispose();
  });

  it('writes the boundaries only from a few sheets above the screen to the horizon past it, and moves both as the desk scrolls', async () => {
    const { layer, paras, written, lump, scrollTo, topOf } = setup(Array.from({ length: 100 }, () => ({ lines: 22 })));
    await vi.advanceTimersByTimeAsync(50);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    const exact = (from: number, to: number) => {
      for (let k = from; k < to; k++) expect(Math.abs(topOf(paras[k]!) - typeTop(k)), `page ${k + 1}`).toBeLessThanOrEqual(1 / 128); // on the 1/64 px grid
    };
    expect(written()).toBe(screenPages + HORIZON_PAGES);
    // Up to the horizon every page starts on its sheet's type area.
    exact(0, screenPages + HORIZON_PAGES);
    // Scrolled 50 sheets down: the horizon follows; the boundaries above BEHIND_PAGES sheets over the
    // screen are one float, at the top, and every page from there on still starts on its type area.
    scrollTo(50 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    const from = 50 - BEHIND_PAGES;
    expect(written()).toBe(1 + 50 + screenPages + HORIZON_PAGES - from + 1);
    expect(lump()).not.toBeNull();
    exact(from, 50 + screenPages + HORIZON_PAGES);
    // A few sheets further: within the slack, nothing is written again.
    scrollTo(55 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(written()).toBe(1 + 50 + screenPages + HORIZON_PAGES - from + 1);
    // Near the end: every boundary to the last is written, from BEHIND_PAGES above the screen.
    scrollTo(95 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(written()).toBe(1 + 99 - (95 - BEHIND_PAGES) + 1);
    exact(95 - BEHIND_PAGES, 100);
    // Back up near the lumped sheets (before they come into sight): written again.
    scrollTo((95 - BEHIND_PAGES + 1) * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    exact(95 - 2 * BEHIND_PAGES + 1, 100);
    scrollTo(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(written()).toBe(screenPages + HORIZON_PAGES);
    exact(0, screenPages + HORIZON_PAGES);
    layer.dispose();
  });

  it('measures a block that holds a float without the float, among many floats', async () => {
    // 459 lines: 21 pages of 22 (462 lines) hold them. Block 10 (lines 150–165) holds the float
    // between pages 7 and 8 (line 154), ≈ 7.5 lines of gap inside its box.
    const { layer, paras, pages, written } = setup([...Array.from({ length: 29 }, () => ({ lines: 15 })), { lines: 24 }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(pages()).toBe(21);
    expect(written()).toBeGreaterThan(8);
    // A key in block 10 that gives it `n` lines; the re-cut follows at the pause.
    const crossed = paras[10]!;
    const grow = async (n: number) => {
      crossed.firstChild!.textContent += '字';
      lines.set(crossed, n);
      await vi.advanceTimersByTimeAsync(0);
      observers[0]!.cb([{ target: crossed }]);
      await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 50);
    };
    // 460 lines, still 21 pages — unless the float inside its box were taken for text (467, 22).
    await grow(16);
    expect(pages()).toBe(21);
    // 462: the last page full; 463: 22 pages.
    await grow(18);
    expect(pages()).toBe(21);
    await grow(19);
    expect(pages()).toBe(22);
    layer.dispose();
  });

  it('cuts at once when the text runs past the last sheet, and not again on every key when only rounding put it there', async () => {
    // 22 one-line blocks whose line boxes are a hair taller than the grid: each
    // measures as one line, the model has page 1 full, and the flow ends ≈ 0.9 px below its type area.
    const { layer, paras, pages } = setup(Array.from({ length: 22 }, () => ({ lines: 1 })), LINE_PX + 0.04);
    const observer = observers[0] as unknown as FakeResizeObserver;
    const run = vi.spyOn(PageLayer.prototype as unknown as { run: () => void }, 'run');
    await vi.advanceTimersByTimeAsync(100);
    expect(pages()).toBe(1);
    const cuts = run.mock.calls.length;
    const key = async (p: HTMLElement, n = lines.get(p)!) => {
      p.firstChild!.textContent += '字';
      lines.set(p, n);
      await vi.advanceTimersByTimeAsync(0);
      // The block typed into is watched again, and a newly watched block is reported.
      observer.cb([{ target: p }]);
      await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS / 4);
    };
    // Keys that wrap nothing, within the pause of each other: no re-cut while typing.
    for (let i = 0; i < 5; i++) await key(paras[10]!);
    expect(run.mock.calls.length).toBe(cuts);
    // A key that wraps the last block onto a line past the sheet: cut in the next frame, a second sheet.
    await key(paras[21]!, 2);
    expect(pages()).toBe(2);
    layer.dispose();
  });

  it('a jump past the horizon or into the lumped sheets re-cuts and keeps the caret where the jump put it', async () => {
    const { layer, paras, scrollTo, topOf, scrolled } = setup(Array.from({ length: 300 }, () => ({ lines: 11 })));
    await vi.advanceTimersByTimeAsync(50);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    const onSheets = () => {
      // What is in the window lies on its sheets: block 2k starts page k + 1.
      const seen = Math.floor(scrolled() / SHEET_PITCH_PX);
      for (let k = seen; k < Math.min(150, seen + screenPages); k++) expect(Math.abs(topOf(paras[2 * k]!) - typeTop(k)), `page ${k + 1}`).toBeLessThanOrEqual(1 / 128);
    };
    for (const block of [paras[201]!, paras[11]!, paras[291]!, paras[151]!]) {
      // The caret moved to a block whose text is not cut yet (uncut below, lumped above), then scrolled to.
      document.getSelection()!.collapse(block.firstChild, 0);
      const at = topOf(block) - innerHeight / 2;
      scrollTo(at);
      const before = topOf(block) - scrolled();
      await vi.advanceTimersByTimeAsync(50);
      expect(topOf(block) - scrolled(), `block ${paras.indexOf(block)}: the caret stays where the jump put it`).toBeCloseTo(before, 3);
      onSheets();
    }
    // The scroll bar dragged far (the caret out of the window): the window stays on the sheet it was dragged to.
    scrollTo(20 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(scrolled()).toBe(20 * SHEET_PITCH_PX);
    onSheets();
    layer.dispose();
  });

  it('keeps every page far down a long report on its sheet: the lump and the cuts on the layout grid', async () => {
    // 400 pages of 22 lines of 38.59375 px (the 1/64 px grid, not the model's 38.6): each page's
    // lines end 0.1375 px above where the model has them, over 300 pages more than a line.
    const { layer, paras, scrollTo, topOf, cuts } = setup(Array.from({ length: 400 }, () => ({ lines: 22 })), 38.59375);
    await vi.advanceTimersByTimeAsync(50);
    for (const sheet of [300, 120, 390]) {
      scrollTo(sheet * SHEET_PITCH_PX);
      await vi.advanceTimersByTimeAsync(50);
      expect((cuts.children[1] as HTMLElement).style.height, 'a lump at the top').not.toBe('');
      for (let k = sheet - BEHIND_PAGES; k < Math.min(400, sheet + 3); k++) expect(Math.abs(topOf(paras[k]!) - typeTop(k)), `scrolled to ${sheet + 1}: page ${k + 1}`).toBeLessThanOrEqual(1 / 128);
    }
    layer.dispose();
  });

  it('once a cut settles, watches the sizes of blocks touched since, not of every block nor of those that carry a cut', async () => {
    // 400 blocks of 3 lines: pages start at lines 22, 44, 66… (blocks 7, 14, 22…).
    const { layer, paras } = setup(Array.from({ length: 400 }, () => ({ lines: 3 })));
    const observer = observers[0] as unknown as FakeResizeObserver;
    const watched = (p: Element) => observer.observed.has(p);
    /** A key that changes a block's lines and its height report; the re-cut runs EDIT_PAUSE_MS + a frame later. */
    const edit = async (p: HTMLElement, n: number) => {
      p.firstChild!.textContent += '字';
      lines.set(p, n);
      await vi.advanceTimersByTimeAsync(0);
      observer.cb([{ target: p }]);
    };
    // The first cut measured every block; the frame after it confirmed it (nothing changed), and
    // nothing is watched, not even the blocks that carry a float (it moves only at a cut).
    await vi.advanceTimersByTimeAsync(100);
    expect(paras.filter(watched)).toEqual([]);
    const quiet = paras[10]!;

    // A re-cut watches only the block typed into until it settles: block 6 grows a line, so page 2
    // starts with block 7 (no longer inside it).
    await edit(paras[6]!, 4);
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 16 + 1);
    expect(watched(paras[6]!)).toBe(true);
    expect(paras.filter(watched)).toEqual([paras[6]]);
    expect(watched(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(40);
    expect(paras.filter(watched)).toEqual([]);

    // Typed into: watched at once; still watched after a cut it was typed into after.
    await edit(paras[350]!, 4);
    expect(watched(paras[350]!)).toBe(true);
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 16 + 5);
    quiet.firstChild!.textContent += '字';
    await vi.advanceTimersByTimeAsync(40);
    expect(watched(quiet)).toBe(true);
    // Its size reported, it is let go at the next settled cut.
    await edit(paras[350]!, 3);
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 60);
    expect(watched(quiet)).toBe(false);
    expect(watched(paras[350]!)).toBe(false);

    // A class (an attribute) can change a block's height: watched too.
    quiet.className = 'gw-p gw-other';
    await vi.advanceTimersByTimeAsync(0);
    expect(watched(quiet)).toBe(true);
    layer.dispose();
  });

  it('keeps every block watched while a cut has not settled (a measured height changed after it)', async () => {
    const { layer, paras } = setup(Array.from({ length: 400 }, () => ({ lines: 3 })));
    const observer = observers[0] as unknown as FakeResizeObserver;
    await vi.advanceTimersByTimeAsync(100);
    expect(observer.observed.has(paras[10]!)).toBe(false);
    // A refresh (fonts, zoom, printing) measures and watches every block; in the frame after its
    // cut, before the check, a height changes: nothing is let go.
    layer.refresh();
    await vi.advanceTimersByTimeAsync(16 + 5);
    lines.set(paras[200]!, 4);
    observer.cb([{ target: paras[200]! }]);
    await vi.advanceTimersByTimeAsync(30);
    expect(paras.every((p) => observer.observed.has(p))).toBe(true);
    layer.dispose();
  });
});

/**
 * The page layer's timing: an edit's re-cut (which moves floats, a relayout of everything after
 * them) waits for a pause in typing. The browser's layout is emulated: blocks are stacks of grid
 * lines, a line that would overlap a boundary float starts below it (as the float pushes it).
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

/** Lines of each block (by element); the floats are read back from the cut holder's styles. */
const lines = new Map<Element, number>();
/**
 * `line`: the emulated browser's line box height (a browser puts it on the 1/64 px grid: 38.59375
 * for the layer's 38.6, so a page's lines end a little above its float).
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
    p.textContent = '正文';
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

  /** The floats as the browser places them: stacked in the holder, each below the previous. */
  const floats = () => {
    const out: { top: number; bottom: number }[] = [];
    let y = 0;
    for (const el of Array.from(cuts.children) as HTMLElement[]) {
      const top = y + (parseFloat(el.style.marginTop) || 0);
      const bottom = top + (parseFloat(el.style.height) || 0);
      if (el.classList.contains('gw-cut')) out.push({ top, bottom });
      y = bottom;
    }
    return out;
  };
  /** Each block's box (its top not moved by a float, as a browser has it) and its first line's top. */
  let placed: { key: string; rects: Map<Element, { top: number; bottom: number; text: number }>; end: number } | null = null;
  const place = () => {
    const key = `${Array.from(cuts.children, (c) => (c as HTMLElement).style.height).join()}|${Array.from(body.children, (c) => lines.get(c)).join()}`;
    if (placed?.key === key) return placed;
    const rects = new Map<Element, { top: number; bottom: number; text: number }>();
    const fl = floats();
    let y = 0;
    for (const el of Array.from(body.children)) {
      const box = y;
      let text: number | null = null;
      for (let i = 0; i < lines.get(el)!; i++) {
        // A line box that would overlap a full-width float is moved below it (1/32 px: the floats sit on the 1/64 px grid).
        for (const f of fl) if (y + line > f.top + 1 / 32 && y < f.bottom) y = f.bottom;
        text ??= y;
        y += line;
      }
      rects.set(el, { top: box, bottom: y, text: text ?? y });
    }
    placed = { key, rects, end: y };
    return placed;
  };
  const rect = (from: number, to: number) => ({ top: from - scrolled, bottom: to - scrolled }) as const;
  const box = (r: { top: number; bottom: number }) => ({ top: r.top, bottom: r.bottom, height: r.bottom - r.top, left: 0, right: 0, width: 0, x: 0, y: r.top, toJSON: () => ({}) }) as DOMRect;
  flow.getBoundingClientRect = () => box(rect(0, place().end));
  // The floats where the browser placed them (the layer measures against those).
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const gaps = Array.from(cuts.children).filter((c) => c.classList.contains('gw-cut'));
    const at = gaps.indexOf(this);
    if (at < 0) return box({ top: 0, bottom: 0 });
    const f = floats()[at]!;
    return box(rect(f.top, f.bottom));
  });
  for (const el of Array.from(body.children)) {
    el.getBoundingClientRect = () => {
      const r = place().rects.get(el)!;
      return box(rect(r.top, r.bottom));
    };
  }
  let pages = 0;
  const layer = new PageLayer({ flow, cuts, repeats, colophon: () => false, onLayout: (layout) => (pages = layout.pages) });
  const cutAt = () => floats().map((f) => Math.round(f.top / LINE_PX));
  const scrollTo = (px: number) => {
    scrolled = px;
    scroller.dispatchEvent(new Event('scroll'));
  };
  /** Where a block's text starts. */
  const topOf = (el: Element) => place().rects.get(el)!.text;
  return { layer, cuts, first, last, paras, cutAt, scrollTo, topOf, scrolled: () => scrolled, pages: () => pages };
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

  it('waits until typing pauses, not until heights stop changing', async () => {
    const { layer, cuts, first, last, cutAt } = setup();
    await vi.advanceTimersByTimeAsync(50);
    // 20 lines, the heading on line 21, the paragraph's first line fills page 1.
    expect(cutAt()).toEqual([22]);

    // A key wraps a line of the first paragraph: the heading would end page 1 (keep-with-next).
    lines.set(first, 21);
    observers[0]!.cb([{ target: first }]);
    expect(cuts.dataset.pending).toBe('');
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS - 100);

    // More keys that wrap nothing, each within the pause of the last: still no re-cut.
    for (let i = 0; i < 4; i++) {
      last.firstChild!.textContent += '字';
      await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS - 100);
      expect(cutAt()).toEqual([22]);
      expect(cuts.dataset.pending).toBe('');
    }

    // Typing pauses: the re-cut moves the heading to page 2.
    await vi.advanceTimersByTimeAsync(200);
    expect(cutAt()).toEqual([21]);
    expect(cuts.dataset.pending).toBeUndefined();
    layer.dispose();
  });

  it('writes the floats only from a few sheets above the screen to the horizon past it, and moves both as the desk scrolls', async () => {
    const { layer, paras, cutAt, scrollTo, topOf } = setup(Array.from({ length: 100 }, () => ({ lines: 22 })));
    await vi.advanceTimersByTimeAsync(50);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    const exact = (from: number, to: number) => {
      for (let k = from; k < to; k++) expect(Math.abs(topOf(paras[k]!) - typeTop(k)), `page ${k + 1}`).toBeLessThanOrEqual(1 / 128); // on the 1/64 px grid
    };
    expect(cutAt()).toHaveLength(screenPages + HORIZON_PAGES);
    // Up to the horizon every page starts on its sheet's type area.
    exact(0, screenPages + HORIZON_PAGES);
    // Scrolled 50 sheets down: the horizon follows; the floats above BEHIND_PAGES sheets over the
    // screen are one, at the top, and every page from there on still starts on its type area.
    scrollTo(50 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    const from = 50 - BEHIND_PAGES;
    expect(cutAt()).toHaveLength(1 + 50 + screenPages + HORIZON_PAGES - from + 1);
    expect(cutAt()[0]).toBe(0);
    exact(from, 50 + screenPages + HORIZON_PAGES);
    // A few sheets further: within the slack, nothing is written again.
    scrollTo(55 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(cutAt()).toHaveLength(1 + 50 + screenPages + HORIZON_PAGES - from + 1);
    // Near the end: every boundary to the last has its float, from BEHIND_PAGES above the screen.
    scrollTo(95 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(cutAt()).toHaveLength(1 + 99 - (95 - BEHIND_PAGES) + 1);
    exact(95 - BEHIND_PAGES, 100);
    // Back up near the lumped sheets (before they come into sight): written again.
    scrollTo((95 - BEHIND_PAGES + 1) * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    exact(95 - 2 * BEHIND_PAGES + 1, 100);
    scrollTo(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(cutAt()).toHaveLength(screenPages + HORIZON_PAGES);
    exact(0, screenPages + HORIZON_PAGES);
    layer.dispose();
  });

  it('measures a block that a float crosses without the float, among many floats', async () => {
    // 459 lines: 21 pages of 22 (462 lines) hold them. Block 10 (lines 150–165) crosses the float
    // between pages 7 and 8 (line 154), ≈ 7.5 lines of gap inside its box.
    const { layer, paras, pages, cutAt } = setup([...Array.from({ length: 29 }, () => ({ lines: 15 })), { lines: 24 }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(pages()).toBe(21);
    expect(cutAt().length).toBeGreaterThan(8);
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
    const { layer, paras, scrollTo, topOf, scrolled, cutAt } = setup(Array.from({ length: 300 }, () => ({ lines: 11 })));
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

  it('sizes the lump from where the browser puts the text, not from the page model alone (the lines on the 1/64 px grid leave holes)', async () => {
    // 400 pages of 22 lines of 38.59375 px: each page's lines end 0.1375 px above its float, over
    // 300 pages more than a line, which the page model does not see.
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

  it('once a cut settles, watches the sizes of blocks touched since, not of every block nor of those the floats cross', async () => {
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
    // nothing is watched, not even the blocks the floats cross (a float moves only at a cut).
    await vi.advanceTimersByTimeAsync(100);
    expect(paras.filter(watched)).toEqual([]);
    const quiet = paras[10]!;

    // A re-cut watches the blocks its floats cross (two at each boundary up to the horizon) until
    // it settles: block 6 grows a line, so page 2 starts with block 7 (no longer inside it).
    await edit(paras[6]!, 4);
    await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 16 + 1);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    expect(watched(paras[6]!) && watched(paras[7]!) && watched(paras[13]!) && watched(paras[14]!)).toBe(true);
    expect(paras.filter(watched).length).toBeLessThanOrEqual(2 * (screenPages + HORIZON_PAGES) + 1);
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

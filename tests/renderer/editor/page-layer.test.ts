/**
 * The page layer's timing: an edit's re-cut (which moves floats, a relayout of everything after
 * them) waits for a pause in typing. The browser's layout is emulated: blocks are stacks of grid
 * lines, a line that would start inside a boundary float starts below it (as the float pushes it).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EDIT_PAUSE_MS, HORIZON_PAGES, LINE_PX, PageLayer, SHEET_PITCH_PX, typeTop } from '../../../renderer/editor/page/page-layer';

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
function setup(blocks: { lines: number; cls?: string }[] = [{ lines: 20 }, { lines: 1, cls: 'gw-heading gw-h1' }, { lines: 5 }]) {
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
  document.body.append(flow);

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
  const place = () => {
    const rects = new Map<Element, { top: number; bottom: number }>();
    const fl = floats();
    let y = 0;
    for (const el of Array.from(body.children)) {
      let top: number | null = null;
      for (let i = 0; i < lines.get(el)!; i++) {
        for (const f of fl) if (y >= f.top - 0.01 && y < f.bottom) y = f.bottom;
        top ??= y;
        y += LINE_PX;
      }
      rects.set(el, { top: top ?? y, bottom: y });
    }
    return { rects, end: y };
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
  const layer = new PageLayer({ flow, cuts, repeats, colophon: () => false, onLayout: () => {} });
  const cutAt = () => floats().map((f) => Math.round(f.top / LINE_PX));
  const scrollTo = (px: number) => {
    scrolled = px;
    document.dispatchEvent(new Event('scroll'));
  };
  const topOf = (el: Element) => place().rects.get(el)!.top;
  return { layer, cuts, first, last, paras, cutAt, scrollTo, topOf };
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

  it('writes the floats only up to the horizon past the screen, and moves it as the desk scrolls', async () => {
    const { layer, paras, cutAt, scrollTo, topOf } = setup(Array.from({ length: 100 }, () => ({ lines: 22 })));
    await vi.advanceTimersByTimeAsync(50);
    const screenPages = Math.ceil(innerHeight / SHEET_PITCH_PX);
    expect(cutAt()).toHaveLength(screenPages + HORIZON_PAGES);
    // Up to the horizon every page starts on its sheet's type area.
    for (let k = 0; k < screenPages + HORIZON_PAGES; k++) expect(Math.abs(topOf(paras[k]!) - typeTop(k))).toBeLessThanOrEqual(1 / 128); // on the 1/64 px grid
    // Scrolled 50 sheets down: the horizon follows.
    scrollTo(50 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(cutAt()).toHaveLength(50 + screenPages + HORIZON_PAGES);
    for (let k = 0; k < 50 + screenPages + HORIZON_PAGES; k++) expect(Math.abs(topOf(paras[k]!) - typeTop(k))).toBeLessThanOrEqual(1 / 128); // on the 1/64 px grid
    // A few sheets further: within the slack, nothing is written again.
    scrollTo(55 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(cutAt()).toHaveLength(50 + screenPages + HORIZON_PAGES);
    // Near the end: every boundary has its float.
    scrollTo(95 * SHEET_PITCH_PX);
    await vi.advanceTimersByTimeAsync(50);
    expect(cutAt()).toHaveLength(99);
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

/**
 * Where a long 标题 breaks (GB/T 9704 7.3.3: 回行时要做到词意完整，排列对称，长短适宜，
 * 间距恰当；标题排列应当使用梯形或菱形). One function for the screen, print and the .docx,
 * which writes the breaks as explicit line breaks so Word and LibreOffice never re-wrap it.
 *
 * - Line breaks the writer typed are kept (a forced break); each part is broken on its own.
 * - A part longer than a line breaks only between words: never inside a number, between a
 *   number and 年/年度/月/日/号…, inside a word (Intl.Segmenter's dictionary where the runtime
 *   has one, plus rules for organ names: 委员|会, 办事|处, 某某|县 stay together), next to
 *   opening/closing punctuation.
 * - Preferred: before 关于, between two organ names, before a year; 的 and 和/与/及 are poor
 *   places. Among the break sets with the fewest lines the most balanced wins (lines of near
 *   equal length give the rectangle/trapezoid/diamond shapes the standard asks for).
 *
 * Pure: no DOM; Intl.Segmenter is the ECMAScript one (Node and Chromium both have it).
 */
import { SIZES_PT, TYPE_AREA, mmToPt } from './geometry';

/** Characters (full-width cells) a 2号 title line holds: 156 mm / 22 pt = 20. */
export const TITLE_LINE_CELLS = Math.floor(mmToPt(TYPE_AREA.widthMm) / SIZES_PT.title);

const isHalf = (ch: string): boolean => /[\u0000-\u00ff]/.test(ch);
const cellsOf = (chars: readonly string[], from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n += isHalf(chars[i]!) ? 0.5 : 1;
  return n;
};

const OPENING = '（《「『“‘〔【(［';
const CLOSING = '，。、；：？！）》」』”’〕】)］,.;:?!%％';
/** Units and counters that belong to the number before them. */
const UNITS = '年月日号度届次季期周个项件万亿元';
/** One-character organ suffixes the dictionary tends to split off (委员|会, 办事|处). */
const SUFFIXES = '会处室局县区市镇乡省厅部委院府所站队办组庭司馆校村社';
/** Of those, the ones that end an organ's name (县/区/市… usually begin the next part of it). */
const ORGAN_ENDS = '会处室局厅部委院府所站队办组庭司馆校社';
const ALNUM = /[0-9A-Za-z０-９]/;

type Segment = { index: number; segment: string };

/**
 * Where the dictionary's word starts of a title may be kept between runs. The first Intl
 * object of a process costs V8's locale-set set-up (13–20 ms here, before any text is
 * segmented); a short-lived process (the CLI) keeps the answers instead. The breaks are the
 * same either way: the store holds the Segmenter's output, not the lines.
 */
export interface WordStartsStore {
  get(text: string): readonly number[] | undefined;
  set(text: string, starts: readonly number[]): void;
}

let wordStartsStore: WordStartsStore | null = null;

/** Installs (or, with null, removes) the store the word starts are read from and kept in. */
export function setWordStartsStore(store: WordStartsStore | null): void {
  wordStartsStore = store;
}

function wordStarts(text: string): Set<number> | null {
  const kept = wordStartsStore?.get(text);
  if (kept) return new Set(kept);
  const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: 'word' }) => { segment(t: string): Iterable<Segment> } }).Segmenter;
  if (!Seg) return null;
  const out = new Set<number>();
  // Indices in UTF-16 code units → convert to code-point indices below.
  for (const s of new Seg('zh-CN', { granularity: 'word' }).segment(text)) out.add(s.index);
  wordStartsStore?.set(text, [...out]);
  return out;
}

/** Penalty of breaking before chars[i] (Infinity = never). */
function penalties(chars: readonly string[]): number[] {
  const text = chars.join('');
  const starts = wordStarts(text);
  // code-unit offset of each char
  const offsets: number[] = [];
  let off = 0;
  for (const ch of chars) {
    offsets.push(off);
    off += ch.length;
  }
  const segStart = (i: number) => (starts ? starts.has(offsets[i]!) : true);
  const out: number[] = new Array(chars.length).fill(Infinity);
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!;
    const b = chars[i]!;
    if (ALNUM.test(a) && ALNUM.test(b)) continue;
    if (ALNUM.test(a) && UNITS.includes(b)) continue;
    if (a === '年' && b === '度') continue;
    if (CLOSING.includes(b) || OPENING.includes(a)) continue;
    if (a === ' ' || b === ' ') {
      out[i] = 0;
      continue;
    }
    let p: number;
    if (text.startsWith('关于', offsets[i]!)) p = 0;
    else if (!segStart(i)) p = 100; // inside a dictionary word
    else if (SUFFIXES.includes(b) && (i + 1 >= chars.length || segStart(i + 1))) p = 80; // 委员|会
    else if (ORGAN_ENDS.includes(a)) p = 6; // after an organ name (before the next one, or a year)
    else if (SUFFIXES.includes(a)) p = 25; // 新县|金兰山…: inside a name
    else if (b === '的' || a === '的') p = 40;
    else if ('和与及'.includes(b) || '和与及'.includes(a)) p = 30;
    else p = 20;
    out[i] = p;
  }
  return out;
}

/** Break one part (no typed breaks in it) into balanced lines by words. */
function breakPart(text: string, cap: number): string[] {
  const chars = [...text];
  const total = cellsOf(chars, 0, chars.length);
  if (total <= cap) return [text];
  const pen = penalties(chars);
  const n = chars.length;
  const minLines = Math.ceil(total / cap);
  for (let lines = minLines; lines <= minLines + 2; lines++) {
    const target = total / lines;
    // best[k][i]: cheapest way to set chars[0..i) in k lines.
    const best: number[][] = Array.from({ length: lines + 1 }, () => new Array(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => new Array(n + 1).fill(-1));
    best[0]![0] = 0;
    for (let k = 1; k <= lines; k++) {
      for (let i = 1; i <= n; i++) {
        if (i < n && pen[i] === Infinity) continue;
        const breakCost = i < n ? pen[i]! : 0;
        for (let j = i - 1; j >= 0; j--) {
          const w = cellsOf(chars, j, i);
          if (w > cap) break;
          if (best[k - 1]![j] === Infinity) continue;
          const cost = best[k - 1]![j]! + breakCost + 3 * Math.abs(w - target);
          if (cost < best[k]![i]!) {
            best[k]![i] = cost;
            from[k]![i] = j;
          }
        }
      }
    }
    if (best[lines]![n] === Infinity) continue;
    const out: string[] = [];
    let i = n;
    for (let k = lines; k > 0; k--) {
      const j = from[k]![i]!;
      out.unshift(chars.slice(j, i).join('').trim());
      i = j;
    }
    return out;
  }
  // No word break fits (one very long word): plain character breaks.
  const out: string[] = [];
  let line: string[] = [];
  for (const ch of chars) {
    if (line.length > 0 && cellsOf([...line, ch], 0, line.length + 1) > cap) {
      out.push(line.join(''));
      line = [];
    }
    line.push(ch);
  }
  if (line.length > 0) out.push(line.join(''));
  return out;
}

/** The title as printed, one string a line. Typed line breaks are kept. */
export function titleLines(title: string, cap: number = TITLE_LINE_CELLS): string[] {
  return title
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => breakPart(p, cap));
}

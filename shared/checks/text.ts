/**
 * Small text helpers shared by the rules. Keyword lists are compiled once per ruleset
 * into one alternation (longest first), so a 30-page report is scanned in linear time.
 */

/** Quote marks and spaces that writers put around or inside key phrases (“第一责任人”, '第一责任人'). */
const NOISE = /[\s\u3000“”"'‘’「」『』《》〈〉]/g;

/** Text with spaces and quote marks removed, for keyword matching. */
export function squeeze(text: string): string {
  return text.replace(NOISE, '');
}

/** A short excerpt for `where.text`: whole text when short, else the start with an ellipsis (counted in characters, never half a surrogate pair). */
export function snippet(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(t);
  return chars.length <= max ? t : `${chars.slice(0, max).join('')}…`;
}

/** Sentences, split after 。！？；!?; and line breaks (the mark stays with its sentence). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '。' || c === '！' || c === '？' || c === '；' || c === '!' || c === '?' || c === ';' || c === '\n') {
      const s = text.slice(start, i + 1);
      if (s.trim()) out.push(s);
      start = i + 1;
    }
  }
  const rest = text.slice(start);
  if (rest.trim()) out.push(rest);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface KeywordMatcher {
  /** The longest keyword found in (squeezed) text, or null. */
  longest(text: string): string | null;
  test(text: string): boolean;
  /** Every match, left to right (the longest keyword at each place). */
  all(text: string): { index: number; word: string }[];
}

/**
 * Whether `text` holds any of `words` as written (String.includes of any of them), in one
 * search: a prefilter before looking for which one comes first in the list.
 */
export function includesAny(words: readonly string[]): (text: string) => boolean {
  if (words.length === 0) return () => false;
  if (words.some((w) => w.length === 0)) return () => true;
  const re = new RegExp([...new Set(words)].map(escapeRegExp).join('|'));
  return (text) => re.test(text);
}

const NEVER: KeywordMatcher = { longest: () => null, test: () => false, all: () => [] };

export function keywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const list = [...new Set(keywords.map(squeeze).filter((k) => k.length > 0))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return NEVER;
  const source = list.map(escapeRegExp).join('|');
  const tester = new RegExp(source);
  const global = new RegExp(source, 'g');
  return {
    test: (text) => tester.test(text),
    all(text) {
      const out: { index: number; word: string }[] = [];
      global.lastIndex = 0;
      for (let m = global.exec(text); m; m = global.exec(text)) out.push({ index: m.index, word: m[0] });
      return out;
    },
    longest(text) {
      let best: string | null = null;
      global.lastIndex = 0;
      for (let m = global.exec(text); m; m = global.exec(text)) {
        if (!best || m[0].length > best.length) best = m[0];
      }
      return best;
    },
  };
}

/** Years written as 2023年 / 2023年度 (4 digits, 1900–2099) in order of appearance. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  // The end of a range (2021-2025年, 2021至2025年) is no year of its own.
  const re = /(?<![\d\-－—–~～至到]\s*)((?:19|20)\d{2})(?=\s*年)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(Number(m[1]));
  return out;
}

/** What substanceLength leaves out: punctuation, symbols, spaces and the placeholder marks (×, XX, ＊, …, __). */
export const NOT_SUBSTANCE = /[×xX＊*…_＿\-—\s\u3000\p{P}\p{S}]/u;
/** NOT_SUBSTANCE's verdict on each UTF-16 unit, as it is first met: 0 not yet asked, 1 kept, 2 left out. */
const unitVerdict = new Uint8Array(0x10000);

/**
 * Characters that carry meaning (letters, digits, CJK), ignoring punctuation, spaces and
 * placeholder marks, in UTF-16 units (as the text with NOT_SUBSTANCE removed). Counted, not
 * replaced: the check measures every block of the report on each run, and a Unicode-class
 * replace over a 300-page report took a third of the run (10 of 28 ms).
 */
export function substanceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // A character outside the BMP: asked whole (rare in a report).
        if (!NOT_SUBSTANCE.test(text.slice(i, i + 2))) n += 2;
        i++;
        continue;
      }
    }
    let verdict = unitVerdict[unit]!;
    if (verdict === 0) {
      verdict = NOT_SUBSTANCE.test(String.fromCharCode(unit)) ? 2 : 1;
      unitVerdict[unit] = verdict;
    }
    if (verdict === 1) n++;
  }
  return n;
}

export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

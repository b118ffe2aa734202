/**
 * Where a finding is: the exact [start, end) of the offending text in its block (or header
 * field), and a short excerpt around it. Computed here, once, for every rule — the panel, the
 * export gate and the CLI read `where` and never search the text again.
 *
 * A rule that knows the offset passes it (`start`/`end` in FindingSpec). Otherwise the rule's
 * `text` is looked for in the block: exactly, then ignoring spaces and quote marks (keywords
 * are matched squeezed); the n-th finding of one rule with the same text in one block gets the
 * n-th occurrence. A heading text given with its number (一、…) is the heading's text. When the
 * text is not there, or none was given, the place is the whole block.
 */
import type { ReportHeader } from '../model/document';
import type { CheckInput } from './analysis';
import { blockText } from './analysis';
import { squeeze } from './text';

export interface Place {
  start: number | null;
  end: number | null;
  excerpt: string;
}

const NO_PLACE: Place = { start: null, end: null, excerpt: '' };

/** How many characters of context an excerpt shows either side, and of the offending text itself. */
const CONTEXT = 10;
const MAX_OFFENDING = 24;

/** Per check run: rule|block|text → where the next search starts (the n-th finding, the n-th occurrence). */
const cursors = new WeakMap<CheckInput, Map<string, number>>();

const NOISE_CHAR = /[\s\u3000“”"'‘’「」『』《》〈〉]/;

/** [start, end) of `word` in `text` ignoring spaces and quote marks (as squeeze() does), from `from`; null when absent. */
export function looseRange(text: string, word: string, from = 0): [number, number] | null {
  const target = squeeze(word);
  if (!target) return null;
  let squeezed = '';
  const origin: number[] = [];
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (NOISE_CHAR.test(c)) continue;
    squeezed += c;
    origin.push(i);
  }
  const at = squeezed.indexOf(target);
  if (at < 0) return null;
  return [origin[at]!, origin[at + target.length - 1]! + 1];
}

const oneLine = (s: string) => s.replace(/[\s\u3000]+/g, ' ');

/** …context offending context… with the offending part cut to MAX_OFFENDING characters. */
export function excerptAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  let offending = text.slice(start, end);
  if (offending.length > MAX_OFFENDING) offending = `${offending.slice(0, MAX_OFFENDING)}…`;
  const after = end - start > MAX_OFFENDING ? '' : text.slice(end, end + CONTEXT);
  const lead = start - CONTEXT > 0 ? '…' : '';
  const tail = after && end + CONTEXT < text.length ? '…' : '';
  return oneLine(`${lead}${before}${offending}${after}${tail}`).trim();
}

/** The text a place is counted in: the block's text, or the header field's value (list fields: lines joined by \n). */
export function placeText(input: CheckInput, block: number | null, field: keyof ReportHeader | null): string | null {
  if (block !== null) {
    const b = input.blocks[block];
    return b ? blockText(b) : null;
  }
  if (field !== null) {
    const value: unknown = input.doc.header[field];
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.join('\n');
  }
  return null;
}

export interface PlaceSpec {
  rule: string;
  block: number | null;
  field: keyof ReportHeader | null;
  text: string;
  start?: number;
  end?: number;
}

function search(input: CheckInput, spec: PlaceSpec, full: string): [number, number] | null {
  const text = spec.text;
  if (!text) return null;
  let memo = cursors.get(input);
  if (!memo) cursors.set(input, (memo = new Map()));
  const key = `${spec.rule}\u0000${spec.block}\u0000${spec.field}\u0000${text}`;
  const from = memo.get(key) ?? 0;
  const find = (at: number): [number, number] | null => {
    const i = full.indexOf(text, at);
    return i >= 0 ? [i, i + text.length] : looseRange(full, text, at);
  };
  let range = find(from) ?? (from > 0 ? find(0) : null);
  if (!range && spec.block !== null) {
    // `${label}${heading text}`: the heading's own text (the number is not text in the editor).
    const b = input.blocks[spec.block];
    if (b?.type === 'heading' && b.text && text.endsWith(b.text)) range = [0, b.text.length];
  }
  if (range) memo.set(key, range[1]);
  return range;
}

export function placeOf(input: CheckInput, spec: PlaceSpec): Place {
  const full = placeText(input, spec.block, spec.field);
  if (full === null) return NO_PLACE;
  let range: [number, number] | null = null;
  if (spec.start !== undefined) {
    const start = Math.max(0, Math.min(spec.start, full.length));
    const end = Math.max(start, Math.min(spec.end ?? start + spec.text.length, full.length));
    range = [start, end];
  } else range = search(input, spec, full);
  if (!range) {
    // No narrower place: the whole block (a heading: its text, without the run-in paragraph).
    const b = spec.block !== null ? input.blocks[spec.block] : null;
    if (spec.block === null && !spec.text) return NO_PLACE;
    range = [0, b?.type === 'heading' && b.text ? b.text.length : full.length];
  }
  return { start: range[0], end: range[1], excerpt: excerptAround(full, range[0], range[1]) };
}

/**
 * Line numbers of findings in a plain-text or Markdown input (`gongwen check report.txt` says
 * 第12行, as the file's own editor shows it). The import turns lines into blocks and header
 * fields (joining, dropping blank lines and markup), so each block is found back in the source
 * lines in order, and a finding's offending text within its block's lines. Pure and linear: the
 * search for one block looks a bounded number of lines ahead.
 */
import type { Block } from '../model/blocks';
import type { ReportHeader } from '../model/document';
import { blockText } from './analysis';

/** How far ahead a block's first words are looked for (blank lines and header lines between blocks). */
const LOOK_AHEAD = 400;
/** Enough characters to tell one paragraph from another. */
const KEY_CHARS = 12;

/** Whitespace (a table's tabs too) and Markdown emphasis/heading/table markers do not survive the import: compare without them. */
function squeeze(text: string): string {
  return text.replace(/[\s\u3000*`#>|]+/g, '');
}

export interface SourceLines {
  /** 1-based line where each block starts, null when it could not be found back. */
  readonly blockStarts: readonly (number | null)[];
  /** The line of a place: a block and an offset range in its text, or a header field's value. */
  lineOf(place: { block: number | null; field?: string | null; start: number | null; end: number | null }, text: string | null): number | null;
}

export function mapSourceLines(source: string, blocks: readonly Block[], header: ReportHeader): SourceLines {
  const lines = source.split(/\r\n|\r|\n/).map(squeeze);
  const starts: (number | null)[] = [];
  let cursor = 0;
  for (const block of blocks) {
    const key = squeeze(blockText(block)).slice(0, KEY_CHARS);
    let found: number | null = null;
    if (key) {
      for (let i = cursor, end = Math.min(lines.length, cursor + LOOK_AHEAD); i < end; i++) {
        if (lines[i]!.includes(key)) {
          found = i;
          break;
        }
      }
    }
    starts.push(found === null ? null : found + 1);
    if (found !== null) cursor = found + 1;
  }
  /** Where the next found block starts (0-based, exclusive): a block's own lines end there. */
  const nextStart = (block: number): number => {
    for (let b = block + 1; b < starts.length; b++) if (starts[b] !== null) return starts[b]! - 1;
    return lines.length;
  };
  const search = (needle: string, from: number, to: number): number | null => {
    for (let i = from; i < to; i++) if (lines[i]!.includes(needle)) return i + 1;
    return null;
  };
  return {
    blockStarts: starts,
    lineOf(place, text) {
      if (place.block !== null) {
        const start = starts[place.block];
        if (start === undefined || start === null) return null;
        if (text === null || place.start === null) return start;
        // the offending text, or (a point finding) the words from its offset on
        const slice = place.end !== null && place.end > place.start ? text.slice(place.start, place.end) : text.slice(place.start, place.start + KEY_CHARS);
        const needle = squeeze(slice).slice(0, 8);
        if (!needle) return start;
        return search(needle, start - 1, Math.max(start, nextStart(place.block))) ?? start;
      }
      const field = place.field as keyof ReportHeader | undefined;
      if (!field) return null;
      const value: unknown = header[field];
      const raw = typeof value === 'string' ? value : Array.isArray(value) ? value.join('') : '';
      const slice = text !== null && place.start !== null && place.end !== null && place.end > place.start ? text.slice(place.start, place.end) : raw;
      const needle = squeeze(slice).slice(0, KEY_CHARS);
      if (!needle) return null;
      return search(needle, 0, lines.length);
    },
  };
}

/**
 * One input line, cleaned: Markdown marks removed, surrounding (full-width) spaces
 * trimmed, and the bold spans remembered — a heading written `**（一）…。**一是…` runs in
 * exactly where its bold part ends. Text import and HTML import (which writes bold as
 * `**`) both go through `toSourceLine`, so a report gives the same lines either way.
 */

export interface SourceLine {
  /** The visible text, trimmed; '' for a blank line. */
  text: string;
  /** Bold spans as [start, end) offsets into `text`, in order, non-overlapping. */
  bold: [number, number][];
  /**
   * Width of the leading spaces the line had, in full-width characters (a space counts half,
   * a tab two): the first-line indent that pdftotext -layout keeps. Absent when there was none.
   */
  indent?: number;
}

/** Invisible or control characters that only get in the way (zero-width, BOM, soft hyphen, C0 controls). */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TRIM_CHARS = /^[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+|[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+$/g;

/** Splits any text into raw lines: every newline convention, and the Unicode separators. */
export function splitLines(text: string): string[] {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .split(/\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/);
}

/** Characters any Markdown mark handled below starts with. */
const MARK_CHARS = /[#>*_+\-|[\\!=~—─━·.…]/;
/** A rule line (`---`, `***`, `———`, `____`): a visual separator, read as a blank line. */
const RULE_LINE = /^[-*_=~—─━·.…]{3,}$/;
/** Markdown escapes that would otherwise hide a literal mark: `\*`, `1\.`, `\#`. */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;
const STAR_SLOT = '\ue001';
const UNDERSCORE_SLOT = '\ue002';

export function toSourceLine(raw: string): SourceLine {
  const line = cleanLine(raw);
  const lead = /^[ \t\u3000\u00a0]+/.exec(raw);
  if (!lead || line.text === '') return line;
  let indent = 0;
  for (const ch of lead[0]) indent += ch === '\u3000' ? 1 : ch === '\t' ? 2 : 0.5;
  return { ...line, indent };
}

function cleanLine(raw: string): SourceLine {
  let s = raw.replace(INVISIBLE, '').replace(/\u00a0/g, ' ').replace(TRIM_CHARS, '');
  if (s === '') return { text: '', bold: [] };
  // Most lines of a report carry no mark at all: skip the Markdown work for them.
  if (!MARK_CHARS.test(s)) return { text: s, bold: [] };
  if (RULE_LINE.test(s.replace(/[ \t\u3000]+/g, ''))) return { text: '', bold: [] };
  // Markdown block marks: headings, quotes, bullets, table pipes.
  s = s.replace(/^(?:>[ \t]?)+/, '');
  s = s.replace(/^#{1,6}(?:[ \t\u3000]+|(?=[^#]))/, '').replace(/[ \t]+#+$/, '');
  s = s.replace(/^[-+*][ \t\u3000]+(?=\S)/, '');
  if (/^\|.*\|$/.test(s)) {
    if (/^[|:\- \t]+$/.test(s)) return { text: '', bold: [] };
    s = s.slice(1, -1).split('|').map((cell) => cell.trim()).filter(Boolean).join(' ');
  }
  // Links and images keep their text.
  s = s.replace(/!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1');
  s = s.replace(ESCAPED, (_m, ch: string) => (ch === '*' ? STAR_SLOT : ch === '_' ? UNDERSCORE_SLOT : ch));
  // __bold__ only around text: runs of underscores are blanks to fill in (联系人：______).
  s = s.replace(/__([^_\s](?:[^_]{0,2000}[^_\s])?)__/g, '**$1**');
  const { text, bold } = stripBold(s);
  const restored = text.replace(/\ue001/g, '*').replace(/\ue002/g, '_');
  return trimLine(restored, bold);
}

/** Removes `**` pairs and records where the bold text was. An unpaired `**` is dropped. */
function stripBold(s: string): SourceLine {
  if (!s.includes('**')) return { text: s, bold: [] };
  const parts = s.split('**');
  let text = '';
  const bold: [number, number][] = [];
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const start = text.length;
    text += part;
    // Adjacent spans stay apart: `**（一）标题。****一是**` is a heading and a bold lead-in, not one heading.
    if (i % 2 === 1 && i < paired && part.length > 0) bold.push([start, text.length]);
  }
  return { text, bold };
}

function trimLine(text: string, bold: [number, number][]): SourceLine {
  const lead = text.length - text.replace(/^[ \t\u3000]+/, '').length;
  const trimmed = text.replace(TRIM_CHARS, '');
  const max = trimmed.length;
  const shifted: [number, number][] = [];
  for (const [a, b] of bold) {
    const start = Math.max(0, a - lead);
    const end = Math.min(max, b - lead);
    if (end > start) shifted.push([start, end]);
  }
  return { text: trimmed, bold: shifted };
}

/**
 * Paste into the body, read by the same importer as a file (./text.ts decides, in one place,
 * which lines are the 版头, the title, the 主送机关 and the 落款). What this module adds is
 * the paste's own question: is the clipboard *plainly a whole report* — a title (or a 版头)
 * first and a body of its own after it — so that its header lines belong in the header
 * fields rather than in the body? A paragraph or two, a section, or the end of a report never
 * is, and then nothing is moved.
 *
 * `readPaste` gives the paste as pasted (every line in the body, header lines one paragraph
 * each) and which blocks hold which header fields; `planPasteMove` decides, against the
 * document's header, which of them move (only into fields the document has a place for) and
 * what the header becomes. The editor applies the two as two undo steps, so one undo gives
 * back the paste exactly as it was.
 */
import type { Block, Run } from '../model/blocks';
import type { ReportHeader } from '../model/document';
import { htmlLinesAndTables } from './html';
import { GENRE_END, firstYear } from './patterns';
import { splitLines, toSourceLine, type SourceLine } from './source-line';
import { extractTextTables, marksOf, parseReportLines, type HeaderField } from './text';

export interface PasteReading {
  /** A single line: it goes into the current paragraph as text (nothing is ever moved). */
  inline: { text: string; runs?: Run[] } | null;
  /** Every pasted line as body blocks, in order: header lines one paragraph each, the body as import reads it. */
  blocks: Block[];
  /** For each block, the header fields its line holds ([] = body text). */
  fields: HeaderField[][];
  /** The header fields as the import reads them. */
  header: ReportHeader;
  /** Plainly a whole report (see `isWholeReport`). */
  whole: boolean;
}

/** A body at least this long (characters) counts as a report's body even without a numbered part. */
const MIN_BODY_CHARS = 400;
/** …and it has at least this many blocks. */
const MIN_BODY_BLOCKS = 3;

const lineParagraph = (line: SourceLine): Block => {
  const runs = marksOf(line, line.text, 0);
  return runs ? { type: 'paragraph', text: line.text, runs } : { type: 'paragraph', text: line.text };
};

const blockLength = (b: Block): number => (b.type === 'heading' ? b.text.length + (b.runIn?.length ?? 0) : b.text.length);

/** What a clipboard payload is; null when it holds no text. HTML (Word, WPS, web) wins over plain text. */
export function readPaste(payload: { html?: string | null; text?: string | null }): PasteReading | null {
  const html = payload.html && payload.html.trim() ? payload.html : null;
  const { lines: raw, tables } = html ? htmlLinesAndTables(html) : extractTextTables(splitLines(payload.text ?? ''));
  const filled = raw.filter((l) => l.replace(/\*\*/g, '').trim() !== '');
  if (filled.length === 0) return null;
  if (filled.length === 1 && tables.length === 0) {
    const line = toSourceLine(filled[0]!);
    const runs = marksOf(line, line.text, 0);
    return { inline: runs ? { text: line.text, runs } : { text: line.text }, blocks: [], fields: [], header: parseReportLines([]).header, whole: false };
  }
  const parsed = parseReportLines(raw, tables);
  const blocks: Block[] = [];
  const fields: HeaderField[][] = [];
  const lineAt = (i: number) => {
    blocks.push(lineParagraph(parsed.lines[i]!));
    fields.push(parsed.lineFields[i]!);
  };
  for (let i = 0; i < parsed.bodyStart; i++) lineAt(i);
  for (const block of parsed.blocks) {
    blocks.push(block);
    fields.push([]);
  }
  for (let i = parsed.bodyEnd; i < parsed.lines.length; i++) lineAt(i);
  return { inline: null, blocks, fields, header: parsed.header, whole: isWholeReport(parsed.header, parsed.blocks) };
}

/**
 * Plainly a whole report: it opens with a 版头 (issuer mark or 文号) or a title, and what
 * follows is a body of its own — at least three blocks. A title that names its 文种 or reads
 * 关于… needs a numbered part (一、…) or several hundred characters after it; a title that only
 * names a year or ends in 情况 (浙江省2021年法治政府建设情况) needs both. One or two paragraphs,
 * a part of a report under an unnumbered line, a list of names or the closing lines never
 * qualify.
 */
export function isWholeReport(header: ReportHeader, body: readonly Block[]): boolean {
  const title = header.title.trim();
  const head = header.docNumber !== '' || header.issuerLines.length > 0;
  const strong = head || (title !== '' && (GENRE_END.test(title) || /关于/.test(title)));
  const weak = title !== '' && (/情况$/.test(title) || firstYear(title) !== null);
  if (!strong && !weak) return false;
  const filled = body.filter((b) => blockLength(b) > 0);
  if (filled.length < MIN_BODY_BLOCKS) return false;
  const numbered = filled.some((b) => b.type === 'heading' && b.level === 1);
  const long = filled.reduce((n, b) => n + blockLength(b), 0) >= MIN_BODY_CHARS;
  return strong ? numbered || long : numbered && long;
}

/** The header fields a document has a place for: the 版头 and 版记 only with the red header on, 签发人 only when up-going. */
export function headerPlaces(header: ReportHeader): Set<HeaderField> {
  const places = new Set<HeaderField>(['title', 'recipient', 'signingOrgans', 'date', 'attachments', 'note']);
  if (header.redHeader) {
    for (const f of ['copyNumber', 'secrecy', 'urgency', 'issuerLines', 'docNumber', 'cc', 'printOrgan', 'printDate'] as const) places.add(f);
    if (header.direction === 'up') places.add('signers');
  }
  return places;
}

export interface MovedField {
  field: HeaderField;
  /** The value as the header now shows it (lists joined). */
  value: string;
}

export interface PasteMove {
  /** Indexes into `PasteReading.blocks` of the blocks that leave the body, ascending. */
  remove: number[];
  /** The header fields the moved lines fill. */
  patch: Partial<ReportHeader>;
  /** The header fields as they were, for undo. */
  before: Partial<ReportHeader>;
  moved: MovedField[];
}

/** Header fields in the order the page shows them (the notice names them in this order). */
const FIELD_ORDER: readonly HeaderField[] = ['copyNumber', 'secrecy', 'urgency', 'issuerLines', 'docNumber', 'signers', 'title', 'recipient', 'attachments', 'signingOrgans', 'date', 'note', 'cc', 'printOrgan', 'printDate'];

const shown = (value: ReportHeader[HeaderField]): string => (Array.isArray(value) ? value.join('、') : value);

/**
 * What a whole-report paste moves into `current`: every block whose fields all have a place
 * leaves the body, and those fields take the pasted values (a template's 标题 or the profile's
 * 主送机关 is replaced: the pasted report is the user's own). Null when nothing moves.
 */
export function planPasteMove(reading: PasteReading, current: ReportHeader): PasteMove | null {
  if (!reading.whole) return null;
  const places = headerPlaces(current);
  const remove: number[] = [];
  const movedFields = new Set<HeaderField>();
  reading.fields.forEach((fields, i) => {
    if (fields.length === 0 || !fields.every((f) => places.has(f))) return;
    remove.push(i);
    for (const f of fields) movedFields.add(f);
  });
  // A field split over several lines moves only when every one of its lines moves.
  for (const field of [...movedFields]) {
    if (reading.fields.some((fields, i) => fields.includes(field) && !remove.includes(i))) movedFields.delete(field);
  }
  const kept = remove.filter((i) => reading.fields[i]!.every((f) => movedFields.has(f)));
  if (kept.length === 0) return null;
  const patch: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const moved: MovedField[] = [];
  for (const field of FIELD_ORDER) {
    if (!movedFields.has(field)) continue;
    const value = reading.header[field];
    patch[field] = Array.isArray(value) ? [...value] : value;
    before[field] = Array.isArray(current[field]) ? [...(current[field] as string[])] : current[field];
    if (shown(value) !== '') moved.push({ field, value: shown(value) });
  }
  return { remove: kept, patch: patch as Partial<ReportHeader>, before: before as Partial<ReportHeader>, moved };
}

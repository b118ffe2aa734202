/**
 * 字数 as offices count it, and an honest page estimate.
 *
 * Characters counted: every character that is not whitespace — each Chinese character,
 * each punctuation mark (full- or half-width), each Latin letter and each digit counts
 * one — in the title and the body (headings with their numbers as shown, run-in text,
 * paragraphs). Not counted: spaces, line breaks, template guidance still in the text, the
 * 版头/版记 fields (issuer mark, 文号, signers, recipient, signature, date, notes).
 * (Word counts a run of Latin letters as one "word"; clerks compare against the limits in
 * notices, which are set in characters, so every character counts here.)
 *
 * Pages: GB/T 9704 sets 22 lines of 28 characters; a block takes ⌈(indent + width) / 28⌉
 * lines, half-width characters counting half. The red-header 版头 takes the lines it takes
 * on paper. It is an estimate (Word may break a line a character earlier or later).
 */
import { GRID, PARAGRAPH_INDENT_CHARS, SIZES_PT } from '../../../../shared/page/geometry';
import { displayLabels, toBlocks, type Block, type ReportHeader, type SerializedBody } from '../../../../shared/model';

const SPACE = /[\s\u3000]/u;

export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!SPACE.test(ch)) n++;
  return n;
}

/** Width of a line in characters (half-width = ½). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 && !/[“”‘’—…·]/.test(ch) ? 0.5 : 1;
  return w;
}

export function linesFor(text: string, indentChars = PARAGRAPH_INDENT_CHARS, scale = 1): number {
  const parts = text.split('\n');
  return parts.reduce((n, part, i) => n + Math.max(1, Math.ceil(((i === 0 ? indentChars : 0) + textWidth(part) * scale) / GRID.charsPerLine)), 0);
}

export interface DocumentStats {
  chars: number;
  lines: number;
  pages: number;
}

export interface BlockStats {
  chars: number;
  lines: number;
}

/** What one body block adds: guidance takes lines but counts no characters; a heading counts its number as shown. */
export function blockStats(block: Block, label: string | null): BlockStats {
  if (block.type === 'guidance') return { chars: 0, lines: linesFor(block.text) };
  const text = block.type === 'heading' ? `${label ?? ''}${block.text}${block.runIn ?? ''}` : block.text;
  return { chars: countChars(text), lines: linesFor(text) };
}

export function documentStats(
  header: ReportHeader,
  blocks: readonly Block[],
  labels: readonly (string | null)[],
  statsOf: (block: Block, label: string | null) => BlockStats = blockStats,
): DocumentStats {
  let chars = countChars(header.title);
  let lines = 0;
  const titleScale = SIZES_PT.title / SIZES_PT.body;
  if (header.redHeader) {
    // 版头: issuer mark starts 35 mm (≈3.4 lines) down; its lines are large (≈1.5 lines each);
    // 文号 two lines below; the red line and the gap to the title ≈ 2 lines.
    lines += 4 + Math.max(1, header.issuerLines.length) * 1.5 + 2 + 1 + 2;
  }
  if (header.title) lines += linesFor(header.title, 0, titleScale) + 1;
  if (header.recipient) lines += 1;
  blocks.forEach((block, i) => {
    const one = statsOf(block, labels[i] ?? null);
    chars += one.chars;
    lines += one.lines;
  });
  if (header.attachments.length > 0) lines += 1 + header.attachments.length;
  if (header.signingOrgans.length > 0 || header.date) lines += 1 + header.signingOrgans.length + 1;
  if (header.note) lines += 1 + linesFor(header.note);
  if (header.cc || header.printOrgan) lines += (header.cc ? 1 : 0) + 1;
  const pages = Math.max(1, Math.ceil(lines / GRID.linesPerPage));
  return { chars, lines: Math.ceil(lines), pages };
}

/**
 * documentStats over a body from the body cache (../../body-cache), block by block: a block
 * whose JSON object is unchanged is neither converted nor counted again (a heading only while
 * it shows the same number: numbers follow positions). Same result as
 * documentStats(header, toBlocks(body), …). A 300-page report has ~600 headings: counting
 * them all again on every update was most of its cost.
 */
export function createIncrementalStats(): (header: ReportHeader, body: SerializedBody) => DocumentStats {
  const blockOf = new WeakMap<object, Block>();
  const statsOf = new WeakMap<Block, { label: string | null; stats: BlockStats }>();
  return (header, body) => {
    const blocks = body.root.children.map((json) => {
      let block = blockOf.get(json);
      if (!block) {
        block = toBlocks({ root: { ...body.root, children: [json] } })[0]!;
        blockOf.set(json, block);
      }
      return block;
    });
    return documentStats(header, blocks, displayLabels(blocks), (block, label) => {
      const shown = block.type === 'heading' ? label : null;
      const hit = statsOf.get(block);
      if (hit && hit.label === shown) return hit.stats;
      const stats = blockStats(block, shown);
      statsOf.set(block, { label: shown, stats });
      return stats;
    });
  };
}

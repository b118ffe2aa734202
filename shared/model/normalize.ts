/**
 * The one door into the document. Every body that enters — typed (the editor applies the
 * same masks per node), pasted (any clipboard type, our own application/x-lexical-editor
 * included), imported (.txt/.md/.docx/.gwdraft), made by 以去年报告新建, restored from a
 * revision, received over IPC — is rebuilt here from an allowlist: our node types, their
 * text, the supported marks (./blocks.ts MARKS) and nothing else. Inline `style`, element
 * alignment and indent, links, images and unknown attributes are dropped; unknown nodes
 * give their text (nothing typed is lost, nothing foreign gets through).
 *
 * So no body that leaves this module can hide text (font-size:0, colour, display) or name
 * an address (background:url(…), a link's url, an image's src): the only strings left
 * are text, a heading's number label and fixed literals. Linear in the input; never throws.
 */
import type { HeadingLevel } from './blocks';
import { MAX_BODY_BLOCKS } from './document';
import {
  KEPT_FORMAT,
  type SerializedBlockJson,
  type SerializedBody,
  type SerializedInlineJson,
  type SerializedLineBreakJson,
  type SerializedParagraphJson,
  type SerializedRunInJson,
  type SerializedTableCellJson,
  type SerializedTableJson,
  type SerializedTableRowJson,
  type SerializedTextJson,
  HEADER_ROW,
} from './lexical-json';

/** A heading's number as written ("（十二）", "12．") is short. */
const MAX_LABEL = 16;
/** A cell spans at most this many rows or columns. */
const MAX_SPAN = 100;
/** Deeper than this is not a document (and would overflow a recursive reader). */
const MAX_DEPTH = 64;

/** Control characters other than tab and newline, lone surrogates: never report text. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

type Json = Record<string, unknown>;
type Inline = SerializedTextJson | SerializedLineBreakJson;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const childrenOf = (node: Json): unknown[] => (Array.isArray(node.children) ? node.children : []);

export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\ufffd');
}

function text(value: string, format: number): SerializedTextJson {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

const lineBreak = (): SerializedLineBreakJson => ({ type: 'linebreak', version: 1 });

/** Key order as fromBlocks writes it, so our own bodies come out byte for byte the same. */
function element<T extends string, C>(type: T, children: C) {
  return { type, children, direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 as const };
}

/** Text, line breaks and tabs of any inline content, marks masked; elements give their text. */
function inlineInto(nodes: readonly unknown[], out: Inline[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (!isObject(node)) continue;
    if (node.type === 'text' && typeof node.text === 'string') {
      const value = cleanText(node.text);
      const format = typeof node.format === 'number' && Number.isInteger(node.format) ? node.format & KEPT_FORMAT : 0;
      // Lexical's own text nodes never hold a newline; a pasted one is a line break.
      value.split('\n').forEach((part, i) => {
        if (i > 0) out.push(lineBreak());
        if (part) out.push(text(part, format));
      });
    } else if (node.type === 'linebreak') out.push(lineBreak());
    else if (node.type === 'tab') out.push(text('\t', 0));
    else inlineInto(childrenOf(node), out, depth + 1);
  }
}

/** Adjacent text nodes with the same format joined (as Lexical normalises them). */
function merged(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.format === node.format) out[out.length - 1] = { ...last, text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

/** Any inline content → our text and line-break nodes. */
export function normalizeInline(nodes: readonly unknown[]): Inline[] {
  const out: Inline[] = [];
  inlineInto(nodes, out, 0);
  return merged(out);
}

const HEADING_LEVELS = new Set<unknown>([1, 2, 3, 4]);

function headingLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const label = cleanText(value).replace(/[\n\t]/g, '').trim();
  return label && label.length <= MAX_LABEL ? label : null;
}

function heading(node: Json): SerializedBlockJson {
  const children: SerializedInlineJson[] = [];
  const head: unknown[] = [];
  const runIn: unknown[] = [];
  for (const child of childrenOf(node)) {
    if (isObject(child) && child.type === 'gw-run-in') runIn.push(...childrenOf(child));
    // Text after a run-in belongs to it (the run-in is the heading's tail).
    else if (runIn.length > 0) runIn.push(child);
    else head.push(child);
  }
  children.push(...normalizeInline(head));
  const tail = normalizeInline(runIn);
  if (tail.length > 0) children.push(element('gw-run-in', tail) as SerializedRunInJson);
  const level = (HEADING_LEVELS.has(node.level) ? node.level : 1) as HeadingLevel;
  return { ...element('gw-heading', children), level, label: headingLabel(node.label) };
}

const paragraph = (children: Inline[]): SerializedParagraphJson => ({ ...element('paragraph', children), textFormat: 0, textStyle: '' });

const span = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? Math.min(v, MAX_SPAN) : 1);

/** A cell holds paragraphs only: headings, lists, even a nested table give their text as paragraphs. */
function tableCell(node: Json, depth: number): SerializedTableCellJson {
  const inner: SerializedBlockJson[] = [];
  blocksInto(childrenOf(node), inner, depth + 1);
  const paragraphs = inner.flatMap((b) => (b.type === 'table' ? b.children.flatMap((r) => r.children.flatMap((c) => c.children)) : [paragraph(merged(normalizeInline(b.children)))]));
  const headerState = typeof node.headerState === 'number' ? node.headerState & HEADER_ROW : 0;
  return {
    ...element('tablecell', paragraphs.length > 0 ? paragraphs : [paragraph([])]),
    headerState,
    colSpan: span(node.colSpan),
    rowSpan: span(node.rowSpan),
    backgroundColor: null,
  };
}

/** Rows of cells; anything else inside a table gives a one-cell row of its text. */
function table(node: Json, depth: number): SerializedTableJson | null {
  const rows: SerializedTableRowJson[] = [];
  for (const row of childrenOf(node)) {
    if (!isObject(row)) continue;
    const cells = row.type === 'tablerow' ? childrenOf(row).filter(isObject).map((c) => tableCell(c.type === 'tablecell' ? c : { children: [c] }, depth + 1)) : [tableCell({ children: [row] }, depth + 1)];
    if (cells.length > 0) rows.push(element('tablerow', cells) as SerializedTableRowJson);
  }
  return rows.length > 0 ? (element('table', rows) as SerializedTableJson) : null;
}

/** Does this unknown node hold blocks (a list, a quote of paragraphs, a layout container) rather than inline content? */
function holdsBlocks(node: Json): boolean {
  return childrenOf(node).some((c) => isObject(c) && c.type !== 'text' && c.type !== 'linebreak' && c.type !== 'tab' && Array.isArray(c.children) && !INLINE_ELEMENTS.has(String(c.type)));
}

/** Lexical's inline element types (links, marks, hashtags): their text joins the paragraph. */
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark', 'hashtag', 'gw-run-in']);

function blocksInto(nodes: readonly unknown[], out: SerializedBlockJson[], depth: number): void {
  let pending: unknown[] = [];
  const flush = () => {
    if (pending.length > 0) out.push(paragraph(normalizeInline(pending)));
    pending = [];
  };
  for (const node of nodes) {
    if (out.length >= MAX_BODY_BLOCKS) break;
    if (!isObject(node)) continue;
    const type = node.type;
    if (type === 'text' || type === 'linebreak' || type === 'tab' || INLINE_ELEMENTS.has(String(type))) {
      pending.push(node);
      continue;
    }
    flush();
    if (type === 'gw-heading') out.push(heading(node));
    else if (type === 'gw-guidance') out.push(element('gw-guidance', normalizeInline(childrenOf(node))));
    else if (type === 'paragraph') out.push(paragraph(normalizeInline(childrenOf(node))));
    else if (type === 'table' && depth < MAX_DEPTH) {
      const t = table(node, depth);
      if (t) out.push(t);
    }
    else if (depth < MAX_DEPTH && holdsBlocks(node)) blocksInto(childrenOf(node), out, depth + 1);
    else if (Array.isArray(node.children)) out.push(paragraph(normalizeInline(childrenOf(node))));
    // A node without children (image, horizontal rule, decorator) has no text of the report.
  }
  flush();
  if (out.length > MAX_BODY_BLOCKS) out.length = MAX_BODY_BLOCKS;
}

/** Any list of nodes (a body's children, a clipboard's nodes) → our blocks. */
export function normalizeBlocks(nodes: readonly unknown[]): SerializedBlockJson[] {
  const out: SerializedBlockJson[] = [];
  blocksInto(nodes, out, 0);
  return out;
}

/** Any value → a body made only of our nodes. Not a body at all → an empty body. */
export function normalizeBody(input: unknown): SerializedBody {
  const root = isObject(input) && isObject(input.root) ? input.root : null;
  const children = root ? normalizeBlocks(childrenOf(root)) : [];
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}

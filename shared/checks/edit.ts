/**
 * Pure edits of a document for the quick fixes. They patch the serialized body node by
 * node (root child i is block i of toBlocks), so text formatting outside the edit survives.
 */
import type { GongwenDocument, ReportHeader } from '../model/document';
import type { SerializedBlockJson, SerializedBody, SerializedInlineJson } from '../model/lexical-json';
import { fromBlocks, toBlocks } from '../model/lexical-json';
import { tableText } from '../model/blocks';

function withChildren(doc: GongwenDocument, children: SerializedBlockJson[]): GongwenDocument {
  const body: SerializedBody = { root: { ...doc.body.root, children } };
  return { ...doc, body };
}

export function setHeader(doc: GongwenDocument, patch: Partial<ReportHeader>): GongwenDocument {
  return { ...doc, header: { ...doc.header, ...patch } };
}

/** Changes the label of heading `index`; returns doc unchanged when that block is not a heading. */
export function setHeadingLabel(doc: GongwenDocument, index: number, label: string | null): GongwenDocument {
  const node = doc.body.root.children[index];
  if (!node || node.type !== 'gw-heading') return doc;
  const children = doc.body.root.children.slice();
  children[index] = { ...node, label };
  return withChildren(doc, children);
}

export function mapHeadingLabels(doc: GongwenDocument, fn: (label: string | null, level: number) => string | null): GongwenDocument {
  let changed = false;
  const children = doc.body.root.children.map((node) => {
    if (node.type !== 'gw-heading') return node;
    const label = fn(node.label ?? null, node.level);
    if (label === (node.label ?? null)) return node;
    changed = true;
    return { ...node, label };
  });
  return changed ? withChildren(doc, children) : doc;
}

export function removeBlocks(doc: GongwenDocument, indexes: ReadonlySet<number>): GongwenDocument {
  if (indexes.size === 0) return doc;
  return withChildren(doc, doc.body.root.children.filter((_, i) => !indexes.has(i)));
}

function replaceInInline(children: readonly SerializedInlineJson[], find: string, replacement: string): { children: SerializedInlineJson[]; done: boolean } {
  let done = false;
  const out = children.map((child): SerializedInlineJson => {
    if (done) return child;
    if (child.type === 'text' && child.text.includes(find)) {
      done = true;
      return { ...child, text: child.text.replace(find, replacement) };
    }
    if (child.type === 'gw-run-in') {
      const inner = replaceInInline(child.children, find, replacement);
      if (inner.done) {
        done = true;
        return { ...child, children: inner.children as typeof child.children };
      }
    }
    return child;
  });
  return { children: out, done };
}

/**
 * Replaces the first `find` in block `index`. Works on the text node holding it; when the
 * text spans several nodes the block is rebuilt from its plain text (formatting of that block is lost).
 * A block left without text is removed.
 */
export function replaceInBlock(doc: GongwenDocument, index: number, find: string, replacement: string): GongwenDocument {
  const node = doc.body.root.children[index];
  if (!node || !find) return doc;
  if (node.type === 'table') {
    // A table: the first cell holding the text, rebuilt from its plain text.
    const table = toBlocks({ root: { ...doc.body.root, children: [node] } })[0];
    if (table?.type !== 'table') return doc;
    let replaced = false;
    const rows = table.rows.map((row) =>
      row.map((cell) => {
        if (replaced || !cell.text.includes(find)) return cell;
        replaced = true;
        return { ...cell, text: cell.text.replace(find, replacement) };
      }),
    );
    if (!replaced) return doc;
    const children = doc.body.root.children.slice();
    children[index] = fromBlocks([{ ...table, rows, text: tableText(rows) }]).root.children[0]!;
    return withChildren(doc, children);
  }
  const inline = replaceInInline(node.children, find, replacement);
  let next: SerializedBlockJson;
  if (inline.done) {
    next = { ...node, children: inline.children } as SerializedBlockJson;
  } else {
    const block = toBlocks({ root: { ...doc.body.root, children: [node] } })[0];
    if (!block) return doc;
    if (block.type === 'heading') {
      const text = block.text.includes(find) ? block.text.replace(find, replacement) : block.text;
      const runIn = block.runIn && !block.text.includes(find) ? block.runIn.replace(find, replacement) : block.runIn;
      if (text === block.text && runIn === block.runIn) return doc;
      next = fromBlocks([{ ...block, text, runIn }]).root.children[0]!;
    } else {
      if (!block.text.includes(find)) return doc;
      next = fromBlocks([{ ...block, text: block.text.replace(find, replacement) }]).root.children[0]!;
    }
  }
  const rebuilt = toBlocks({ root: { ...doc.body.root, children: [next] } })[0];
  const children = doc.body.root.children.slice();
  if (rebuilt && rebuilt.type !== 'heading' && rebuilt.text.trim() === '') children.splice(index, 1);
  else children[index] = next;
  return withChildren(doc, children);
}

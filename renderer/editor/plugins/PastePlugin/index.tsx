/**
 * Paste from Word, WPS, web pages (text/html) and plain text: the clipboard goes through
 * the same importers as file import (shared/import), so what lands in the editor is our
 * structure — headings with their levels, paragraphs, no foreign fonts, colours or sizes.
 * Pasting a whole report into a blank document also fills the header fields that are
 * still empty (issuer, 文号, title…); into a document with text, only the body lines are
 * inserted, with nothing swallowed by header detection.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $parseSerializedNode,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { FORMAT_BOLD, normalizeBlocks, normalizeInline, toBlocks, type Block, type GongwenDocument, type ReportHeader, type Run } from '../../../../shared/model';
import { importHtml, htmlToLines } from '../../../../shared/import/html';
import { headingMarksOf, importText, marksOf } from '../../../../shared/import/text';
import { splitLines, toSourceLine } from '../../../../shared/import/source-line';
import { matchHeadingLabel } from '../../../../shared/import/patterns';
import { $nodesFromBlocks } from '../../bridge';
import { $isGwGuidanceNode } from '../../nodes';
import { $selectedBlocks } from '../HeadingLevelPlugin';

export interface PastedContent {
  /** Blocks to insert at the caret. */
  blocks: Block[];
  /** Header fields found, when the paste is a whole report going into a blank document. */
  header: ReportHeader | null;
  /** A single line: inserted as text into the current paragraph. */
  inline: string | null;
  /** The marks of `inline`, when any part of it is marked. */
  inlineRuns?: Run[];
}

const nonSpace = (s: string): number => s.replace(/[\s\u3000]|\*\*/g, '').length;

/** Lines → blocks by their heading numbers only (no header detection); bold (`**`) kept as marks. */
export function linesToBlocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  for (const raw of lines) {
    const line = toSourceLine(raw);
    if (!line.text) continue;
    const match = matchHeadingLabel(line.text);
    if (match) {
      const text = line.text.slice(match.textStart);
      const runs = headingMarksOf(line, text, match.textStart);
      out.push({ type: 'heading', level: match.level, label: match.label, text, runIn: null, ...(runs ? { runs } : {}) });
    } else {
      const runs = marksOf(line, line.text, 0);
      out.push({ type: 'paragraph', text: line.text, ...(runs ? { runs } : {}) });
    }
  }
  return out;
}

/** Decide what a clipboard payload becomes (pure; tested without a DOM). */
export function convertPaste(payload: { html?: string | null; text?: string | null }, intoBlankDocument: boolean): PastedContent | null {
  const html = payload.html && payload.html.trim() ? payload.html : null;
  const text = payload.text ?? '';
  const lines = (html ? htmlToLines(html) : splitLines(text)).filter((l) => l.replace(/\*\*/g, '').trim() !== '');
  if (lines.length === 0) return null;
  if (lines.length === 1) {
    const line = toSourceLine(lines[0]!);
    const inlineRuns = marksOf(line, line.text, 0);
    return { blocks: [], header: null, inline: line.text, ...(inlineRuns ? { inlineRuns } : {}) };
  }
  const doc: GongwenDocument = html ? importHtml(html) : importText(text);
  const blocks = toBlocks(doc.body).filter((b) => b.type !== 'guidance');
  if (intoBlankDocument) return { blocks, header: doc.header, inline: null };
  const kept = blocks.reduce((n, b) => n + nonSpace(b.type === 'heading' ? `${b.label ?? ''}${b.text}${b.runIn ?? ''}` : b.text), 0);
  const given = lines.reduce((n, l) => n + nonSpace(l), 0);
  // The importer moved lines into the header (a title, a date…): keep them as body text here.
  return { blocks: kept >= given * 0.9 ? blocks : linesToBlocks(lines), header: null, inline: null };
}

export function $bodyIsBlank(): boolean {
  return $getRoot()
    .getChildren()
    .every((node) => $isGwGuidanceNode(node) || node.getTextContent().trim() === '');
}

/** Insert converted content at the selection. */
export function $insertPasted(content: PastedContent): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (content.inline !== null) {
    if (content.inlineRuns) selection.insertNodes(content.inlineRuns.map((run) => $createTextNode(run.text).setFormat(run.bold ? FORMAT_BOLD : 0)));
    else selection.insertRawText(content.inline);
    return;
  }
  if (content.blocks.length === 0) return;
  const nodes = $nodesFromBlocks(content.blocks);
  const current = $selectedBlocks()[0];
  if (current && selection.isCollapsed() && ($isGwGuidanceNode(current) || current.getTextContent().trim() === '')) {
    // Into guidance or an empty line: the pasted blocks take its place.
    current.replace(nodes[0]!);
    let last = nodes[0]!;
    for (const node of nodes.slice(1)) {
      last.insertAfter(node);
      last = node;
    }
    last.selectEnd();
    return;
  }
  selection.insertNodes(nodes);
}

/** The nodes of an application/x-lexical-editor payload, or null when it is not one. */
export function lexicalClipboardNodes(payload: string): unknown[] | null {
  try {
    const parsed = JSON.parse(payload) as { nodes?: unknown };
    return Array.isArray(parsed?.nodes) ? parsed.nodes : null;
  } catch {
    return null;
  }
}

/** Insert copied editor nodes after normalising them: inline content as text, blocks as blocks. */
export function $insertLexicalNodes(nodes: readonly unknown[]): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const inlineOnly = nodes.every((n) => typeof n === 'object' && n !== null && ['text', 'linebreak', 'tab'].includes(String((n as { type?: unknown }).type)));
  const json = inlineOnly ? normalizeInline(nodes) : normalizeBlocks(nodes);
  if (json.length === 0) return;
  selection.insertNodes(json.map((n) => $parseSerializedNode(n as Parameters<typeof $parseSerializedNode>[0])));
}

export function registerPaste(editor: LexicalEditor, mergeHeader: (header: ReportHeader) => void): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const data = 'clipboardData' in event ? event.clipboardData : null;
      if (!data) return false;
      // Our own copies (application/x-lexical-editor) keep their structure, through the one door.
      const lexical = data.types.includes('application/x-lexical-editor') ? lexicalClipboardNodes(data.getData('application/x-lexical-editor')) : null;
      if (lexical) {
        event.preventDefault();
        editor.update(() => $insertLexicalNodes(lexical));
        return true;
      }
      const html = data.getData('text/html');
      const text = data.getData('text/plain');
      const blank = editor.getEditorState().read($bodyIsBlank);
      const content = convertPaste({ html, text }, blank);
      if (!content) return false;
      event.preventDefault();
      editor.update(() => {
        $insertPasted(content);
        if (content.header) mergeHeader(content.header);
      });
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}

export function PastePlugin({ mergeHeader }: { mergeHeader: (header: ReportHeader) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPaste(editor, mergeHeader), [editor, mergeHeader]);
  return null;
}


/**
 * Paste from Word, WPS, web pages (text/html) and plain text: the clipboard is read by the
 * same importer as a file (shared/import/paste.ts on shared/import/text.ts), so what lands in
 * the editor is our structure — headings with their levels, paragraphs, tables, bold; no
 * foreign fonts, colours or sizes.
 *
 * A whole report (plainly one: a title or 版头 first and a body of its own — never a
 * paragraph or two) lands in two undo steps: first every line as pasted, then its title,
 * 版头, 主送机关 and 落款 lines leave the body for the header fields the document has. The
 * notice names what moved where; Ctrl+Z or its 撤销 gives back the paste exactly as it was
 * (and the header fields as they were), Ctrl+Y moves them again.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  $onUpdate,
  $parseSerializedNode,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  HISTORY_PUSH_TAG,
  PASTE_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { $isTableNode } from '@lexical/table';
import type { HistoryState, HistoryStateEntry } from '@lexical/history';
import { FORMAT_BOLD, normalizeBlocks, normalizeInline, type Block, type ReportHeader } from '../../../../shared/model';
import { planPasteMove, readPaste, type MovedField, type PasteReading } from '../../../../shared/import/paste';
import { $nodesFromBlocks } from '../../bridge';
import { $isGwGuidanceNode } from '../../nodes';
import { $selectedBlocks } from '../HeadingLevelPlugin';

/** A whole-report paste that moved lines into the header: what the notice shows and undo restores. */
export interface PasteMoveRecord {
  moved: MovedField[];
  patch: Partial<ReportHeader>;
  before: Partial<ReportHeader>;
  /** The history entry of the paste as pasted (top of the undo stack while the move is the last step). */
  pastedEntry: HistoryStateEntry | null;
  /** The history entry of the moved state, once undone (top of the redo stack then). */
  movedEntry: HistoryStateEntry | null;
  undone: boolean;
}

export interface PasteHost {
  getHeader(): ReportHeader;
  /** Set some header fields (a move or its undo). */
  setHeaderFields(patch: Partial<ReportHeader>): void;
  /** The notice to show: the last move while it is in effect; `canUndo` while it is the last step. */
  onNotice(notice: { moved: MovedField[]; canUndo: boolean } | null): void;
}

export function $bodyIsBlank(): boolean {
  return $getRoot()
    .getChildren()
    .every((node) => $isGwGuidanceNode(node) || node.getTextContent().trim() === '');
}

const isBlankBlock = (node: LexicalNode): boolean => !$isTableNode(node) && ($isGwGuidanceNode(node) || node.getTextContent().trim() === '');

/**
 * Insert blocks at the selection as top-level blocks and return them (a whole report: its
 * blocks must stay addressable for the move that follows). A selection is deleted first; into
 * guidance or an empty line the blocks take its place; in the middle of a block it is split;
 * from inside a table they go after the table.
 */
export function $insertBlocksAtCaret(blocks: readonly Block[]): LexicalNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || blocks.length === 0) return [];
  if (!selection.isCollapsed()) selection.removeText();
  const nodes = $nodesFromBlocks(blocks);
  const anchor = selection.anchor.getNode();
  // The block under the root itself (a table cell is a shadow root: its paragraph is not a block of the body).
  let top: LexicalNode | null = $isRootNode(anchor) ? null : anchor;
  while (top && !$isRootNode(top.getParent())) top = top.getParent();
  const current = $isElementNode(top) ? top : null;
  const chain = (first: LexicalNode) => {
    let last = first;
    for (const node of nodes.slice(1)) {
      last.insertAfter(node);
      last = node;
    }
  };
  if (!current) {
    $getRoot().append(...nodes);
  } else if (isBlankBlock(current)) {
    current.replace(nodes[0]!);
    chain(nodes[0]!);
  } else {
    const offset = selection.anchor.offset;
    const text = selection.anchor.type === 'text';
    const atEnd = text ? anchor.is(current.getLastDescendant()) && offset === anchor.getTextContentSize() : offset >= ($isElementNode(anchor) ? anchor.getChildrenSize() : 0);
    const atStart = text ? anchor.is(current.getFirstDescendant()) && offset === 0 : offset === 0;
    // A whole report never goes inside a table cell: it follows the table.
    if (atEnd || $isTableNode(current)) {
      current.insertAfter(nodes[0]!);
    } else if (atStart) {
      current.insertBefore(nodes[0]!);
    } else {
      // In the middle of a block: split it, the report goes between the halves.
      const rest = selection.insertParagraph();
      if (rest) rest.insertBefore(nodes[0]!);
      else current.insertAfter(nodes[0]!);
    }
    chain(nodes[0]!);
  }
  const last = nodes[nodes.length - 1]!;
  if ($isElementNode(last)) last.selectEnd();
  return nodes;
}

/** Insert a reading that moves nothing at the selection (one undo step). */
export function $insertReading(reading: PasteReading): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (reading.inline) {
    const { text, runs } = reading.inline;
    if (runs) selection.insertNodes(runs.map((run) => $createTextNode(run.text).setFormat(run.bold ? FORMAT_BOLD : 0)));
    else selection.insertRawText(text);
    return;
  }
  if (reading.blocks.length === 0) return;
  const current = $selectedBlocks()[0];
  if (current && selection.isCollapsed() && isBlankBlock(current)) {
    $insertBlocksAtCaret(reading.blocks);
    return;
  }
  selection.insertNodes($nodesFromBlocks(reading.blocks));
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

const top = <T,>(stack: readonly T[]): T | null => stack[stack.length - 1] ?? null;
/** Moves remembered for undo/redo (older ones are long out of reach of Ctrl+Z in practice). */
const MAX_RECORDS = 20;

/**
 * The paste command, and the undo/redo of a whole-report move. `history` is the editor's
 * history state (UndoPlugin): a move is undone when the undo about to run goes back to the
 * state as pasted, wherever in the history that is.
 */
export function registerPaste(editor: LexicalEditor, host: PasteHost, history: HistoryState): () => void {
  const records: PasteMoveRecord[] = [];
  let shown: PasteMoveRecord | null = null;
  let shownCanUndo = false;
  const refresh = () => {
    const last = top(records);
    const active = last && !last.undone ? last : null;
    const canUndo = active !== null && top(history.undoStack) === active.pastedEntry;
    if (active === shown && canUndo === shownCanUndo) return;
    shown = active;
    shownCanUndo = canUndo;
    host.onNotice(active ? { moved: active.moved, canUndo } : null);
  };

  const $paste = (reading: PasteReading) => {
    const move = planPasteMove(reading, host.getHeader());
    if (!move) {
      $insertReading(reading);
      return;
    }
    // Step 1: every line as pasted. Step 2 (its own undo step): the header lines leave.
    const nodes = $insertBlocksAtCaret(reading.blocks);
    const leaving = move.remove.map((i) => nodes[i]?.getKey()).filter((k): k is string => k !== undefined);
    const staying = nodes.filter((_, i) => !move.remove.includes(i)).map((n) => n.getKey());
    $onUpdate(() => {
      editor.update(
        () => {
          for (const key of leaving) $getNodeByKey(key)?.remove();
          const last = staying.length > 0 ? $getNodeByKey(staying[staying.length - 1]!) : null;
          if ($getRoot().getChildrenSize() === 0) $getRoot().append($createParagraphNode());
          if ($isElementNode(last)) last.selectEnd();
          else $getRoot().selectEnd();
        },
        {
          tag: HISTORY_PUSH_TAG,
          onUpdate: () => {
            records.push({ ...move, pastedEntry: top(history.undoStack), movedEntry: null, undone: false });
            if (records.length > MAX_RECORDS) records.shift();
            host.setHeaderFields(move.patch);
            refresh();
          },
        },
      );
    });
  };

  return mergeRegister(
    editor.registerCommand(
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
        const reading = readPaste({ html: data.getData('text/html'), text: data.getData('text/plain') });
        if (!reading) return false;
        event.preventDefault();
        editor.update(() => $paste(reading));
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    // Before the history plugin (priority EDITOR) runs the undo: the header fields go back with the body.
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        const entry = top(history.undoStack);
        const record = records.find((r) => !r.undone && r.pastedEntry === entry);
        if (record) {
          record.undone = true;
          record.movedEntry = history.current;
          host.setHeaderFields(record.before);
        }
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        const entry = top(history.redoStack);
        const record = records.find((r) => r.undone && r.movedEntry !== null && r.movedEntry === entry);
        if (record) {
          record.undone = false;
          host.setHeaderFields(record.patch);
        }
        return false;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerUpdateListener(refresh),
  );
}

export function PastePlugin({ host, history }: { host: PasteHost; history: HistoryState }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPaste(editor, host, history), [editor, host, history]);
  return null;
}

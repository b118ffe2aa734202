/**
 * The one bridge between the editor state and the document model (house rule 7):
 * shared/ never imports Lexical, so the editor's JSON *is* the stored body
 * (shared/model/lexical-json.ts types it) and this module only converts and loads.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $parseSerializedNode, type EditorState, type LexicalEditor, type LexicalNode } from 'lexical';
import { fromBlocks, normalizeBody, type Block, type SerializedBody } from '../../shared/model';
import { EDITOR_NODES } from './nodes';

export const EDITOR_NAMESPACE = 'gongwen';

/** Theme class names shared by the composer and the page CSS. */
export const EDITOR_THEME = {
  paragraph: 'gw-p',
  text: { bold: 'gw-bold', italic: 'gw-italic', underline: 'gw-underline' },
  table: 'gw-table',
  tableRow: 'gw-tr',
  tableCell: 'gw-td',
  tableCellHeader: 'gw-th',
  tableSelection: 'gw-table-selection',
  tableCellSelected: 'gw-td-selected',
};

export function onEditorError(error: Error): void {
  console.error(error);
}

/** An editor with our nodes and no DOM (Node tests, conversions). */
export function createGongwenHeadlessEditor(): LexicalEditor {
  return createHeadlessEditor({ namespace: EDITOR_NAMESPACE, nodes: [...EDITOR_NODES], onError: onEditorError, theme: EDITOR_THEME });
}

/** The stored body of an editor state. */
export function bodyFromEditorState(state: EditorState): SerializedBody {
  return state.toJSON() as unknown as SerializedBody;
}

/** An empty document still needs one paragraph to type into. */
export function withAtLeastOneBlock(body: SerializedBody): SerializedBody {
  return body.root.children.length > 0 ? body : fromBlocks([{ type: 'paragraph', text: '' }]);
}

/** Parse a stored body into a state of `editor` (does not set it), through the one door (normalizeBody). */
export function parseBody(editor: LexicalEditor, body: SerializedBody): EditorState {
  return editor.parseEditorState(JSON.stringify(withAtLeastOneBlock(normalizeBody(body))));
}

/** Nodes for flat blocks, inside an update (paste, quick fixes). */
export function $nodesFromBlocks(blocks: readonly Block[]): LexicalNode[] {
  return fromBlocks(blocks).root.children.map((json) => $parseSerializedNode(json as Parameters<typeof $parseSerializedNode>[0]));
}

/** Replace the whole body inside an update, so it lands in history as one undoable step. */
export function $replaceBody(body: SerializedBody): void {
  const root = $getRoot();
  root.clear();
  const children = withAtLeastOneBlock(normalizeBody(body)).root.children.map((json) => $parseSerializedNode(json as Parameters<typeof $parseSerializedNode>[0]));
  root.append(...children);
}

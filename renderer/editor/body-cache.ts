/**
 * The body as stored (the editor state's JSON), kept up to date block by block: the JSON
 * of a top-level block is made again only when Lexical reports it dirty (a change anywhere
 * inside a block marks the block dirty), so serialising after a keystroke costs one block
 * plus a walk over the top-level list, not the whole document. A state swapped in whole
 * (undo/redo, setEditorState, a missed update) starts the cache afresh.
 *
 * Unchanged blocks are the same objects from one body to the next, so consumers can cache
 * per block by identity (the status bar does); nobody may mutate them.
 *
 * The result equals `bodyFromEditorState(editor.getEditorState())` (tested by fuzzing).
 */
import {
  $exportNodeJSON,
  $getRoot,
  $isElementNode,
  HISTORIC_TAG,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical';
import type { SerializedBody } from '../../shared/model';

function $exportTree(node: LexicalNode): SerializedLexicalNode {
  const json = $exportNodeJSON(node) as SerializedLexicalNode & { children?: SerializedLexicalNode[] };
  if ($isElementNode(node) && json.children) for (const child of node.getChildren()) json.children.push($exportTree(child));
  return json;
}

export interface BodyCache {
  /** The body of the editor's current state. */
  body(): SerializedBody;
  dispose(): void;
}

export function createBodyCache(editor: LexicalEditor): BodyCache {
  const blocks = new Map<NodeKey, SerializedLexicalNode>();
  let seen: EditorState = editor.getEditorState();
  let last: { state: EditorState; body: SerializedBody } | null = null;
  const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState, tags }) => {
    const wholeState = prevEditorState !== seen || tags.has(HISTORIC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root'));
    if (wholeState) blocks.clear();
    else {
      // A dirty node's ancestors are dirty elements too, so its block's key is among them.
      for (const key of dirtyElements.keys()) blocks.delete(key);
      for (const key of dirtyLeaves) blocks.delete(key);
    }
    seen = editorState;
  });
  return {
    body() {
      const state = editor.getEditorState();
      if (last?.state === state) return last.body;
      if (state !== seen) {
        blocks.clear();
        seen = state;
      }
      const body = state.read(() => {
        const root = $getRoot();
        const json = $exportNodeJSON(root) as SerializedLexicalNode & { children: SerializedLexicalNode[] };
        const live = new Set<NodeKey>();
        for (const child of root.getChildren()) {
          const key = child.getKey();
          live.add(key);
          let block = blocks.get(key);
          if (!block) {
            block = $exportTree(child);
            blocks.set(key, block);
          }
          json.children.push(block);
        }
        if (blocks.size > live.size) for (const key of blocks.keys()) if (!live.has(key)) blocks.delete(key);
        return { root: json } as unknown as SerializedBody;
      });
      last = { state, body };
      return body;
    },
    dispose: off,
  };
}

/**
 * React commits without walking the report. Around every commit anywhere in the app, React
 * notes the focused element's selection so it can put it back should the commit move focus;
 * for a contenteditable it walks every text node inside to turn the selection into character
 * offsets (react-dom getSelectionInformation, "when the focus is inside a contenteditable" —
 * React PR #9992). Inside the editor's root that is the whole report: at 300 pages ~5 ms of
 * main thread a commit, for every status-bar, check-panel or screen update while typing.
 * Lexical keeps and restores its own selection, so React's copy is never used here.
 *
 * React decides by the root's `contentEditable` *property* (=== 'true'); the root answers
 * 'inherit' to script while its attribute — what the browser edits by — stays "true"
 * (`isContentEditable` stays true). Lexical compares that property only for inputs inside
 * decorators (never its root), and nothing else of ours reads it.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

/** Makes `el.contentEditable` read 'inherit' instead of 'true'; returns the undo. */
export function hideEditableFromReact(el: HTMLElement): () => void {
  if (!native?.get || !native.set) return () => {};
  const { get, set } = native;
  Object.defineProperty(el, 'contentEditable', {
    configurable: true,
    get() {
      const value = get.call(this) as string;
      return value === 'true' ? 'inherit' : value;
    },
    set(value: string) {
      set.call(this, value);
    },
  });
  return () => {
    delete (el as { contentEditable?: string }).contentEditable;
  };
}

export function CommitGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let undo: (() => void) | null = null;
    const off = editor.registerRootListener((root) => {
      undo?.();
      undo = root ? hideEditableFromReact(root) : null;
    });
    return () => {
      off();
      undo?.();
    };
  }, [editor]);
  return null;
}

/**
 * Rich text for the body: what Lexical's RichTextPlugin sets up (registerRichText and Dragon
 * dictation support), without its placeholder. RichTextPlugin always mounts a Placeholder, even
 * with none given, and that registers an update listener which reads the root's text and sets
 * React state after every update — on every key, for a placeholder we never show (bare Lexical:
 * nothing). Our nodes have no decorators (../../nodes), so RichTextPlugin's decorator rendering is
 * not needed either; a decorator node added later would need `editor.getDecorators()` rendered.
 */
import { useLayoutEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerDragonSupport } from '@lexical/dragon';
import { registerRichText } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';

export function RichTextSetupPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => mergeRegister(registerRichText(editor), registerDragonSupport(editor), keepTypingInEditor(editor)), [editor]);
  return null;
}

/**
 * The events of typing end at the body: Lexical handles them on its root element, and nothing
 * above it listens to them, but React's root listener dispatched each one through the component
 * tree once more as it bubbled up (about five events a key; its capture-phase listener for them
 * is left out of the root: ../../../platform/app-root.ts). A keydown ends there too when it types
 * a character (typesCharacter); any other keydown goes on (the zoom, find and Escape shortcuts
 * listen for it on the window), and so do paste, copy, cut and focus.
 */
export const TYPING_EVENTS = ['keypress', 'keyup', 'beforeinput', 'textInput', 'input', 'compositionstart', 'compositionupdate', 'compositionend'] as const;

/** A keydown that types one character: no Ctrl, Meta or Alt (every shortcut of the app has one, or is a named key such as Escape). */
export function typesCharacter(event: KeyboardEvent): boolean {
  const key = event.key;
  if (event.ctrlKey || event.metaKey || event.altKey || typeof key !== 'string') return false;
  // one UTF-16 unit, or one character outside the BMP (a surrogate pair); asked on every keydown
  return key.length === 1 || (key.length === 2 && key.codePointAt(0)! > 0xffff);
}

export function keepTypingInEditor(editor: LexicalEditor): () => void {
  const stop = (event: Event) => event.stopPropagation();
  const stopCharacter = (event: Event) => {
    if (typesCharacter(event as KeyboardEvent)) event.stopPropagation();
  };
  return editor.registerRootListener((root, previous) => {
    for (const type of TYPING_EVENTS) {
      previous?.removeEventListener(type, stop);
      root?.addEventListener(type, stop);
    }
    previous?.removeEventListener('keydown', stopCharacter);
    root?.addEventListener('keydown', stopCharacter);
  });
}

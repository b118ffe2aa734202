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

export function RichTextSetupPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => mergeRegister(registerRichText(editor), registerDragonSupport(editor)), [editor]);
  return null;
}

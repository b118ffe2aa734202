/**
 * Body changes out to the screen. Edits are coalesced and flushed when the browser is idle
 * (at most 300 ms later), never inside the keystroke; `flush()` (used by getDocument)
 * serialises at once. Serialising re-exports only the blocks that changed (../../body-cache),
 * so it does not grow with the document. Selection-only updates are not changes.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import type { SerializedBody } from '../../../../shared/model';
import { whenIdle } from '../../../platform/idle';
import { createBodyCache } from '../../body-cache';

export function registerDocumentSync(editor: LexicalEditor, onBody: (body: SerializedBody) => void): { flush: () => void; dispose: () => void } {
  const cache = createBodyCache(editor);
  let pending = false;
  let cancel: (() => void) | null = null;
  const flush = () => {
    if (cancel !== null) {
      cancel();
      cancel = null;
    }
    if (!pending) return;
    pending = false;
    onBody(cache.body());
  };
  const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
    if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('gw-load')) return;
    pending = true;
    if (cancel !== null) return;
    cancel = whenIdle(flush, 300);
  });
  return {
    flush,
    dispose: () => {
      flush();
      off();
      cache.dispose();
    },
  };
}

export function DocumentSyncPlugin({ onBody, flushRef }: { onBody: (body: SerializedBody) => void; flushRef: { current: (() => void) | null } }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const sync = registerDocumentSync(editor, onBody);
    flushRef.current = sync.flush;
    return () => {
      flushRef.current = null;
      sync.dispose();
    };
  }, [editor, onBody, flushRef]);
  return null;
}

/**
 * Body changes out to the screen. Edits are coalesced and flushed after a pause in typing
 * (SYNC_PAUSE_MS), or SYNC_MAX_WAIT_MS after the oldest unflushed edit while typing goes on,
 * when the browser is idle (at most SYNC_IDLE_WAIT_MS later), never inside the keystroke: each flush
 * re-renders the screen and the autosave around the editor, ≈ 1 ms a key if done on every key
 * (README "Benchmarks"). `flush()` (used by getDocument, save and export) serialises at once.
 * Serialising re-exports only the blocks that changed (../../body-cache), so it does not grow
 * with the document. Selection-only updates are not changes.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import type { SerializedBody } from '../../../../shared/model';
import { whenIdle } from '../../../platform/idle';
import { createPauseTimer } from '../../../platform/pause-timer';
import { createBodyCache } from '../../body-cache';

/** The pause in typing after which the body is flushed. */
export const SYNC_PAUSE_MS = 200;
/** While the user keeps typing, the body is still flushed this long after its oldest unflushed edit. */
export const SYNC_MAX_WAIT_MS = 500;
/** The longest a due flush waits for the browser to be idle. */
export const SYNC_IDLE_WAIT_MS = 100;

export function registerDocumentSync(editor: LexicalEditor, onBody: (body: SerializedBody) => void): { flush: () => void; dispose: () => void } {
  const cache = createBodyCache(editor);
  let pending = false;
  let cancel: (() => void) | null = null;
  /** When the oldest edit not yet flushed was made. */
  let since = 0;
  const pause = createPauseTimer(() => {
    if (pending && cancel === null) cancel = whenIdle(flush, SYNC_IDLE_WAIT_MS);
  }, SYNC_PAUSE_MS);
  const flush = () => {
    pause.cancel();
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
    const now = performance.now();
    if (!pending) since = now;
    pending = true;
    if (cancel !== null) return;
    // Wait for a pause in typing, but no longer than SYNC_MAX_WAIT_MS after the oldest edit.
    pause.poke(Math.max(0, Math.min(SYNC_PAUSE_MS, since + SYNC_MAX_WAIT_MS - now)));
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

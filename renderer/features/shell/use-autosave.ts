/**
 * Autosave: while the user types, a journal copy is written at most every second; the body
 * reaches this hook at most ≈ 0.6 s after a key (DocumentSyncPlugin's SYNC_MAX_WAIT_MS and its
 * idle wait), so a crash loses at most ≈ 2 s of typing. 1.5 s after typing stops — and when
 * the window loses focus or closes — the draft itself is saved. A failed save keeps the text
 * in the editor, shows the error and retries.
 *
 * The journal sends only the blocks changed since its last write (shared/model/block-delta.ts):
 * sending the whole document (JSON + fetch/IPC of ~2 MB at 300 pages) held up a keystroke by
 * ~100 ms every second. One journal write is on its way at a time; when the Node side no
 * longer holds the body a delta refers to, every block is sent again at once.
 *
 * Every save names the revision it is based on. When another window or process saved the
 * draft in between (or deleted it), the Node side keeps that version and saves this text as
 * a conflict copy: from then on this editor saves into the copy (`onConflict` tells the screen).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, GongwenApi, SaveConflict } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { whenIdle } from '../../platform/idle';
import { createBlockEncoder } from '../../../shared/model/block-delta';

export type SaveState = { status: 'saved' | 'dirty' | 'saving' } | { status: 'failed'; error: AppError };

export const SAVE_AFTER_IDLE_MS = 1500;
export const JOURNAL_EVERY_MS = 1000;
export const RETRY_AFTER_MS = 5000;

export interface AutosaveOptions {
  /** The revision the document was opened at (absent: saves without a conflict check). */
  revision?: number | undefined;
  onConflict?: (conflict: SaveConflict) => void;
  /**
   * The editor's document as it is now. The body reaches `document` only after a pause in
   * typing (DocumentSyncPlugin), so a save on blur, hide or close asks for it first.
   */
  current?: () => GongwenDocument | undefined;
}

export function useAutosave(api: GongwenApi, draftId: string, document: GongwenDocument, options: AutosaveOptions = {}) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const shownStatus = useRef(state.status);
  shownStatus.current = state.status;
  /** Where saves go and what they are based on; moves to the copy after a conflict. */
  const target = useRef<{ id: string; revision: number | undefined }>({ id: draftId, revision: options.revision });
  const onConflict = useRef(options.onConflict);
  onConflict.current = options.onConflict;
  const current = useRef(options.current);
  current.current = options.current;
  const latest = useRef(document);
  const savedVersion = useRef(document);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const journalTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const journalIdle = useRef<(() => void) | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const journalSend = useRef<() => void>(() => {});

  /** `fresh`: the editor's document flushed just now (保存, 返回首页, export), newer than the last render's. */
  const save = useCallback(async (fresh?: GongwenDocument): Promise<void> => {
    if (fresh && !sameContent(fresh, latest.current)) latest.current = fresh;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    if (inFlight.current) await inFlight.current;
    const doc = latest.current;
    if (doc === savedVersion.current) return;
    setState({ status: 'saving' });
    const run = (async () => {
      const { id, revision } = target.current;
      const result = await api['drafts:save']({ id, document: doc, ...(revision !== undefined ? { baseRevision: revision } : {}) });
      if (result.ok) {
        savedVersion.current = doc;
        const conflict = result.value.conflict;
        target.current = conflict ? { id: conflict.id, revision: conflict.revision } : { id, revision: result.value.revision };
        if (conflict) onConflict.current?.(conflict);
        setState(latest.current === doc ? { status: 'saved' } : { status: 'dirty' });
      } else {
        setState({ status: 'failed', error: result.error });
        saveTimer.current = setTimeout(() => void save(), RETRY_AFTER_MS);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [api]);

  useEffect(() => {
    const encoder = createBlockEncoder();
    /** What the Node side holds: the draft and the base its last answer named (0: nothing). */
    let held = { id: '', base: 0 };
    let sending = false;
    let again = false;
    let live = true;
    const send = () => {
      if (sending) {
        again = true;
        return;
      }
      const doc = latest.current;
      if (doc === savedVersion.current) return;
      const { id } = target.current;
      if (held.id !== id) {
        encoder.reset();
        held = { id, base: 0 };
      }
      const { delta, commit } = encoder.encode(doc);
      sending = true;
      void api['drafts:journal']({ id, delta: { ...delta, base: held.base } }).then((result) => {
        sending = false;
        if (!live) return;
        if (result.ok) {
          commit();
          held = { id, base: result.value.base };
        } else {
          // Whatever went wrong, the next write carries every block.
          encoder.reset();
          held = { id, base: 0 };
          if (result.error.code === 'journal-base-missing') again = true;
        }
        if (again) {
          again = false;
          send();
        }
      });
    };
    journalSend.current = send;
    return () => {
      live = false;
      journalSend.current = () => {};
    };
  }, [api]);

  useEffect(() => {
    // a render of what save(fresh) already took is no change
    if (sameContent(document, latest.current)) return;
    latest.current = document;
    // Only a change of status is set: even an unchanged state, set, renders the editor screen once
    // more after every sync of the body (every 0.5 s while typing).
    if (shownStatus.current !== 'dirty' && shownStatus.current !== 'failed') setState((s) => (s.status === 'failed' ? s : { status: 'dirty' }));
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(), SAVE_AFTER_IDLE_MS);
    if (!journalTimer.current) {
      journalTimer.current = setTimeout(() => {
        // Sending copies the whole document: done between keystrokes, not in the middle of one.
        journalIdle.current = whenIdle(() => {
          journalIdle.current = null;
          journalTimer.current = null;
          journalSend.current();
        }, 250);
      }, JOURNAL_EVERY_MS);
    }
  }, [api, document, save]);

  useEffect(() => {
    const flush = () => void save(current.current?.());
    const onVisibility = () => {
      if (window.document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('beforeunload', flush);
    window.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('beforeunload', flush);
      window.document.removeEventListener('visibilitychange', onVisibility);
      if (journalTimer.current) clearTimeout(journalTimer.current);
      journalIdle.current?.();
      flush();
    };
  }, [save]);

  return { state, saveNow: save };
}

/** The editor builds a new document object per read, from the same header and body objects: shallow equality. */
function sameContent(a: GongwenDocument, b: GongwenDocument): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof GongwenDocument)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

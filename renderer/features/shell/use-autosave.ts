/**
 * Autosave: while the user types, a journal copy is written at most every second (a crash
 * loses at most that much); 1.5 s after typing stops — and when the window loses focus or
 * closes — the draft itself is saved. A failed save keeps the text in the editor, shows the
 * error and retries.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, GongwenApi } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { whenIdle } from '../../platform/idle';

export type SaveState = { status: 'saved' | 'dirty' | 'saving' } | { status: 'failed'; error: AppError };

export const SAVE_AFTER_IDLE_MS = 1500;
export const JOURNAL_EVERY_MS = 1000;
export const RETRY_AFTER_MS = 5000;

export function useAutosave(api: GongwenApi, draftId: string, document: GongwenDocument) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const latest = useRef(document);
  const savedVersion = useRef(document);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const journalTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const journalIdle = useRef<(() => void) | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

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
      const result = await api['drafts:save']({ id: draftId, document: doc });
      if (result.ok) {
        savedVersion.current = doc;
        setState(latest.current === doc ? { status: 'saved' } : { status: 'dirty' });
      } else {
        setState({ status: 'failed', error: result.error });
        saveTimer.current = setTimeout(() => void save(), RETRY_AFTER_MS);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [api, draftId]);

  useEffect(() => {
    // a render of what save(fresh) already took is no change
    if (sameContent(document, latest.current)) return;
    latest.current = document;
    setState((s) => (s.status === 'failed' ? s : { status: 'dirty' }));
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void save(), SAVE_AFTER_IDLE_MS);
    if (!journalTimer.current) {
      journalTimer.current = setTimeout(() => {
        // Sending copies the whole document: done between keystrokes, not in the middle of one.
        journalIdle.current = whenIdle(() => {
          journalIdle.current = null;
          journalTimer.current = null;
          if (latest.current !== savedVersion.current) void api['drafts:journal']({ id: draftId, document: latest.current });
        }, 250);
      }, JOURNAL_EVERY_MS);
    }
  }, [api, document, draftId, save]);

  useEffect(() => {
    const flush = () => void save();
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

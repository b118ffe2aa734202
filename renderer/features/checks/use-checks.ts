/**
 * The live checks: the same engine the Node side runs before export, with the very rules
 * the Node side gates by (`checks:rules`, one resolution for panel and gate). Runs after a
 * short pause in typing, in a Web Worker (./check-worker.ts, posted those same KindRules)
 * so a long report never holds up a keystroke;
 * where no worker can start it runs on the main thread when the browser is idle. 检查 and
 * the export gate (runNow) check at once, on the main thread, and win over any result still
 * on its way from the worker.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GongwenApi } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { runChecks, type CheckReport, type KindRules } from '../../../shared/checks';
import { todayIso } from '../../platform/clock';
import { whenIdle } from '../../platform/idle';
import type { CheckWorkerReply, CheckWorkerRequest } from './check-service';
import { createBlockEncoder } from '../../../shared/model/block-delta';
import { sameReport } from './same-report';
import { SYNC_IDLE_WAIT_MS, SYNC_MAX_WAIT_MS } from '../../editor/plugins/DocumentSyncPlugin';

/**
 * How long the document must stay unchanged before the live check runs. Each changed report
 * is a frame of its own between keys (the 正文约 N 字 of a long report changed with every key
 * until it was given to the hundred), so while the user types the check runs only every
 * CHECK_MAX_WAIT_MS. The body reaches
 * the screen after a pause in typing, or every SYNC_MAX_WAIT_MS (+ its idle wait + one key
 * gap of steady typing, ≤ 200 ms) while typing goes on: the wait is longer than that, or the
 * check would run after every one of those flushes. After typing stops the check runs
 * SYNC_PAUSE_MS + this ≈ 1 s later.
 */
export const CHECK_DEBOUNCE_MS = SYNC_MAX_WAIT_MS + SYNC_IDLE_WAIT_MS + 200;
/** While the user keeps typing, the panel still refreshes this often. */
export const CHECK_MAX_WAIT_MS = 1500;

export function useKindRules(api: GongwenApi, kind: string): KindRules | null {
  const [rules, setRules] = useState<KindRules | null>(null);
  useEffect(() => {
    let live = true;
    void api['checks:rules']({ kind }).then((result) => {
      // Without the Node side's rules the panel stays empty rather than guess other rules.
      if (live && result.ok) setRules(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, kind]);
  return rules;
}

export function checkNow(document: GongwenDocument, rules: KindRules): CheckReport {
  return runChecks(document, { today: todayIso(), ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts });
}

export interface LiveChecker {
  /** Check this document soon; only the latest of several waiting is checked. */
  check(document: GongwenDocument): void;
  /** Results of checks asked for before now are dropped (a fresher report was shown). */
  supersede(): void;
  dispose(): void;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Checks documents off the main thread with `rules`, reporting each result to `onReport`. */
export function createLiveChecker(rules: KindRules, onReport: (report: CheckReport) => void, worker: Worker | null = startWorker()): LiveChecker {
  let seq = 0;
  let droppedUpTo = 0;
  let inFlight: number | null = null;
  let waiting: GongwenDocument | null = null;
  let cancelIdle: (() => void) | null = null;
  let live = worker;
  const encoder = createBlockEncoder();
  const onMainThread = (document: GongwenDocument, id: number) => {
    cancelIdle?.();
    cancelIdle = whenIdle(() => {
      cancelIdle = null;
      if (id > droppedUpTo) onReport(checkNow(document, rules));
    }, 1000);
  };
  const fallBack = () => {
    live?.terminate();
    live = null;
    inFlight = null;
  };
  const send = (document: GongwenDocument) => {
    const id = ++seq;
    if (!live) return onMainThread(document, id);
    try {
      // Only the blocks that changed since the last post are copied to the worker.
      const { delta, commit } = encoder.encode(document);
      live.postMessage({ type: 'check', id, delta, today: todayIso() } satisfies CheckWorkerRequest);
      commit();
      inFlight = id;
    } catch {
      fallBack();
      onMainThread(document, id);
    }
  };
  if (live) {
    live.onmessage = (event: MessageEvent<CheckWorkerReply>) => {
      const reply = event.data;
      if (reply.id === inFlight) inFlight = null;
      // `unchanged`: reads as the last report the worker sent, which the screen has (or has
      // since replaced with a report of its own, after which the worker is told to forget).
      if ('report' in reply) {
        if (reply.id > droppedUpTo) onReport(reply.report);
      } else if (!('unchanged' in reply)) fallBack();
      if (waiting && inFlight === null) {
        const next = waiting;
        waiting = null;
        send(next);
      }
    };
    live.onerror = () => {
      const next = waiting;
      waiting = null;
      fallBack();
      if (next) send(next);
    };
    live.postMessage({ type: 'rules', rules } satisfies CheckWorkerRequest);
  }
  return {
    check(document) {
      if (inFlight !== null) waiting = document;
      else send(document);
    },
    supersede() {
      droppedUpTo = seq;
      waiting = null;
      try {
        live?.postMessage({ type: 'forget' } satisfies CheckWorkerRequest);
      } catch {
        fallBack();
      }
    },
    dispose() {
      cancelIdle?.();
      live?.terminate();
      live = null;
    },
  };
}

/**
 * What the screen shows: a live report that reads the same as the one shown (most keystrokes
 * change no finding) is dropped, so it re-renders nothing; `set` (检查, the export gate) always shows.
 */
export function createReportSink(show: (report: CheckReport) => void) {
  let shown: CheckReport | null = null;
  return {
    /** Shows `report` unless it reads the same as the one shown; true when shown. */
    offer(report: CheckReport): boolean {
      if (sameReport(shown, report)) return false;
      shown = report;
      show(report);
      return true;
    },
    set(report: CheckReport): void {
      shown = report;
      show(report);
    },
  };
}

export function useChecks(api: GongwenApi, document: GongwenDocument) {
  const rules = useKindRules(api, document.kind);
  const [report, setReport] = useState<CheckReport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(document);
  const waitingSince = useRef<number | null>(null);
  const checker = useRef<LiveChecker | null>(null);
  const [sink] = useState(() => createReportSink(setReport));
  latest.current = document;
  useEffect(() => {
    if (!rules) return undefined;
    // A live report is not urgent: React renders it in pieces between keystrokes (a transition).
    const live = createLiveChecker(rules, (next) => startTransition(() => void sink.offer(next)));
    checker.current = live;
    return () => {
      live.dispose();
      if (checker.current === live) checker.current = null;
    };
  }, [rules]);
  useEffect(() => {
    if (!rules) return;
    if (timer.current) clearTimeout(timer.current);
    const now = Date.now();
    waitingSince.current ??= now;
    const delay = Math.max(0, Math.min(CHECK_DEBOUNCE_MS, waitingSince.current + CHECK_MAX_WAIT_MS - now));
    timer.current = setTimeout(() => {
      waitingSince.current = null;
      checker.current?.check(latest.current);
    }, delay);
  }, [document, rules]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  /** `document`: the editor's document flushed just now (export), newer than the last render's. */
  const runNow = useCallback((document?: GongwenDocument): CheckReport | null => {
    if (!rules) return null;
    const fresh = checkNow(document ?? latest.current, rules);
    checker.current?.supersede();
    sink.set(fresh);
    return fresh;
  }, [rules, sink]);
  return useMemo(() => ({ rules, report, runNow }), [rules, report, runNow]);
}

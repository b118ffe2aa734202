/**
 * The live checks: the same engine the Node side runs before export, fed by the
 * template's data. Runs after a short pause in typing so input is never slowed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GongwenApi } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { kindRulesFrom, runChecks, type CheckReport, type KindRules } from '../../../shared/checks';
import { todayIso } from '../../platform/clock';

export const CHECK_DEBOUNCE_MS = 250;
/** While the user keeps typing, the panel still refreshes this often. */
export const CHECK_MAX_WAIT_MS = 1000;

export function useKindRules(api: GongwenApi, kind: string): KindRules | null {
  const [rules, setRules] = useState<KindRules | null>(null);
  useEffect(() => {
    let live = true;
    void api['templates:get']({ templateId: /^[a-z0-9-]{1,40}$/.test(kind) ? kind : 'generic' }).then((result) => {
      if (!live) return;
      setRules(result.ok ? kindRulesFrom(kind, result.value.template, result.value.checks) : kindRulesFrom(kind, null, null));
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

export function useChecks(api: GongwenApi, document: GongwenDocument) {
  const rules = useKindRules(api, document.kind);
  const [report, setReport] = useState<CheckReport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(document);
  const waitingSince = useRef<number | null>(null);
  latest.current = document;
  useEffect(() => {
    if (!rules) return;
    if (timer.current) clearTimeout(timer.current);
    const now = Date.now();
    waitingSince.current ??= now;
    const delay = Math.max(0, Math.min(CHECK_DEBOUNCE_MS, waitingSince.current + CHECK_MAX_WAIT_MS - now));
    timer.current = setTimeout(() => {
      waitingSince.current = null;
      setReport(checkNow(latest.current, rules));
    }, delay);
  }, [document, rules]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const runNow = useCallback((): CheckReport | null => {
    if (!rules) return null;
    const fresh = checkNow(latest.current, rules);
    setReport(fresh);
    return fresh;
  }, [rules]);
  return useMemo(() => ({ rules, report, runNow }), [rules, report, runNow]);
}

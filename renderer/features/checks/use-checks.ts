/**
 * The live checks: the same engine the Node side runs before export, fed by the
 * template's data. Runs after a short pause in typing so input is never slowed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GongwenApi } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { kindRulesFrom, runChecks, type CheckReport, type KindRules } from '../../../shared/checks';
import { todayIso } from '../../platform/clock';

export const CHECK_DEBOUNCE_MS = 250;

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
  useEffect(() => {
    if (!rules) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setReport(checkNow(document, rules)), CHECK_DEBOUNCE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [document, rules]);
  return useMemo(() => ({ rules, report, runNow: () => (rules ? (setReport(checkNow(document, rules)), checkNow(document, rules)) : null) }), [rules, report, document]);
}

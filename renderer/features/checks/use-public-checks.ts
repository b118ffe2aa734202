/**
 * The 公开版's screening in the renderer: the same engine and rules as the panel, with the
 * public screening on (public.*) and the office's published lines (the active profile's
 * 本单位公开电话), as the Node side's gate of the 公开版 export runs it. Only while `active`
 * (the panel's 公开版 tab or the export dialog), when the browser is idle, so the official
 * live check is not slowed down; runNow() checks at once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GongwenApi } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { runChecks, type CheckReport, type KindRules, type PublicScreening } from '../../../shared/checks';
import { todayIso } from '../../platform/clock';
import { whenIdle } from '../../platform/idle';

export function publicCheckNow(document: GongwenDocument, rules: KindRules, screening: PublicScreening): CheckReport {
  return runChecks(document, { today: todayIso(), ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts, public: screening });
}

export function usePublicChecks(api: GongwenApi, document: GongwenDocument, rules: KindRules | null, active: boolean) {
  const [report, setReport] = useState<CheckReport | null>(null);
  const screening = useRef<PublicScreening>({ allowedPhones: [] });
  const latest = useRef(document);
  latest.current = document;
  const [screeningSeq, setScreeningSeq] = useState(0);

  useEffect(() => {
    let live = true;
    void api['settings:get'](undefined).then((result) => {
      if (!live || !result.ok) return;
      const profile = result.value.profiles.find((p) => p.id === result.value.activeProfileId);
      screening.current = { allowedPhones: profile?.publicPhones ?? [] };
      setScreeningSeq((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (!active || !rules) return undefined;
    return whenIdle(() => setReport(publicCheckNow(latest.current, rules, screening.current)), 500);
  }, [active, rules, document, screeningSeq]);

  const runNow = useCallback((document?: GongwenDocument): CheckReport | null => {
    if (!rules) return null;
    const fresh = publicCheckNow(document ?? latest.current, rules, screening.current);
    setReport(fresh);
    return fresh;
  }, [rules]);
  // One object while neither changes: the screen's export handler depends on it, and through that
  // the memo'd action bar (a new object each render re-rendered it on every body sync).
  return useMemo(() => ({ report, runNow }), [report, runNow]);
}

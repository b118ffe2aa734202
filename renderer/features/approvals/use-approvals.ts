/**
 * The draft's approvals beside the editor: the editor knows header and body only, so every
 * document it hands up gets the current approvals attached here (`attach`). Recording one goes
 * through the Node side (drafts:approve), which stamps time and fingerprint and saves.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { AppError, GongwenApi } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { withHistory, type Approvals, type HistoryEntry } from '../../../shared/model/approvals';
import type { ApprovalRequest } from './ApprovalsDialog';

export function attachApprovals(doc: GongwenDocument, approvals: Approvals | undefined): GongwenDocument {
  if (doc.approvals === approvals) return doc;
  const { approvals: _old, ...rest } = doc;
  return approvals ? { ...rest, approvals } : rest;
}

export function useApprovals(api: GongwenApi, draftId: string, initial: Approvals | undefined, setDocument: (update: (doc: GongwenDocument) => GongwenDocument) => void) {
  const ref = useRef(initial);
  const attach = useCallback((doc: GongwenDocument) => attachApprovals(doc, ref.current), []);
  const set = useCallback(
    (approvals: Approvals | undefined) => {
      ref.current = approvals;
      setDocument((doc) => attachApprovals(doc, approvals));
    },
    [setDocument],
  );
  const record = useCallback(
    async (document: GongwenDocument, approval: ApprovalRequest): Promise<AppError | null> => {
      const result = await api['drafts:approve']({ id: draftId, document: attach(document), approval });
      if (!result.ok) return result.error;
      set(result.value.document.approvals);
      return null;
    },
    [api, draftId, attach, set],
  );
  /** The Node side recorded this entry in the saved draft (a 公开版 export): the editor's copy gets it too. */
  const addHistory = useCallback((entry: HistoryEntry) => set(withHistory(ref.current, entry)), [set]);
  return useMemo(() => ({ attach, record, addHistory }), [attach, record, addHistory]);
}

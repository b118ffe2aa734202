import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GongwenDocument } from '../../../shared/model';
import type { AppError } from '../../../shared/ipc/contract';
import { applyFix, type Finding } from '../../../shared/checks';
import { ReportEditor, type EditorController } from '../../editor/ReportEditor';
import { usePlatform } from '../../platform/context';
import { useAutosave } from './use-autosave';
import { ErrorBanner } from './ErrorBanner';
import { CheckPanel } from '../checks/CheckPanel';
import { useChecks } from '../checks/use-checks';
import { ExportDialog, type ExportAction } from '../export/ExportDialog';
import { EditorActions } from './EditorActions';
import { downloadBase64 } from '../export/download';
import { installPrintStyle } from '../../editor/page/print-style';
import { RevisionsPanel } from '../drafts/RevisionsPanel';
import { usePublicChecks } from '../checks/use-public-checks';
import type { CheckTab } from '../checks/CheckPanel';
import type { ExportOptions } from '../export/ExportDialog';
import { ApprovalsDialog } from '../approvals/ApprovalsDialog';
import { StaleNotice } from '../approvals/StaleNotice';
import { useApprovals } from '../approvals/use-approvals';
import { approvalState } from '../../../shared/model/approvals';

/** The print view shows the chosen variant (editor.css hides 版头 and 版记 for 公开版) while printing. */
function withPrintVariant<T>(variant: 'official' | 'public', run: () => T): T {
  const root = window.document.documentElement;
  root.dataset.printVariant = variant;
  try {
    return run();
  } finally {
    delete root.dataset.printVariant;
  }
}

async function withPrintVariantAsync<T>(variant: 'official' | 'public', run: () => Promise<T>): Promise<T> {
  const root = window.document.documentElement;
  root.dataset.printVariant = variant;
  try {
    return await run();
  } finally {
    delete root.dataset.printVariant;
  }
}

export interface EditorScreenProps {
  draftId: string;
  initialDocument: GongwenDocument;
  onClose: () => void;
  /** The revision the draft was opened at: saves name it, so a newer save elsewhere is never overwritten. */
  initialRevision?: number | undefined;
  /** Replace the draft under the editor (a restored revision): App remounts the editor with it. */
  onReload?: (draftId: string, document: GongwenDocument, revision?: number) => void;
}

export function EditorScreen({ draftId: openedId, initialDocument, initialRevision, onClose, onReload }: EditorScreenProps) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const { api } = platform;
  const [document, setDocument] = useState(initialDocument);
  const controller = useRef<EditorController | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // After a save conflict the editor goes on in the copy that holds its text.
  const [draftId, setDraftId] = useState(openedId);
  const { state: saveState, saveNow: saveRendered } = useAutosave(api, openedId, document, {
    revision: initialRevision,
    onConflict: (conflict) => {
      setDraftId(conflict.id);
      setNotice(t(`drafts.conflict.${conflict.reason}`));
    },
    current: () => controller.current?.getDocument(),
  });
  // 保存, 返回首页, export: the editor's document as it is now (its sync to state waits for idle)
  const saveNow = useCallback(() => saveRendered(controller.current?.getDocument()), [saveRendered]);
  const checks = useChecks(api, document);
  const approvals = useApprovals(api, draftId, initialDocument.approvals, setDocument);
  const [checkTab, setCheckTab] = useState<CheckTab>('official');
  const publicChecks = usePublicChecks(api, document, checks.rules, checkTab === 'public');
  const [showApprovals, setShowApprovals] = useState(false);
  const [pending, setPending] = useState<ExportAction | null>(null);
  const [showRevisions, setShowRevisions] = useState(false);
  // Warnings are confirmed once per document state: any change to the document drops it.
  const [confirmedFor, setConfirmedFor] = useState<GongwenDocument | null>(null);

  const handleChange = useCallback((next: GongwenDocument) => setDocument(approvals.attach(next)), [approvals]);
  useEffect(() => installPrintStyle(), []);
  const handleReady = useCallback((c: EditorController) => (controller.current = c), []);

  const jump = useCallback((finding: Finding) => {
    const { block, start, end } = finding.where;
    if (block !== null && start !== null && end !== null) controller.current?.selectInBlock(block, start, end);
    else if (block !== null) controller.current?.jumpToBlock(block);
    else if (finding.where.field) controller.current?.jumpToField(finding.where.field, start !== null && end !== null ? { start, end } : undefined);
  }, []);

  // Stable (the document through a ref), so the check panel is not re-rendered by typing.
  const documentRef = useRef(document);
  documentRef.current = document;
  const fix = useCallback((finding: Finding) => {
    const fromEditor = controller.current?.getDocument();
    const current = fromEditor ? approvals.attach(fromEditor) : documentRef.current;
    const fixed = applyFix(current, finding);
    if (fixed === current) return;
    controller.current?.replaceDocument(fixed);
    setDocument(fixed);
  }, [approvals]);

  const startExport = useCallback(
    (action: ExportAction) => {
      setError(null);
      setNotice(null);
      // The dialog's findings are those of the text as it is now: the editor's last keys reach
      // the screen's state only after a pause in typing. Flushing also re-renders `document`
      // with them before the dialog is confirmed, so runExport sends the same text.
      const fresh = controller.current?.getDocument();
      const now = fresh ? approvals.attach(fresh) : undefined;
      checks.runNow(now);
      publicChecks.runNow(now);
      setPending(action);
    },
    [approvals, checks, publicChecks],
  );

  const runExport = useCallback(
    async (action: ExportAction, options: ExportOptions) => {
      setPending(null);
      if (options.acceptWarnings) setConfirmedFor(document);
      await saveNow();
      if (action === 'print' || (action === 'pdf' && platform.shell === 'preview')) {
        // The preview cannot write a PDF itself: the dialog said to choose 另存为 PDF in the browser's print window.
        if (action === 'pdf') setNotice(t('exportDialog.pdfInBrowser'));
        withPrintVariant(options.variant, () => window.print());
        return;
      }
      const result = await withPrintVariantAsync(options.variant, () =>
        api['export:run']({ document, format: action, variant: options.variant, acceptWarnings: options.acceptWarnings, draftId, ...(options.acceptance ? { acceptance: options.acceptance } : {}) }),
      );
      if (!result.ok) return setError(result.error);
      if (result.value.history) approvals.addHistory(result.value.history);
      if (result.value.base64) downloadBase64(result.value.base64, result.value.fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      setNotice(result.value.path ? t('exportDialog.doneAt', { path: result.value.path }) : t('exportDialog.done', { fileName: result.value.fileName }));
    },
    [api, approvals, document, draftId, platform.shell, saveNow, t],
  );

  useEffect(
    () =>
      platform.on('menu:command', (command) => {
        if (command === 'save') void saveNow();
        else if (command === 'export-word') startExport('docx');
        else if (command === 'print') startExport('print');
        else if (command === 'find' || command === 'zoom-in' || command === 'zoom-out' || command === 'zoom-reset') controller.current?.command(command);
      }),
    [platform, saveNow, startExport],
  );

  const report = checks.report;
  const counts = useMemo(() => (report ? { errors: report.counts.error, warnings: report.counts.warning } : null), [report]);
  const back = useCallback(() => void saveNow().then(onClose), [saveNow, onClose]);
  const openRevisions = useCallback(() => setShowRevisions(true), []);
  const openApprovals = useCallback(() => setShowApprovals(true), []);
  const { runNow: runChecksNow } = checks;
  // 检查 checks the text as it is now: the editor hands its body to `document` only after a
  // pause in typing (DocumentSyncPlugin).
  const checkNowClicked = useCallback(() => {
    const fresh = controller.current?.getDocument();
    void runChecksNow(fresh ? approvals.attach(fresh) : undefined);
  }, [runChecksNow, approvals]);
  const signOff = document.approvals?.signOff ?? null;
  const signOffStale = signOff !== null && (report?.findings.some((f) => f.rule === 'approval.signOffStale') ?? false);
  const recordApproval = useCallback(
    (request: Parameters<typeof approvals.record>[1]) => approvals.record(controller.current?.getDocument() ?? documentRef.current, request),
    [approvals],
  );
  return (
    <main className="editor-screen">
      <EditorActions
        saveStatus={saveState.status}
        counts={counts}
        onBack={back}
        onRevisions={onReload ? openRevisions : null}
        onApprovals={openApprovals}
        onCheck={checkNowClicked}
        onExport={startExport}
      />
      {saveState.status === 'failed' ? <ErrorBanner error={saveState.error} /> : null}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {signOff && signOffStale ? <StaleNotice signOff={signOff} onShowSigned={onReload ? () => setShowRevisions(true) : null} onSignAgain={() => setShowApprovals(true)} /> : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="editor-body">
        <div className="editor-workspace">
          <ReportEditor document={initialDocument} onChange={handleChange} onReady={handleReady} />
        </div>
        <CheckPanel report={report} onJump={jump} onFix={fix} publicReport={publicChecks.report} tab={checkTab} onTab={setCheckTab} />
      </div>
      {showRevisions && onReload ? (
        <RevisionsPanel draftId={draftId} approvals={document.approvals} beforeRestore={saveNow} onClose={() => setShowRevisions(false)} onRestored={(restored, revision) => onReload(draftId, restored, revision)} />
      ) : null}
      {showApprovals ? <ApprovalsDialog state={approvalState(document)} onRecord={recordApproval} onClose={() => setShowApprovals(false)} /> : null}
      {pending && report ? (
        <ExportDialog
          action={pending}
          report={report}
          publicReport={publicChecks.report}
          defaultAcceptedBy={document.approvals?.secrecyReview?.reviewer ?? ''}
          warningsConfirmed={confirmedFor === document}
          browserPdf={platform.shell === 'preview'}
          onCancel={() => setPending(null)}
          onConfirm={(o) => void runExport(pending, o)}
          onJump={(finding) => {
            setPending(null);
            jump(finding);
          }}
        />
      ) : null}
    </main>
  );
}

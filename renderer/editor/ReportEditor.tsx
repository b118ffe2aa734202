/**
 * The report editor: the A4 page as it prints (版头, title, body, signature, 版记), the
 * outline and header panel on the left, toolbar and status bar. The body is a Lexical
 * composer with our nodes; every feature is a plugin in ./plugins/<Name>Plugin.
 *
 * The screen re-renders us with each document it receives back from onChange; the editor
 * keeps its own state after mount (the `document` prop is the initial document — the
 * screen remounts us with a key for another one), so those re-renders stop at the memo.
 */
import { memo, useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { createEmptyHistoryState } from '@lexical/history';
import { UNDO_COMMAND } from 'lexical';
import type { MovedField } from '../../shared/import/paste';
import { normalizeBody, reportYearOf, setReportYear, withReportYear, type GongwenDocument, type ReportHeader, type SerializedBody } from '../../shared/model';
import { HeaderMorePanel, PageClosing, PageColophon, PageHeader, ReportYearField } from '../features/header-form';
import { EDITOR_NAMESPACE, EDITOR_THEME, onEditorError, withAtLeastOneBlock } from './bridge';
import { EDITOR_NODES } from './nodes';
import { PageFlow } from './page/PageFlow';
import { CommitGuardPlugin } from './plugins/CommitGuardPlugin';
import { ControllerPlugin, type EditorController } from './plugins/ControllerPlugin';
import { DocumentSyncPlugin } from './plugins/DocumentSyncPlugin';
import { FindReplacePlugin } from './plugins/FindReplacePlugin';
import { GuidancePlugin } from './plugins/GuidancePlugin';
import { HeadingLevelPlugin } from './plugins/HeadingLevelPlugin';
import { IndentPlugin } from './plugins/IndentPlugin';
import { NormalizePlugin } from './plugins/NormalizePlugin';
import { GwTablePlugin } from './plugins/TablePlugin';
import { NumberingPlugin } from './plugins/NumberingPlugin';
import { OutlinePlugin } from './plugins/OutlinePlugin';
import { PastePlugin, type PasteHost } from './plugins/PastePlugin';
import { PasteNotice } from './plugins/PastePlugin/PasteNotice';
import { RichTextSetupPlugin } from './plugins/RichTextSetupPlugin';
import { RunInPlugin } from './plugins/RunInPlugin';
import { StatusBarPlugin } from './plugins/StatusBarPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { UndoPlugin } from './plugins/UndoPlugin';
import { ZOOM_DEFAULT, ZoomPlugin } from './plugins/ZoomPlugin';
import './editor.css';

export type { EditorController } from './plugins/ControllerPlugin';

export interface ReportEditorProps {
  /** Initial document; the screen remounts the editor (key) for another document. */
  document: GongwenDocument;
  /** Header or body changed. Body edits are coalesced until the browser is idle (≤ 300 ms). */
  onChange: (document: GongwenDocument) => void;
  onReady?: (controller: EditorController) => void;
}

type Callbacks = { onChange: ReportEditorProps['onChange']; onReady: ReportEditorProps['onReady'] };

export function ReportEditor({ document, onChange, onReady }: ReportEditorProps) {
  const [initial] = useState(document);
  const callbacks = useRef<Callbacks>({ onChange, onReady });
  callbacks.current = { onChange, onReady };
  return <EditorView initial={initial} callbacks={callbacks} />;
}

/** The 版记 is printed with the red-header (official) version only, as the .docx does. */
function hasColophon(h: ReportHeader): boolean {
  return h.redHeader && Boolean(h.cc.trim() || h.printOrgan.trim() || h.printDate.trim());
}

type PasteNoticeState = { moved: MovedField[]; canUndo: boolean } | null;

/**
 * The paste notice's state, kept out of EditorView: the notice changes on the first key after
 * a whole-report paste (撤销 no longer undoes just the paste), and as EditorView state that
 * re-rendered the whole editor inside that key (≈ 4 ms at 30 pages).
 */
function createNoticeStore() {
  let notice: PasteNoticeState = null;
  const listeners = new Set<() => void>();
  return {
    get: () => notice,
    set(next: PasteNoticeState) {
      notice = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
type NoticeStore = ReturnType<typeof createNoticeStore>;

/** The paste notice inside the composer, so its 撤销 runs the editor's own undo (the same as Ctrl+Z). */
function PasteNoticeBar({ store }: { store: NoticeStore }) {
  const [editor] = useLexicalComposerContext();
  const notice = useSyncExternalStore(store.subscribe, store.get);
  const [dismissed, setDismissed] = useState<MovedField[] | null>(null);
  if (!notice || notice.moved === dismissed) return null;
  return <PasteNotice moved={notice.moved} canUndo={notice.canUndo} onUndo={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} onDismiss={() => setDismissed(notice.moved)} />;
}

const EditorView = memo(function EditorView({ initial, callbacks }: { initial: GongwenDocument; callbacks: { current: Callbacks } }) {
  const { t } = useTranslation();
  const [header, setHeaderState] = useState(initial.header);
  const headerRef = useRef(initial.header);
  // 报告年度: the stored year and whether the user set it; the year in force follows the title otherwise.
  type YearState = Pick<GongwenDocument, 'reportYear' | 'reportYearFixed'>;
  const yearRef = useRef<YearState>({ reportYear: initial.reportYear, reportYearFixed: initial.reportYearFixed });
  const [year, setYearState] = useState<YearState>(yearRef.current);
  const bodyRef = useRef<SerializedBody>(initial.body);
  const flushRef = useRef<(() => void) | null>(null);
  const fields = useRef(new Map<keyof ReportHeader, HTMLElement>());
  const [zoom, setZoom] = useState(ZOOM_DEFAULT);
  const [measuredPages, setMeasuredPages] = useState<number | null>(null);

  const current = useCallback((): GongwenDocument => {
    const doc: GongwenDocument = { ...initial, reportYear: yearRef.current.reportYear, header: headerRef.current, body: bodyRef.current };
    delete doc.reportYearFixed;
    if (yearRef.current.reportYearFixed) doc.reportYearFixed = true;
    return withReportYear(doc);
  }, [initial]);
  const emit = useCallback(() => {
    const doc = current();
    // The year in force is kept (a title typed without its year yet keeps the last one).
    if (doc.reportYear !== yearRef.current.reportYear) {
      yearRef.current = { ...yearRef.current, reportYear: doc.reportYear };
      setYearState(yearRef.current);
    }
    callbacks.current.onChange(doc);
  }, [callbacks, current]);
  const setYear = useCallback(
    (next: YearState) => {
      yearRef.current = { reportYear: next.reportYear, reportYearFixed: next.reportYearFixed };
      setYearState(yearRef.current);
      emit();
    },
    [emit],
  );
  const onYear = useCallback((value: number | null) => setYear(setReportYear(current(), value)), [current, setYear]);

  const setHeader = useCallback(
    (next: ReportHeader) => {
      headerRef.current = next;
      setHeaderState(next);
      emit();
    },
    [emit],
  );
  const update = useCallback((patch: Partial<ReportHeader>) => setHeader({ ...headerRef.current, ...patch }), [setHeader]);
  const [history] = useState(createEmptyHistoryState);
  const [noticeStore] = useState(createNoticeStore);
  const pasteHost = useMemo<PasteHost>(() => ({ getHeader: () => headerRef.current, setHeaderFields: update, onNotice: noticeStore.set }), [update, noticeStore]);
  const onBody = useCallback(
    (body: SerializedBody) => {
      bodyRef.current = body;
      emit();
    },
    [emit],
  );
  const getDocument = useCallback(() => {
    flushRef.current?.();
    return current();
  }, [current]);

  const register = useCallback(
    (field: keyof ReportHeader) => (el: HTMLElement | null) => {
      if (el) fields.current.set(field, el);
      else fields.current.delete(field);
    },
    [],
  );
  const focusField = useCallback(function focus(field: keyof ReportHeader, range?: { start: number; end: number }) {
    const own = fields.current.get(field);
    const panel = fields.current.get('redHeader');
    // The panel's fields exist only while it is open (HeaderMorePanel): open it, then focus the
    // field once it has rendered.
    const closed = own ? null : panel?.querySelector<HTMLButtonElement>('.gw-more-toggle[aria-expanded="false"]');
    if (closed) {
      closed.click();
      requestAnimationFrame(() => focus(field, range));
      return;
    }
    const el = own ?? panel;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    // Focusing shows the field's own value (DraftField); select the place once that has rendered.
    if (own && range && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
      requestAnimationFrame(() => {
        const length = el.value.length;
        if (range.start <= length) el.setSelectionRange(range.start, Math.min(range.end, length));
      });
    }
    el.classList.add('gw-flash');
    setTimeout(() => el.classList.remove('gw-flash'), 1200);
  }, []);

  const initialConfig = useMemo(
    () => ({
      namespace: EDITOR_NAMESPACE,
      nodes: [...EDITOR_NODES],
      theme: EDITOR_THEME,
      onError: onEditorError,
      editorState: JSON.stringify(withAtLeastOneBlock(normalizeBody(initial.body))),
    }),
    [initial],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="gw-editor">
        <ToolbarPlugin zoom={zoom} />
        <FindReplacePlugin />
        <PasteNoticeBar store={noticeStore} />
        <div className="gw-editor-main">
          <aside className="gw-sidebar">
            <OutlinePlugin />
            <ReportYearField year={reportYearOf({ ...year, header })} fixed={Boolean(year.reportYearFixed)} onSet={onYear} />
            <HeaderMorePanel header={header} update={update} register={register} />
          </aside>
          <div className="gw-scroller-frame">
            <div className="gw-scroller">
              <PageFlow zoom={zoom} onPages={setMeasuredPages} colophon={hasColophon(header) ? <PageColophon header={header} /> : null}>
                <PageHeader header={header} update={update} register={register} />
                <ContentEditable className="gw-body" aria-label={t('editor.body')} spellCheck={false} />
                <RichTextSetupPlugin />
                <PageClosing header={header} update={update} register={register} />
              </PageFlow>
            </div>
          </div>
        </div>
        <StatusBarPlugin header={header} zoom={zoom} measuredPages={measuredPages} />
      </div>
      <CommitGuardPlugin />
      <UndoPlugin history={history} />
      <NumberingPlugin />
      <HeadingLevelPlugin />
      <RunInPlugin />
      <GuidancePlugin />
      <IndentPlugin />
      <NormalizePlugin />
      <GwTablePlugin />
      <PastePlugin host={pasteHost} history={history} />
      <ZoomPlugin zoom={zoom} onZoom={setZoom} />
      <DocumentSyncPlugin onBody={onBody} flushRef={flushRef} />
      <ControllerPlugin onReady={callbacks.current.onReady} getDocument={getDocument} setHeader={setHeader} setYear={setYear} focusField={focusField} />
    </LexicalComposer>
  );
});

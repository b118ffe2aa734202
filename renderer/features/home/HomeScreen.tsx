import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, DraftList, DraftRecord, DraftSummary, TemplateSummary } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { usePlatform } from '../../platform/context';
import { todayIso } from '../../platform/clock';
import { ErrorBanner } from '../shell/ErrorBanner';
import { RecoveryPrompt } from '../drafts/RecoveryPrompt';
import { IMPORT_ACCEPT, importAsDraft, saveDraftAs } from '../drafts/file-io';
import { DraftRow, type DraftAction } from './DraftRow';
import { TrashView } from './TrashView';
import { DRAFT_SORTS, visibleDrafts, type DraftSort } from './sort';
import './home.css';
import { CycleBanner } from '../calendar/CycleBanner';

/** A short message after an action; `undo`/`open` add the one follow-up that makes sense. */
type Notice = { text: string; undoDelete?: { id: string; title: string }; openId?: string };

export function HomeScreen({ onOpen, newReport = 0 }: { onOpen: (draftId: string, document: GongwenDocument, revision?: number) => void; /** Bumped by the menu's 新建报告: open the choice of templates. */ newReport?: number }) {
  const { t, i18n } = useTranslation();
  const { api } = usePlatform();
  const [drafts, setDrafts] = useState<DraftList | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [templateId, setTemplateId] = useState('fazhi-annual');
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DraftSort>('modified');
  const [view, setView] = useState<'drafts' | 'trash'>('drafts');
  const [busy, setBusy] = useState(false);
  const [recovery, setRecovery] = useState<{ record: DraftRecord; title: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  const reload = useCallback(async () => {
    const result = await api['drafts:list'](undefined);
    if (result.ok) setDrafts(result.value);
    else setError(result.error);
  }, [api]);

  useEffect(() => {
    void reload();
    // template names for the "kind" column; the list still works without them
    void api['templates:list'](undefined)
      .then((result) => {
        if (result?.ok) setTemplates(result.value);
      })
      .catch(() => undefined);
  }, [api, reload]);

  const kindName = useCallback((kind: string) => templates?.find((tpl) => tpl.id === kind)?.name[lang] ?? kind, [templates, lang]);

  /** Runs one action: clears the old messages, blocks double clicks, shows a failure in the user's language. */
  const act = useCallback(async (fn: () => Promise<AppError | null | void>) => {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const failure = await fn();
      if (failure) setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);

  const startNew = () =>
    act(async () => {
      const result = await api['templates:list'](undefined);
      if (!result.ok) return result.error;
      setTemplates(result.value);
      if (!result.value.some((tpl) => tpl.id === templateId) && result.value[0]) setTemplateId(result.value[0].id);
      setChoosing(true);
    });

  const startNewRef = useRef(startNew);
  startNewRef.current = startNew;
  useEffect(() => {
    if (newReport > 0) void startNewRef.current();
  }, [newReport]);

  const create = () =>
    act(async () => {
      const made = await api['templates:instantiate']({ templateId, today: todayIso() });
      if (!made.ok) return made.error;
      const created = await api['drafts:create']({ document: made.value });
      if (!created.ok) return created.error;
      onOpen(created.value.id, created.value.document, created.value.revision);
    });

  const open = (id: string, title: string) =>
    act(async () => {
      const result = await api['drafts:get']({ id });
      if (!result.ok) return result.error;
      if (result.value.recovered) setRecovery({ record: result.value, title });
      else onOpen(result.value.id, result.value.document, result.value.revision);
    });

  /**
   * Either choice is saved before the editor opens: the recovered text lands in the draft
   * (a second crash cannot lose it), and a discarded journal is cleared by the save, so the
   * question is not asked again.
   */
  const resolveRecovery = (keep: boolean) =>
    act(async () => {
      if (!recovery) return;
      const { record } = recovery;
      const document = keep && record.recovered ? record.recovered : record.document;
      const saved = await api['drafts:save']({ id: record.id, document, ...(record.revision !== undefined ? { baseRevision: record.revision } : {}) });
      if (!saved.ok) return saved.error;
      setRecovery(null);
      // saved elsewhere in between: the choice went into a copy, which opens
      const conflict = saved.value.conflict;
      if (conflict) onOpen(conflict.id, document, conflict.revision);
      else onOpen(record.id, document, saved.value.revision);
    });

  const titleOf = (doc: GongwenDocument) => doc.header.title.replace(/\s+/g, ' ').trim() || t('home.untitled');

  const onAction = (action: DraftAction, draft: DraftSummary) => {
    const title = draft.title || t('home.untitled');
    if (action === 'open') return void open(draft.id, title);
    void act(async () => {
      if (action === 'duplicate') {
        const result = await api['drafts:duplicate']({ id: draft.id });
        if (!result.ok) return result.error;
        setNotice({ text: t('home.duplicated', { title: titleOf(result.value.document) }), openId: result.value.id });
      } else if (action === 'delete') {
        const result = await api['drafts:delete']({ id: draft.id });
        if (!result.ok) return result.error;
        setNotice({ text: t('home.deleted', { title }), undoDelete: { id: draft.id, title } });
      } else if (action === 'rollover') {
        const result = await api['drafts:rollover']({ id: draft.id });
        if (!result.ok) return result.error;
        // the service adds the count to the record; older backends may not
        const marked = result.value.figuresMarked;
        setNotice({ text: t('drafts.rollover.figuresMarked', { count: marked }), openId: result.value.id });
      } else if (action === 'saveAs') {
        const result = await saveDraftAs(api, draft.id);
        if (!result.ok) return result.error;
        setNotice({ text: t('home.savedAs', { fileName: result.value.fileName }) });
        return;
      }
      await reload();
    });
  };

  const restoreFromTrash = (id: string, title: string) =>
    act(async () => {
      const result = await api['drafts:restoreFromTrash']({ id });
      if (!result.ok) return result.error;
      setNotice({ text: t('home.restored', { title }), openId: id });
      await reload();
    });

  const openById = (id: string) => {
    const draft = drafts?.drafts.find((d) => d.id === id);
    void open(id, draft?.title || t('home.untitled'));
  };

  const importFile = (file: File) =>
    act(async () => {
      const result = await importAsDraft(api, file);
      if (!result.ok) return result.error;
      setView('drafts');
      const imported = t('home.imported', { title: titleOf(result.value.document) });
      const fields = (result.value.fromProfile ?? []).map((f) => t(`home.profileFields.${f}`)).join(t('home.profileFieldsSeparator'));
      setNotice({ text: fields ? `${imported} ${t('home.importedFromProfile', { fields })}` : imported, openId: result.value.id });
      await reload();
    });

  const shown = useMemo(() => (drafts ? visibleDrafts(drafts.drafts, query, sort, lang) : []), [drafts, query, sort, lang]);
  const trashCount = drafts?.trash.length ?? 0;

  return (
    <main className="home">
      <section className="home-hero">
        <div>
          <h1>{t('app.name')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
        <div className="home-hero-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void startNew()}>
            {t('home.newReport')}
          </button>
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()} title={t('home.importHint')}>
            {t('home.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            accept={IMPORT_ACCEPT}
            aria-label={t('home.import')}
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
      </section>
      <CycleBanner />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice ? (
        <div className="home-notice" role="status">
          <span>{notice.text}</span>
          {notice.undoDelete ? (
            <button type="button" className="link" disabled={busy} onClick={() => void restoreFromTrash(notice.undoDelete!.id, notice.undoDelete!.title)}>
              {t('home.undo')}
            </button>
          ) : null}
          {notice.openId ? (
            <button type="button" className="link" disabled={busy} onClick={() => openById(notice.openId!)}>
              {t('home.openNew')}
            </button>
          ) : null}
          <button type="button" className="link muted-link" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      {choosing && templates ? (
        <div className="dialog" role="dialog" aria-modal="true" aria-label={t('home.chooseTemplate')}>
          <h2>{t('home.chooseTemplate')}</h2>
          <div className="template-list" role="radiogroup" aria-label={t('home.chooseTemplate')}>
            {templates.map((tpl) => (
              <label key={tpl.id} className={tpl.id === templateId ? 'template selected' : 'template'}>
                <input type="radio" name="template" value={tpl.id} checked={tpl.id === templateId} onChange={() => setTemplateId(tpl.id)} />
                <strong>{tpl.name[lang]}</strong>
                <span>{tpl.description[lang]}</span>
              </label>
            ))}
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => setChoosing(false)}>
              {t('home.cancel')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
              {t('home.create')}
            </button>
          </div>
        </div>
      ) : null}
      {view === 'trash' ? (
        <>
          <div className="drafts-toolbar">
            <button type="button" onClick={() => setView('drafts')}>
              {t('home.trash.back')}
            </button>
          </div>
          <TrashView trash={drafts?.trash ?? []} busy={busy} onRestore={(id, title) => void restoreFromTrash(id, title)} />
        </>
      ) : (
        <section className="drafts" aria-labelledby="drafts-title">
          <div className="drafts-head">
            <h2 id="drafts-title">{t('home.drafts')}</h2>
            {drafts && drafts.drafts.length > 0 ? <span className="muted">{t('home.count', { count: drafts.drafts.length })}</span> : null}
            <span className="spacer" />
            <button type="button" className="trash-toggle" onClick={() => setView('trash')}>
              {t('home.trash.open', { count: trashCount })}
            </button>
          </div>
          {drafts && drafts.drafts.length > 0 ? (
            <>
              <div className="drafts-toolbar">
                <input type="search" className="draft-search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={t('home.search')} placeholder={t('home.searchPlaceholder')} />
                <label className="draft-sort">
                  <span>{t('home.sortBy')}</span>
                  <select value={sort} onChange={(e) => setSort(e.target.value as DraftSort)} aria-label={t('home.sortBy')}>
                    {DRAFT_SORTS.map((s) => (
                      <option key={s} value={s}>
                        {t(`home.sort.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {shown.length > 0 ? (
                <ul className="draft-list">
                  {shown.map((draft) => (
                    <DraftRow key={draft.id} draft={draft} kindName={kindName(draft.kind)} busy={busy} onAction={onAction} />
                  ))}
                </ul>
              ) : (
                <p className="muted empty">{t('home.noMatches', { query })}</p>
              )}
            </>
          ) : drafts ? (
            <p className="muted empty">{t('home.noDrafts')}</p>
          ) : null}
        </section>
      )}
      {drafts && drafts.setAside.length > 0 ? (
        <section className="set-aside" aria-labelledby="set-aside-title">
          <h2 id="set-aside-title">{t('home.setAside.title')}</h2>
          <ul>
            {drafts.setAside.map((item) => (
              <li key={item.where}>
                <strong>{t('home.setAside.file', { name: item.fileName })}</strong>
                <span>{t(item.reasonKey)}</span>{' '}
                <span>
                  {item.moved
                    ? t('home.setAside.movedTo', { where: item.where })
                    : item.reasonKey === 'drafts.corrupt.newer' || item.reasonKey === 'drafts.corrupt.unreadable'
                      ? t('home.setAside.keptInPlace', { where: item.where })
                      : t('home.setAside.leftInPlace', { where: item.where })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {recovery ? (
        <RecoveryPrompt title={recovery.title} savedAt={recovery.record.modifiedAt} busy={busy} onRestore={() => void resolveRecovery(true)} onDiscard={() => void resolveRecovery(false)} />
      ) : null}
    </main>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, DraftList, TemplateSummary } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { usePlatform } from '../../platform/context';
import { todayIso } from '../../platform/clock';
import { ErrorBanner } from '../shell/ErrorBanner';

export function HomeScreen({ onOpen }: { onOpen: (draftId: string, document: GongwenDocument) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = usePlatform();
  const [drafts, setDrafts] = useState<DraftList | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [templateId, setTemplateId] = useState('fazhi-annual');
  const [error, setError] = useState<AppError | null>(null);
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  useEffect(() => {
    void api['drafts:list'](undefined).then((result) => (result.ok ? setDrafts(result.value) : setError(result.error)));
  }, [api]);

  const startNew = async () => {
    setError(null);
    const result = await api['templates:list'](undefined);
    if (!result.ok) return setError(result.error);
    setTemplates(result.value);
    if (!result.value.some((tpl) => tpl.id === templateId) && result.value[0]) setTemplateId(result.value[0].id);
    setChoosing(true);
  };

  const create = async () => {
    const made = await api['templates:instantiate']({ templateId, today: todayIso() });
    if (!made.ok) return setError(made.error);
    const created = await api['drafts:create']({ document: made.value });
    if (!created.ok) return setError(created.error);
    onOpen(created.value.id, created.value.document);
  };

  const open = async (id: string) => {
    const result = await api['drafts:get']({ id });
    if (!result.ok) return setError(result.error);
    onOpen(result.value.id, result.value.recovered ?? result.value.document);
  };

  return (
    <main className="home">
      <section className="home-hero">
        <h1>{t('app.name')}</h1>
        <p>{t('app.tagline')}</p>
        <button type="button" className="primary" onClick={() => void startNew()}>
          {t('home.newReport')}
        </button>
      </section>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
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
            <button type="button" className="primary" onClick={() => void create()}>
              {t('home.create')}
            </button>
          </div>
        </div>
      ) : null}
      <section className="drafts" aria-label={t('home.drafts')}>
        <h2>{t('home.drafts')}</h2>
        {drafts && drafts.drafts.length > 0 ? (
          <ul className="draft-list">
            {drafts.drafts.map((draft) => (
              <li key={draft.id}>
                <button type="button" className="draft" onClick={() => void open(draft.id)}>
                  <span className="draft-title">{draft.title || t('home.untitled')}</span>
                  <span className="draft-meta">{new Date(draft.modifiedAt).toLocaleString(lang)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('home.noDrafts')}</p>
        )}
      </section>
    </main>
  );
}

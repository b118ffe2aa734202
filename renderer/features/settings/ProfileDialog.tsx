/**
 * 单位设置: the office profiles a new report is filled from (issuer mark, 机关代字,
 * recipient, signers, signing organs, 印发机关). Several offices can share one PC; the
 * active one fills new reports.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, OfficeProfile } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform/context';
import { ErrorBanner } from '../shell/ErrorBanner';
import { REPORTING_LEVELS, defaultDeadlines, type DeadlineId, type MonthDay, type ReportingLevel } from '../../../shared/calendar/annual';
import { SETTINGS_CHANGED_EVENT } from '../calendar/CycleBanner';

/** "3-1", "03-01", "3月1日" → month/day; anything else → undefined (the rule's date). */
function parseMonthDay(text: string): MonthDay | undefined {
  const m = /^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  return m ? { month: Number(m[1]), day: Number(m[2]) } : undefined;
}

const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);
const names = (text: string) => text.split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean);

function blankProfile(): OfficeProfile {
  return { id: `p${Date.now().toString(36)}`, name: '', issuerLines: [], agencyCode: '', recipient: '', signers: [], signingOrgans: [], printOrgan: '' };
}

export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = usePlatform();
  const [profiles, setProfiles] = useState<OfficeProfile[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<OfficeProfile>(blankProfile);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void api['settings:get'](undefined).then((result) => {
      if (!result.ok) return setError(result.error);
      setProfiles(result.value.profiles);
      setActiveId(result.value.activeProfileId);
      const active = result.value.profiles.find((p) => p.id === result.value.activeProfileId) ?? result.value.profiles[0];
      if (active) setDraft(active);
    });
  }, [api]);

  const set = <K extends keyof OfficeProfile>(key: K, value: OfficeProfile[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async () => {
    const profile = { ...draft, name: draft.name.trim() || draft.signingOrgans[0] || draft.issuerLines[0]?.replace(/文件$/, '') || t('settings.unnamed') };
    const next = profiles.some((p) => p.id === profile.id) ? profiles.map((p) => (p.id === profile.id ? profile : p)) : [...profiles, profile];
    const result = await api['settings:update']({ profiles: next, activeProfileId: profile.id });
    if (!result.ok) return setError(result.error);
    setProfiles(result.value.profiles);
    setActiveId(result.value.activeProfileId);
    setDraft(profile);
    setSaved(true);
    window.dispatchEvent(new Event(SETTINGS_CHANGED_EVENT));
  };

  const field = (key: 'name' | 'agencyCode' | 'recipient' | 'printOrgan', label: string, hint?: string) => (
    <label className="profile-field">
      <span>{label}</span>
      <input value={draft[key]} placeholder={hint} onChange={(e) => set(key, e.target.value)} />
    </label>
  );

  return (
    <div className="modal-backdrop">
      <div className="dialog modal profile-dialog" role="dialog" aria-modal="true" aria-label={t('settings.title')}>
        <h2>{t('settings.title')}</h2>
        <p className="muted">{t('settings.intro')}</p>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {profiles.length > 0 ? (
          <label className="profile-field">
            <span>{t('settings.profile')}</span>
            <select
              value={draft.id}
              onChange={(e) => {
                const chosen = profiles.find((p) => p.id === e.target.value);
                if (chosen) setDraft(chosen);
                setSaved(false);
              }}
            >
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === activeId ? t('settings.activeName', { name: p.name }) : p.name}
                </option>
              ))}
              {profiles.some((p) => p.id === draft.id) ? null : <option value={draft.id}>{t('settings.newProfile')}</option>}
            </select>
          </label>
        ) : null}
        {field('name', t('settings.name'), t('settings.nameHint'))}
        <label className="profile-field">
          <span>{t('header.issuer')}</span>
          <textarea rows={2} value={draft.issuerLines.join('\n')} placeholder={t('settings.issuerHint')} onChange={(e) => set('issuerLines', lines(e.target.value))} />
        </label>
        {field('agencyCode', t('settings.agencyCode'), t('settings.agencyCodeHint'))}
        {field('recipient', t('header.recipient'), t('settings.recipientHint'))}
        <label className="profile-field">
          <span>{t('header.signers')}</span>
          <input value={draft.signers.join(' ')} placeholder={t('settings.signersHint')} onChange={(e) => set('signers', names(e.target.value))} />
        </label>
        <label className="profile-field">
          <span>{t('settings.signingOrgans')}</span>
          <textarea rows={2} value={draft.signingOrgans.join('\n')} placeholder={t('settings.signingOrgansHint')} onChange={(e) => set('signingOrgans', lines(e.target.value))} />
        </label>
        {field('printOrgan', t('settings.printOrgan'), t('settings.printOrganHint'))}
        <label className="profile-field">
          <span>{t('settings.level')}</span>
          <select value={draft.level ?? ''} onChange={(e) => set('level', (e.target.value || null) as ReportingLevel | null)}>
            <option value="">{t('settings.levelNone')}</option>
            {REPORTING_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`calendar.level.${level}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.level
          ? (['submit', 'publish'] as DeadlineId[]).map((id) => {
              const base = defaultDeadlines(draft.level!)[id];
              const own = draft.deadlines?.[id];
              return (
                <label key={id} className="profile-field">
                  <span>{t(id === 'submit' ? 'settings.deadlineSubmit' : 'settings.deadlinePublish')}</span>
                  <input
                    defaultValue={own ? `${own.month}-${own.day}` : ''}
                    placeholder={t('settings.deadlineHint', { date: t('calendar.shortDate', { month: base.month, day: base.day }) })}
                    onChange={(e) => {
                      const md = parseMonthDay(e.target.value);
                      const next = { ...(draft.deadlines ?? {}) };
                      if (md) next[id] = md;
                      else delete next[id];
                      set('deadlines', next);
                    }}
                  />
                </label>
              );
            })
          : null}
        <label className="profile-field">
          <span>{t('settings.publicPhones')}</span>
          <textarea rows={2} value={(draft.publicPhones ?? []).join('\n')} placeholder={t('settings.publicPhonesHint')} onChange={(e) => set('publicPhones', lines(e.target.value))} />
        </label>
        {saved ? (
          <p className="notice" role="status">
            {t('settings.saved')}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => (setDraft(blankProfile()), setSaved(false))}>
            {t('settings.newProfile')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('settings.close')}
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('settings.save')}
          </button>
        </div>
      </div>
    </div>
  );
}

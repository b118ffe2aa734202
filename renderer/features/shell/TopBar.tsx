import { useState } from 'react';
import { ProfileDialog } from '../settings/ProfileDialog';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../../shared/i18n';
import { usePlatform } from '../../platform/context';

export function TopBar() {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const [editingProfile, setEditingProfile] = useState(false);
  const changeLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    void i18n.changeLanguage(value);
    document.documentElement.lang = value;
    // Saved in the settings, the one source of truth: the desktop app's menu and title follow.
    void platform.api['settings:update']({ language: value });
  };
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
        {platform.shell === 'preview' ? <span className="badge">{t('app.previewBadge')}</span> : null}
      </div>
      <span className="spacer" />
      <button type="button" className="topbar-button" onClick={() => setEditingProfile(true)}>
        {t('settings.open')}
      </button>
      {editingProfile ? <ProfileDialog onClose={() => setEditingProfile(false)} /> : null}
      <label className="language">
        <span>{t('app.language')}</span>
        <select value={i18n.language} onChange={(e) => changeLanguage(e.target.value)} aria-label={t('app.language')}>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng}>
              {t(`app.languageNames.${lng}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

/**
 * i18n resources and a factory shared by the renderer and the CLI. zh-CN is the default;
 * en-US is kept complete (tests/shared/i18n compares the key sets).
 */
import i18next, { type i18n as I18n } from 'i18next';
import zhCN from './locales/zh-CN.json';
import enUS from './locales/en-US.json';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The UI language for an OS locale (Electron's app.getLocale(): 'zh-CN', 'zh-TW', 'en-GB', 'fr'…),
 * used until the user picks one. Any Chinese locale reads the zh-CN text; any other locale
 * gets English, which a non-Chinese OS's user is likelier to read than Chinese.
 */
export function languageForLocale(locale: string | null | undefined): Language {
  if (typeof locale !== 'string' || !locale.trim()) return DEFAULT_LANGUAGE;
  return /^zh(?:$|[-_])/i.test(locale.trim()) ? 'zh-CN' : 'en-US';
}

/** A fresh, initialised i18next instance (no global state, no detection from the network). */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

/** What a CLI command gets from its caller: streams, folder, environment, today (so tests fix the clock). */
import { createI18n, isLanguage, DEFAULT_LANGUAGE, type Language } from '../../shared/i18n';
import type { Translate } from '../../shared/checks/format';

export interface CliStream {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  cwd: string;
  env?: Record<string, string | undefined>;
  /** 'YYYY-MM-DD'; defaults to the local date. */
  today?: string;
  /** Folder holding templates/<kind>/; defaults to the package's. */
  templatesDir?: string;
  /** Folder of the built CLI's caches (dist/.cache/: V8 code, title word starts); none from the sources. */
  cacheDir?: string;
}

export { EXIT } from './exit-codes';

/** --lang wins; else GONGWEN_LANG or LANG when it names English or Chinese; else zh-CN. */
export function pickLanguage(flag: string | undefined, env: Record<string, string | undefined>): Language {
  if (flag && isLanguage(flag)) return flag;
  for (const value of [env.GONGWEN_LANG, env.LC_ALL, env.LANG]) {
    if (!value) continue;
    if (/^en/i.test(value)) return 'en-US';
    if (/^zh/i.test(value)) return 'zh-CN';
  }
  return DEFAULT_LANGUAGE;
}

export function translator(language: Language): Translate {
  const i18n = createI18n(language);
  return (key, values) => i18n.t(key, values ?? {});
}

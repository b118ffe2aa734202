import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, isLanguage } from '../shared/i18n';
import { createAppRoot } from './platform/app-root';
import { createPlatform } from './platform/client';
import { PlatformContext } from './platform/context';
import { fetchStartup, StartupContext } from './platform/startup';
import { App } from './App';
import './styles/app.css';

const platform = createPlatform();

// The language has one source of truth: the settings on disk (the menu and window title follow them too).
// The first paint also waits (at most STARTUP_WAIT_MS) for the start-up bars, so they never shift the page later.
void Promise.all([platform.api['settings:get'](undefined), fetchStartup(platform.api)]).then(([result, startup]) => {
  const language = result.ok && isLanguage(result.value.language) ? result.value.language : 'zh-CN';
  const i18n = createI18n(language);
  document.documentElement.lang = i18n.language;
  createAppRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PlatformContext.Provider value={platform}>
        <StartupContext.Provider value={startup}>
          <I18nextProvider i18n={i18n}>
            <App />
          </I18nextProvider>
        </StartupContext.Provider>
      </PlatformContext.Provider>
    </StrictMode>,
  );
});

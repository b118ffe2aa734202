import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window's options. webPreferences stay an inline literal so that security
 * scanners (Electronegativity, our ESLint rules) can read every setting.
 */
export function windowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title,
    show: false,
    backgroundColor: '#e9e9e4',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !process.env.GONGWEN_NO_DEVTOOLS ? true : false,
    },
  };
}

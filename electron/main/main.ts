/**
 * The Electron main process: thin glue. It makes the window safe, builds the menu and
 * wires the same Node services the preview backend uses (electron/services/wire.ts).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { wireServices } from '../services/wire';
import { makeStoreDurable, settingsStoreOptions } from '../services/settings-service';
import { findPackageRoot, packageVersion } from '../services/package-root';
import { createI18n, isLanguage, languageForLocale } from '../../shared/i18n';
import { windowOptions } from './window-options';
import { guardWebContents, hardenSession } from './security';
import { MAIN_COMMANDS, menuTemplate } from './menu';
import type { MenuCommand } from '../../shared/ipc/channel-names';
import { registerIpc } from './ipc';
import { draftPathFromArgv } from './argv';
import { acquireDataFolderLock, DataFolderInUseError, describeDataFolderInUse, describeLockCompromised, describeUnlocked, lockMessageLanguage, unlockedNotice, type DataFolderLock } from '../services/data-lock';


const root = findPackageRoot(__dirname);
const rendererIndex = path.join(root, 'dist', 'renderer', 'index.html');
const appUrl = () => pathToFileURL(rendererIndex).toString();
let mainWindow: BrowserWindow | null = null;
let pendingOpenPath: string | null = draftPathFromArgv(process.argv);

function sendToRenderer(channel: 'menu:command' | 'file:open', value: string): void {
  mainWindow?.webContents.send(channel, value);
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** 文件 → 打开: a .gwdraft chosen in the native dialog opens as the OS would open it. */
async function openDraftDialog(t: T): Promise<void> {
  if (!mainWindow) return;
  const result = await dialog.showOpenDialog(mainWindow, { title: t('menu.open'), filters: [{ name: t('app.name'), extensions: ['gwdraft'] }], properties: ['openFile'] });
  const file = result.canceled ? undefined : result.filePaths[0];
  if (file) sendToRenderer('file:open', file);
}

function guidePath(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'docs', '用户指南.md') : path.join(root, 'docs', '用户指南.md');
}

function runMenuCommand(command: MenuCommand, t: T): void {
  if (!MAIN_COMMANDS.has(command)) return sendToRenderer('menu:command', command);
  if (command === 'open') void openDraftDialog(t);
  else if (command === 'user-guide') {
    const guide = guidePath();
    if (existsSync(guide)) void shell.openPath(guide);
    else if (mainWindow) void dialog.showMessageBox(mainWindow, { type: 'warning', message: t('menu.guideMissing', { path: guide }) });
  } else if (command === 'about' && mainWindow) {
    void dialog.showMessageBox(mainWindow, { type: 'info', title: t('menu.about'), message: `${t('app.name')} ${packageVersion(root)}`, detail: t('menu.aboutDetail') });
  }
}

/** Menu, window title and dialogs in the settings' language (called again when it changes). */
function applyLanguage(language: string): void {
  const t = createI18n(isLanguage(language) ? language : 'zh-CN').t as T;
  mainWindow?.setTitle(t('app.name'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((key) => t(key), (command) => runMenuCommand(command, t))));
}

function createWindow(language: string): void {
  const t = createI18n(isLanguage(language) ? language : 'zh-CN').t as T;
  mainWindow = new BrowserWindow(windowOptions(path.join(root, 'dist', 'electron', 'preload.cjs'), t('app.name')));
  applyLanguage(language);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.once('did-finish-load', () => {
    if (pendingOpenPath) sendToRenderer('file:open', pendingOpenPath);
    pendingOpenPath = null;
  });
  void mainWindow.loadFile(rendererIndex);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = draftPathFromArgv(argv);
    if (file) sendToRenderer('file:open', path.resolve(workingDirectory, file));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl));
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    const templatesDir = app.isPackaged ? path.join(process.resourcesPath, 'templates') : path.join(root, 'templates');
    const dataDir = app.getPath('userData');
    // Electron's single-instance lock covers this install in this session only; the data folder's
    // own lock also stops a preview server, another user session or another install on the same folder.
    const lockLanguage = () => lockMessageLanguage(dataDir, languageForLocale(app.getLocale()));
    let lock: DataFolderLock;
    try {
      lock = acquireDataFolderLock(dataDir, 'desktop', { onCompromised: () => dialog.showErrorBox(createI18n(lockLanguage()).t('dataLock.title'), describeLockCompromised(dataDir, lockLanguage())) });
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      // the other instance keeps working; this one writes nothing, says who has the folder, and quits
      const language = lockLanguage();
      const said = describeDataFolderInUse(error, language);
      await dialog.showMessageBox({ type: 'error', title: said.title, message: said.message, detail: said.detail, buttons: [createI18n(language).t('dataLock.quit')] });
      app.quit();
      return;
    }
    if (!lock.held) console.error(describeUnlocked(lock, lockLanguage()));
    const wired = wireServices({
      dataDir,
      templatesDir,
      shell: 'electron',
      version: packageVersion(root),
      systemLocale: app.getLocale(),
      startupNotices: lock.held ? [] : [unlockedNotice(lock)],
      onSettingsChanged: (settings) => applyLanguage(settings.language),
      // Same options as the preview's conf store: one settings file format everywhere. electron-store
      // overwrites conf's configName with its own `name` (default 'config'): without it the app wrote config.json.
      openSettingsStore: () => makeStoreDurable(new ElectronStore<Record<string, unknown>>({ ...settingsStoreOptions(dataDir), name: 'settings' })),
      chooseExportPath: async (suggestedName, lastDir, format) => {
        if (!mainWindow) return null;
        const result = await dialog.showSaveDialog(mainWindow, {
          defaultPath: path.join(lastDir ?? app.getPath('documents'), suggestedName),
          filters: format === 'docx' ? [{ name: 'Word', extensions: ['docx'] }] : [{ name: 'PDF', extensions: ['pdf'] }],
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      printToPdf: async () => {
        if (!mainWindow) throw new Error('no window');
        // The print view: the page's own @media print rules and @page size from shared/page.
        return mainWindow.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
      },
    });
    registerIpc(wired.handlers, appUrl);
    const saved = wired.handlers['settings:get'] ? await wired.handlers['settings:get'](undefined) : null;
    createWindow(saved && saved.ok ? saved.value.language : languageForLocale(app.getLocale()));
    app.on('before-quit', () => void wired.close().finally(() => lock.release()));
  });
  app.on('window-all-closed', () => app.quit());
}

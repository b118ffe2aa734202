/**
 * An Electron stand-in for tests — never shipped. scripts/test-desktop.mjs substitutes it
 * for `electron` when it loads the real built dist/electron/main.cjs, so the desktop path
 * runs end to end: main.ts, the real preload.cjs, the IPC sender checks, the renderer from
 * file:// under its own CSP (the <meta> in dist/renderer/index.html), the save dialog and
 * printToPDF.
 *
 *   BrowserWindow        a playwright-core page in Debian's Chromium (headless) on the real file
 *   preload              the real dist/electron/preload.cjs, run in the page before any script
 *                        (an init script); its contextBridge / ipcRenderer are bound to ipcMain
 *                        and webContents.send through page bindings, payloads structured-cloned
 *   event.senderFrame    the real frame the message came from (its live URL); mainFrame likewise
 *   dialog               answers what the test queued (a path, or cancel); records message boxes
 *                        (both showMessageBox forms) and error boxes; app.quit() calls are counted
 *   printToPDF           the page's own print to PDF (Chromium's, as Electron's is)
 *   Menu                 buildFromTemplate records the template; tests click items by label
 *   app                  whenReady, getPath (temp folders), getLocale, single-instance lock,
 *                        'second-instance' with argv
 *
 * Chromium runs with --allow-file-access-from-files: Electron lets a file:// page load its
 * own ES modules, plain Chromium needs the flag for the same.
 *
 * What it cannot prove: the real sandbox and context isolation (the preload here shares the
 * page's world, so a page script could reach what it exposes), Electron's fuses, the
 * session's request filter and permission handlers (recorded, not enforced), native dialogs
 * and menus, accelerators, the packaged app. The release workflow's `_electron` smoke test
 * stays the proof for those.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { EventEmitter } = require('node:events');
const { pathToFileURL } = require('node:url');

const state = {
  root: fs.mkdtempSync(path.join(os.tmpdir(), 'gw-desktop-')),
  locale: process.env.GW_STANDIN_LOCALE || 'zh-CN',
  windows: [],
  menu: null,
  /** Answers for the next save/open dialogs: a path, or null for cancel. */
  saveAnswers: [],
  openAnswers: [],
  saveDialogs: [],
  messageBoxes: [],
  openedPaths: [],
  /** How often app.quit() was called. */
  quits: 0,
  browser: null,
};

const handlers = new Map();
const ipcMain = {
  handle(channel, fn) {
    handlers.set(channel, fn);
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
  on() {},
  once() {},
};

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this._ready = new Promise((r) => setImmediate(r));
  }
  whenReady() {
    return this._ready;
  }
  getPath(name) {
    const dir = path.join(state.root, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
  getLocale() {
    return state.locale;
  }
  getName() {
    return '公文写作台';
  }
  getVersion() {
    return '0.0.0-test';
  }
  getAppPath() {
    return process.cwd();
  }
  requestSingleInstanceLock() {
    return true;
  }
  setAppUserModelId() {}
  quit() {
    state.quits += 1;
    this.emit('before-quit');
  }
}
const app = new App();

async function browser() {
  if (!state.browser) {
    const { chromium } = require('playwright-core');
    state.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'] });
  }
  return state.browser;
}

/** A frame as main.ts sees it: the live URL of the real frame. */
const frames = new WeakMap();
function frameOf(pwFrame) {
  let f = frames.get(pwFrame);
  if (!f) {
    f = {
      get url() {
        return pwFrame.url();
      },
      get name() {
        return pwFrame.name();
      },
    };
    frames.set(pwFrame, f);
  }
  return f;
}

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
  }
  get mainFrame() {
    return frameOf(this.win.page.mainFrame());
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  send(channel, value) {
    const copy = structuredClone(value);
    void this.win.page.evaluate(([c, v]) => window.__gwStandInEmit && window.__gwStandInEmit(c, v), [channel, copy]).catch(() => undefined);
  }
  async printToPDF(options) {
    // Chromium's own print to PDF, with the options main.ts asks for.
    return this.win.page.pdf({
      preferCSSPageSize: !!options.preferCSSPageSize,
      printBackground: !!options.printBackground,
      format: options.pageSize === 'A4' ? 'A4' : undefined,
      margin: { top: '0', bottom: '0', left: '0', right: '0' },
    });
  }
  isDestroyed() {
    return false;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.title = options.title;
    this.webContents = new WebContents(this);
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return state.windows;
  }
  async loadFile(file) {
    const b = await browser();
    const context = await b.newContext({ locale: state.locale, acceptDownloads: false });
    this.page = await context.newPage();
    this.page.on('pageerror', (e) => (state.pageErrors = [...(state.pageErrors || []), String(e)]));
    await this.page.exposeBinding('__gwStandInInvoke', async (source, channel, payload) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event = { sender: this.webContents, senderFrame: frameOf(source.frame), frameId: 0 };
      return structuredClone(await handler(event, structuredClone(payload)));
    });
    const preload = fs.readFileSync(this.options.webPreferences.preload, 'utf8');
    // The real preload, before any page script; `require('electron')` answers the bridge.
    await this.page.addInitScript(`(() => {
      if (window.top !== window) return; // Electron runs the preload in the main frame only
      const listeners = new Map();
      window.__gwStandInEmit = (channel, value) => { for (const l of listeners.get(channel) || []) l({}, value); };
      const electron = {
        contextBridge: { exposeInMainWorld: (key, api) => { Object.defineProperty(window, key, { value: api, enumerable: false, configurable: false, writable: false }); } },
        ipcRenderer: {
          invoke: (channel, payload) => window.__gwStandInInvoke(channel, payload),
          on: (channel, l) => { listeners.set(channel, [...(listeners.get(channel) || []), l]); },
          removeListener: (channel, l) => { listeners.set(channel, (listeners.get(channel) || []).filter((x) => x !== l)); },
        },
      };
      const module = { exports: {} };
      const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); };
      (function (exports, require, module) {\n${preload}\n})(module.exports, require, module);
    })();`);
    this.url = pathToFileURL(file).toString();
    await this.page.goto(this.url);
    this.webContents.emit('did-finish-load');
    this.emit('ready-to-show');
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  setTitle(title) {
    this.title = title;
  }
  getTitle() {
    return this.title;
  }
}

const dialog = {
  async showSaveDialog(_win, options) {
    state.saveDialogs.push(options);
    const answer = state.saveAnswers.length ? state.saveAnswers.shift() : null;
    return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: undefined };
  },
  async showOpenDialog(_win, options) {
    state.saveDialogs.push(options);
    const answer = state.openAnswers.length ? state.openAnswers.shift() : null;
    return answer ? { canceled: false, filePaths: [answer] } : { canceled: true, filePaths: [] };
  },
  async showMessageBox(winOrOptions, maybeOptions) {
    // Electron's two forms: (window, options) and (options)
    state.messageBoxes.push(maybeOptions ?? winOrOptions);
    return { response: 0 };
  },
  showErrorBox(title, content) {
    state.messageBoxes.push({ title, message: content });
  },
};

const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    state.menu = menu;
  },
};

const noop = () => {};
const session = {
  defaultSession: {
    setPermissionRequestHandler: noop,
    setPermissionCheckHandler: noop,
    setDevicePermissionHandler: noop,
    webRequest: { onBeforeRequest: noop, onHeadersReceived: noop },
  },
};

const shell = {
  async openPath(p) {
    state.openedPaths.push(p);
    return '';
  },
  openExternal: async () => undefined,
};

/** For the test: click a menu item by its label (as shown). */
function clickMenu(label) {
  const walk = (items) => {
    for (const item of items) {
      if (item.label === label && item.click) return item;
      if (Array.isArray(item.submenu)) {
        const hit = walk(item.submenu);
        if (hit) return hit;
      }
    }
    return null;
  };
  const item = state.menu && walk(state.menu.template);
  if (!item) throw new Error(`no menu item ${label}`);
  item.click(item, state.windows[0], {});
}

async function close() {
  if (state.browser) await state.browser.close();
}

module.exports = { app, ipcMain, BrowserWindow, dialog, Menu, session, shell, standIn: { state, clickMenu, close, handlers } };

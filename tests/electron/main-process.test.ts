import { describe, expect, it, vi } from 'vitest';

const { handle } = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain: { handle } }));

import { windowOptions } from '../../electron/main/window-options';
import { guardWebContents, hardenSession, isAppUrl } from '../../electron/main/security';
import { menuTemplate } from '../../electron/main/menu';
import { registerIpc } from '../../electron/main/ipc';
import { draftPathFromArgv } from '../../electron/main/argv';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { createI18n } from '../../shared/i18n';
import type { MenuItemConstructorOptions } from 'electron';

const APP_URL = 'file:///opt/gongwen/resources/app.asar/dist/renderer/index.html';

describe('window options', () => {
  it('keep every security default on', () => {
    const prefs = windowOptions('/x/preload.cjs', '公文写作台').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false, nodeIntegrationInSubFrames: false });
    expect(prefs.preload).toBe('/x/preload.cjs');
  });
});

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: unknown) => { action: string }) | undefined;
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    setWindowOpenHandler: vi.fn((h: (details: unknown) => { action: string }) => (openHandler = h)),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener)),
  };
}

describe('web contents guards', () => {
  it('deny new windows and navigation away from the app', () => {
    const contents = fakeContents();
    guardWebContents(contents as never, () => APP_URL);
    expect(contents.open('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.open(APP_URL)).toEqual({ action: 'deny' });
    const navigate = contents.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.com/phish');
    expect(away.preventDefault).toHaveBeenCalled();
    const fileAway = { preventDefault: vi.fn() };
    navigate(fileAway, 'file:///etc/passwd');
    expect(fileAway.preventDefault).toHaveBeenCalled();
    const reload = { preventDefault: vi.fn() };
    navigate(reload, `${APP_URL}#top`);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('deny every permission and every network request', () => {
    let request: ((p: unknown, perm: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let beforeRequest: ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: (h: typeof beforeRequest) => (beforeRequest = h) },
    };
    hardenSession(session as never);
    const granted = vi.fn();
    request!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:5178/')).toBe(true);
    expect(decide(`${APP_URL}`)).toBe(false);
  });

  it('recognise only the app page as the app', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });
});

describe('the application menu', () => {
  const t = createI18n('zh-CN').t;
  const sent: string[] = [];
  const menu = menuTemplate((k) => t(k), (c) => sent.push(c));
  const items = (menu as MenuItemConstructorOptions[]).flatMap((m) => (m.submenu as MenuItemConstructorOptions[]).map((i) => ({ ...i, parent: m.label })));

  it('is in Chinese: 文件 / 编辑 / 视图 / 帮助', () => {
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('has the usual shortcuts', () => {
    const byAccel = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.accelerator, i.label]));
    expect(byAccel['CmdOrCtrl+N']).toBe('新建报告');
    expect(byAccel['CmdOrCtrl+S']).toBe('保存');
    expect(byAccel['CmdOrCtrl+P']).toBe('打印');
    expect(byAccel['CmdOrCtrl+Z']).toBe('撤销');
    expect(byAccel['CmdOrCtrl+Y']).toBe('重做');
    expect(byAccel['CmdOrCtrl+F']).toBe('查找和替换');
  });

  it('leaves the page its own find and zoom keys: those accelerators are shown, not registered', () => {
    for (const label of ['查找和替换', '放大', '缩小', '实际大小']) {
      const item = items.find((i) => i.label === label);
      expect(item, label).toBeTruthy();
      expect(item!.registerAccelerator, label).toBe(false);
    }
    expect(items.find((i) => i.label === '保存')!.registerAccelerator).toBeUndefined();
  });

  it('every command item sends its own command', () => {
    const commands = items.filter((i) => i.click).map((i) => {
      const before = sent.length;
      i.click!(undefined as never, undefined, undefined as never);
      return sent.slice(before).join(',');
    });
    expect(new Set(commands).size).toBe(commands.length);
    expect(commands.sort()).toEqual(['about', 'export-word', 'find', 'new-report', 'open', 'print', 'save', 'user-guide', 'zoom-in', 'zoom-out', 'zoom-reset'].sort());
    sent.length = 0;
  });

  it('sends commands to the renderer', () => {
    items.find((i) => i.label === '新建报告')!.click!(undefined as never, undefined, undefined as never);
    expect(sent).toEqual(['new-report']);
  });
});

describe('IPC registration', () => {
  it('registers exactly the contract channels and checks the sender and payload', async () => {
    handle.mockClear();
    registerIpc({}, () => APP_URL);
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual([...CHANNEL_NAMES].sort());
    const getHandler = handle.mock.calls.find((c) => c[0] === 'drafts:get')![1] as (e: unknown, p: unknown) => Promise<unknown>;
    const mainFrame = { url: APP_URL };
    const fromApp = { senderFrame: mainFrame, sender: { mainFrame } };
    expect(await getHandler(fromApp, { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const subFrame = { url: APP_URL };
    expect(await getHandler({ senderFrame: subFrame, sender: { mainFrame } }, { id: 'abcdef' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const foreign = { url: 'https://evil.example/' };
    expect(await getHandler({ senderFrame: foreign, sender: { mainFrame: foreign } }, { id: 'abcdef' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('files opened from the OS', () => {
  it('finds the .gwdraft path in argv', () => {
    expect(draftPathFromArgv(['C:\\Program Files\\公文写作台\\公文写作台.exe', 'D:\\报告\\2024年度报告.gwdraft'])).toBe('D:\\报告\\2024年度报告.gwdraft');
    expect(draftPathFromArgv(['app.exe', '--allow-file-access-from-files', 'E:\\U盘\\a.GWDRAFT'])).toBe('E:\\U盘\\a.GWDRAFT');
    expect(draftPathFromArgv(['app.exe'])).toBeNull();
    expect(draftPathFromArgv(['app.exe', 'notes.txt', '--x=y.gwdraft'])).toBeNull();
  });
});

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/channel-names';

type Translate = (key: string) => string;

/** Commands whose keys the page itself handles (find, zoom). */
export const PAGE_KEYS: ReadonlySet<MenuCommand> = new Set(['find', 'zoom-in', 'zoom-out', 'zoom-reset']);
/** Commands the main process carries out itself (native dialogs, the guide). */
export const MAIN_COMMANDS: ReadonlySet<MenuCommand> = new Set(['open', 'user-guide', 'about']);

/**
 * The Chinese application menu (文件 / 编辑 / 视图 / 帮助). Pure, so it is tested without
 * Electron: commands go to the renderer, which owns the document.
 */
export function menuTemplate(t: Translate, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    ...(accelerator ? { accelerator } : {}),
    // The page handles its own Ctrl+F and zoom keys; the menu only shows them, so it never swallows them.
    ...(accelerator && PAGE_KEYS.has(command) ? { registerAccelerator: false } : {}),
    click: () => send(command),
  });
  return [
    {
      label: t('menu.file'),
      submenu: [
        item('menu.newReport', 'new-report', 'CmdOrCtrl+N'),
        item('menu.open', 'open', 'CmdOrCtrl+O'),
        item('menu.save', 'save', 'CmdOrCtrl+S'),
        { type: 'separator' },
        item('menu.exportWord', 'export-word', 'CmdOrCtrl+E'),
        item('menu.print', 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: t('menu.redo'), role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: t('menu.copy'), role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: t('menu.paste'), role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: t('menu.selectAll'), role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        item('menu.find', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        item('menu.zoomIn', 'zoom-in', 'CmdOrCtrl+='),
        item('menu.zoomOut', 'zoom-out', 'CmdOrCtrl+-'),
        item('menu.resetZoom', 'zoom-reset', 'CmdOrCtrl+0'),
        { type: 'separator' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [item('menu.userGuide', 'user-guide', 'F1'), item('menu.about', 'about')],
    },
  ];
}

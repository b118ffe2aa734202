/**
 * Channel names alone (no zod), so the sandboxed preload can expose exactly these and
 * nothing else without bundling the schemas. contract.ts checks it covers every channel.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:notices',
  'templates:list',
  'templates:get',
  'templates:instantiate',
  'drafts:list',
  'drafts:create',
  'drafts:get',
  'drafts:save',
  'drafts:journal',
  'drafts:duplicate',
  'drafts:delete',
  'drafts:restoreFromTrash',
  'drafts:revisions',
  'drafts:restoreRevision',
  'drafts:rollover',
  'drafts:approve',
  'drafts:exportFile',
  'drafts:importFile',
  'drafts:openPath',
  'settings:get',
  'settings:update',
  'import:file',
  'export:run',
  'checks:rules',
  'fonts:status',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Events the Node side sends to the renderer (menu commands, files opened from the OS). */
export const EVENT_NAMES = ['menu:command', 'file:open'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const MENU_COMMANDS = ['new-report', 'open', 'save', 'export-word', 'print', 'find', 'zoom-in', 'zoom-out', 'zoom-reset', 'user-guide', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

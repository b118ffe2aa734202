/**
 * Settings: language, office profiles, the last export folder, suggested 文号 numbers.
 *
 * Kept in `<dataDir>/settings.json` through a small store interface that `conf` (Node:
 * tests, the preview, the CLI) and `electron-store` (the Electron main process) both satisfy —
 * electron-store imports 'electron', so this file never loads it; main passes one in.
 * A damaged settings file is never overwritten: it is moved aside, the app starts with
 * defaults and says so once (takeNotices).
 */
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { fail, type Notice, type Result, type Settings } from '../../shared/ipc/contract';
import { languageSchema, officeProfileSchema, settingsPatchSchema } from '../../shared/ipc/schemas';
import { languageForLocale } from '../../shared/i18n';
import { compactTime, errorMessage, writeErrorKey } from './disk';
import { writeFileDurableSync } from './durable-write';

/** The part of conf / electron-store used here (both read and rewrite the whole file on every set). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly store: Record<string, unknown>;
}

export type { Notice };

/** Options for conf and electron-store alike, so both read and write the same file. */
export function settingsStoreOptions(dataDir: string) {
  return { cwd: dataDir, configName: 'settings', clearInvalidConfig: false } as const;
}

/** What conf (and electron-store, its subclass) writes with: `_write(value)` → atomically.writeFileSync. */
interface ConfInternals {
  readonly path: string;
  _serialize(value: unknown): string;
  _write(value: unknown): void;
}

/**
 * Make a conf / electron-store instance write durably. conf's own `_write` calls
 * `atomically.writeFileSync`, which ignores how many bytes `write(2)` wrote: on a nearly full
 * disk it renames a truncated settings.json over the good one (profiles and 文号 counters lost).
 * `_write` is conf's one write path (used by `set`, `delete`, `clear`, `store =`), so replacing
 * it on the instance sends every write through writeFileDurableSync; a failure throws out of
 * `set` and leaves the file as it was.
 */
export function makeStoreDurable<T extends object>(store: T): T {
  const internals = store as unknown as ConfInternals;
  if (typeof internals._write !== 'function' || typeof internals._serialize !== 'function' || typeof internals.path !== 'string') {
    throw new TypeError('makeStoreDurable: not a conf / electron-store instance');
  }
  internals._write = function durableWrite(this: ConfInternals, value: unknown): void {
    writeFileDurableSync(this.path, this._serialize(value), { mode: 0o666 });
  };
  return store;
}

export function createConfStore(dataDir: string): SettingsStore {
  return makeStoreDurable(new Conf<Record<string, unknown>>({ ...settingsStoreOptions(dataDir), projectName: 'gongwendesk' }));
}

export interface SettingsServiceOptions {
  dataDir: string;
  now?: () => Date;
  /** The OS locale (desktop: app.getLocale()): the language until the user chooses one. */
  systemLocale?: string;
  /** Opens the store; called again after a damaged file was moved aside. Default: conf. */
  openStore?: () => SettingsStore;
}

export interface SettingsService {
  get(): Settings;
  update(patch: unknown): Result<Settings>;
  /** The 文号 number to suggest for an agency code (代字) and year; the user may type another. */
  suggestDocNumber(agencyCode: string, year: number): number;
  /** Remember that `n` was used, so the next suggestion is n + 1 (never lowers the suggestion). */
  recordDocNumber(agencyCode: string, year: number, n: number): Result<{ next: number }>;
  /** Notices for the user (damaged file moved aside, values reset); each is returned once. */
  takeNotices(): Notice[];
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  activeProfileId: null,
  profiles: [],
  lastExportDir: null,
  nextDocNumbers: {},
};

class MemoryStore implements SettingsStore {
  private data: Record<string, unknown> = {};
  get(key: string): unknown {
    return this.data[key];
  }
  set(key: string, value: unknown): void {
    this.data[key] = value;
  }
  get store(): Record<string, unknown> {
    return { ...this.data };
  }
}

const docNumberKey = (agencyCode: string, year: number) => `${agencyCode.trim()}|${year}`;

/** Field by field: one bad value resets that value, not the whole file. */
function sanitize(raw: Record<string, unknown>, defaultLanguage: Settings['language']): { settings: Settings; bad: string[] } {
  const bad: string[] = [];
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), language: defaultLanguage };
  if (raw.language !== undefined) {
    const r = languageSchema.safeParse(raw.language);
    if (r.success) settings.language = r.data;
    else bad.push('language');
  }
  if (raw.activeProfileId !== undefined) {
    if (raw.activeProfileId === null || (typeof raw.activeProfileId === 'string' && raw.activeProfileId.length <= 64)) settings.activeProfileId = raw.activeProfileId;
    else bad.push('activeProfileId');
  }
  if (raw.profiles !== undefined) {
    if (Array.isArray(raw.profiles)) {
      for (const p of raw.profiles.slice(0, 50)) {
        const r = officeProfileSchema.safeParse(p);
        if (r.success) settings.profiles.push(r.data);
        else if (!bad.includes('profiles')) bad.push('profiles');
      }
    } else bad.push('profiles');
  }
  if (raw.lastExportDir !== undefined) {
    if (raw.lastExportDir === null || (typeof raw.lastExportDir === 'string' && raw.lastExportDir.length <= 1_000)) settings.lastExportDir = raw.lastExportDir;
    else bad.push('lastExportDir');
  }
  if (raw.nextDocNumbers !== undefined) {
    if (typeof raw.nextDocNumbers === 'object' && raw.nextDocNumbers !== null && !Array.isArray(raw.nextDocNumbers)) {
      for (const [k, v] of Object.entries(raw.nextDocNumbers as Record<string, unknown>)) {
        if (k.length <= 64 && typeof v === 'number' && Number.isInteger(v) && v >= 1 && v < 1_000_000) settings.nextDocNumbers[k] = v;
        else if (!bad.includes('nextDocNumbers')) bad.push('nextDocNumbers');
      }
    } else bad.push('nextDocNumbers');
  }
  return { settings, bad };
}

export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const now = options.now ?? (() => new Date());
  const openStore = options.openStore ?? (() => createConfStore(options.dataDir));
  const file = path.join(options.dataDir, 'settings.json');
  const notices: Notice[] = [];

  function open(): { store: SettingsStore; raw: Record<string, unknown> } {
    try {
      const store = openStore();
      return { store, raw: store.store };
    } catch (firstError) {
      // conf/electron-store throw on a damaged file when clearInvalidConfig is false: keep the bytes
      if (existsSync(file)) {
        const aside = path.join(options.dataDir, `settings.corrupt-${compactTime(now())}.json`);
        try {
          renameSync(file, aside);
          notices.push({ messageKey: 'errors.settingsCorrupt', values: { file: path.basename(aside) } });
          const store = openStore();
          return { store, raw: store.store };
        } catch {
          // fall through: run on defaults in memory rather than not start
        }
      }
      notices.push({ messageKey: 'errors.settingsUnavailable', values: { reason: errorMessage(firstError) } });
      return { store: new MemoryStore(), raw: {} };
    }
  }

  const { store, raw } = open();
  const loaded = sanitize(raw, options.systemLocale === undefined ? DEFAULT_SETTINGS.language : languageForLocale(options.systemLocale));
  let current = loaded.settings;
  if (loaded.bad.length) notices.push({ messageKey: 'errors.settingsInvalid', values: { fields: loaded.bad.join(', ') } });

  function write(changes: Partial<Settings>): Result<Settings> {
    try {
      for (const [key, value] of Object.entries(changes)) store.set(key, value);
    } catch (error) {
      return fail('write-failed', writeErrorKey(error), { reason: errorMessage(error) });
    }
    current = { ...current, ...structuredClone(changes) };
    return { ok: true, value: structuredClone(current) };
  }

  return {
    get: () => structuredClone(current),

    update(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return fail('invalid-payload', 'errors.invalidPayload', { channel: 'settings:update', path: first ? first.path.join('.') : '', reason: first ? first.message : '' });
      }
      const changes: Partial<Settings> = {};
      for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) (changes as Record<string, unknown>)[k] = v;
      return write(changes);
    },

    suggestDocNumber(agencyCode, year) {
      return current.nextDocNumbers[docNumberKey(agencyCode, year)] ?? 1;
    },

    recordDocNumber(agencyCode, year, n) {
      if (!Number.isInteger(n) || n < 1 || n >= 1_000_000 || !Number.isInteger(year)) {
        return fail('invalid-payload', 'errors.invalidPayload', { channel: 'settings:recordDocNumber', path: 'n', reason: String(n) });
      }
      const key = docNumberKey(agencyCode, year);
      const next = Math.max(current.nextDocNumbers[key] ?? 1, n + 1);
      const r = write({ nextDocNumbers: { ...current.nextDocNumbers, [key]: next } });
      return r.ok ? { ok: true, value: { next } } : r;
    },

    takeNotices() {
      return notices.splice(0);
    },
  };
}

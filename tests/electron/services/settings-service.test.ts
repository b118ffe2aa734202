import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Conf from 'conf';
import { DEFAULT_SETTINGS, createSettingsService, settingsStoreOptions, type SettingsStore } from '../../../electron/services/settings-service';
import { tempDir } from './helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dir() {
  const t = tempDir('gw-settings-');
  cleanups.push(t.cleanup);
  return t.dir;
}
const now = () => new Date('2024-01-10T08:00:00.000Z');

const profile = {
  id: 'jinlanshan',
  name: '金兰山街道',
  issuerLines: ['中共新县金兰山街道工作委员会文件'],
  agencyCode: '金文',
  recipient: '县委、县政府',
  signers: ['张健平', '余志强'],
  signingOrgans: ['中共新县金兰山街道工作委员会'],
  printOrgan: '金兰山街道党政办',
};

describe('settings service', () => {
  it('starts in the OS language until the user picks one, then keeps the choice', () => {
    const d = dir();
    expect(createSettingsService({ dataDir: d, now, systemLocale: 'en-GB' }).get().language).toBe('en-US');
    expect(createSettingsService({ dataDir: d, now, systemLocale: 'zh-TW' }).get().language).toBe('zh-CN');
    // nothing was written for a default: the OS language is followed, not frozen
    expect(existsSync(path.join(d, 'settings.json')) && JSON.parse(readFileSync(path.join(d, 'settings.json'), 'utf8')).language).toBeFalsy();
    const s = createSettingsService({ dataDir: d, now, systemLocale: 'en-US' });
    expect(s.update({ language: 'zh-CN' }).ok).toBe(true);
    expect(createSettingsService({ dataDir: d, now, systemLocale: 'en-US' }).get().language).toBe('zh-CN');
  });

  it('starts with defaults and persists updates in settings.json through conf', () => {
    const d = dir();
    const s = createSettingsService({ dataDir: d, now });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeNotices()).toEqual([]);
    const r = s.update({ language: 'en-US', profiles: [profile], activeProfileId: 'jinlanshan' });
    expect(r.ok).toBe(true);
    expect(JSON.parse(readFileSync(path.join(d, 'settings.json'), 'utf8'))).toMatchObject({ language: 'en-US', activeProfileId: 'jinlanshan' });
    const again = createSettingsService({ dataDir: d, now });
    expect(again.get()).toMatchObject({ language: 'en-US', profiles: [profile], activeProfileId: 'jinlanshan', lastExportDir: null });
  });

  it('rejects invalid patches without writing', () => {
    const d = dir();
    const s = createSettingsService({ dataDir: d, now });
    for (const patch of [{ language: 'fr' }, { nextDocNumbers: { a: 1 } }, { profiles: [{ ...profile, id: '../x' }] }, 'nope', null]) {
      const r = s.update(patch);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-payload', messageKey: 'errors.invalidPayload' });
    }
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('moves a damaged settings file aside, never deletes it, starts fresh and says so once', () => {
    const d = dir();
    const bytes = '{"language":"en-US","profiles":[{"id":';
    writeFileSync(path.join(d, 'settings.json'), bytes);
    const s = createSettingsService({ dataDir: d, now });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    const notices = s.takeNotices();
    expect(notices).toEqual([{ messageKey: 'errors.settingsCorrupt', values: { file: 'settings.corrupt-20240110T080000000Z.json' } }]);
    expect(s.takeNotices()).toEqual([]);
    expect(readFileSync(path.join(d, 'settings.corrupt-20240110T080000000Z.json'), 'utf8')).toBe(bytes);
    // and the fresh store works
    expect(s.update({ language: 'en-US' }).ok).toBe(true);
    expect(createSettingsService({ dataDir: d, now }).get().language).toBe('en-US');
  });

  it('resets only the invalid fields of a readable file', () => {
    const d = dir();
    writeFileSync(path.join(d, 'settings.json'), JSON.stringify({ language: 'klingon', profiles: [profile, { id: 3 }], nextDocNumbers: { '金文|2024': 6, bad: -1 } }));
    const s = createSettingsService({ dataDir: d, now });
    expect(s.get()).toMatchObject({ language: 'zh-CN', profiles: [profile], nextDocNumbers: { '金文|2024': 6 } });
    expect(s.takeNotices()).toEqual([{ messageKey: 'errors.settingsInvalid', values: { fields: 'language, profiles, nextDocNumbers' } }]);
    expect(readdirSync(d).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('suggests 文号 numbers per agency code and year, never forcing or lowering them', () => {
    const d = dir();
    const s = createSettingsService({ dataDir: d, now });
    expect(s.suggestDocNumber('金文', 2024)).toBe(1);
    expect(s.recordDocNumber('金文', 2024, 5)).toEqual({ ok: true, value: { next: 6 } });
    expect(s.suggestDocNumber('金文', 2024)).toBe(6);
    expect(s.suggestDocNumber('金文', 2025)).toBe(1);
    expect(s.suggestDocNumber('寨政', 2024)).toBe(1);
    // the user typed an older number by hand: the suggestion does not go back
    s.recordDocNumber('金文', 2024, 2);
    expect(s.suggestDocNumber('金文', 2024)).toBe(6);
    expect(s.recordDocNumber('金文', 2024, 0).ok).toBe(false);
    expect(createSettingsService({ dataDir: d, now }).get().nextDocNumbers).toEqual({ '金文|2024': 6 });
  });

  it('works with any store that has get/set/store (electron-store in the app) and reports write failures', () => {
    const d = dir();
    let full = false;
    const conf = new Conf<Record<string, unknown>>(settingsStoreOptions(d));
    const store: SettingsStore = {
      get: (k) => conf.get(k),
      set: (k, v) => {
        if (full) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        conf.set(k, v);
      },
      get store() {
        return conf.store;
      },
    };
    const s = createSettingsService({ dataDir: d, now, openStore: () => store });
    expect(s.update({ lastExportDir: 'D:\\报告' }).ok).toBe(true);
    full = true;
    const r = s.update({ lastExportDir: 'E:\\' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'write-failed', messageKey: 'drafts.writeFailed.diskFull' });
    expect(s.get().lastExportDir).toBe('D:\\报告');
    expect(existsSync(path.join(d, 'settings.json'))).toBe(true);
  });

  it('runs on defaults in memory when the store cannot be opened at all', () => {
    const d = dir();
    const s = createSettingsService({
      dataDir: d,
      now,
      openStore: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
    });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeNotices()[0]!.messageKey).toBe('errors.settingsUnavailable');
    expect(s.update({ language: 'en-US' }).ok).toBe(true);
  });
});

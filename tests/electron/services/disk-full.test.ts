/**
 * Probe 1 of issue 15, on a real tiny file system (tmpfs mounted by the test, root only):
 * with a few KB free, every writer must fail loudly, leave the previous file byte for byte,
 * leave no temp file, and tell the user the disk is full. `atomically` (used before) did one
 * write(2), ignored the short count and renamed the truncated temp file over the good one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFileExclusiveSync, writeFileDurable, writeFileDurableSync } from '../../../electron/services/durable-write';
import { acquireDataFolderLock, LOCK_FILE_NAME, unlockedNotice } from '../../../electron/services/data-lock';
import { wireServices } from '../../../electron/services/wire';
import { dispatch } from '../../../electron/services/api';
import { createSettingsService } from '../../../electron/services/settings-service';
import { createDraftService } from '../../../electron/services/drafts-service';
import { errorMessage } from '../../../electron/services/disk';
import { runCli, type CliIo } from '../../../electron/cli';
import { createI18n } from '../../../shared/i18n';
import { FIXTURES, makeDocument } from './helpers';
import { mountTinyFs, tinyFsUnavailable, type TinyFs } from './tiny-fs';

const REPO = path.resolve(__dirname, '../../..');
const FREE = 8 * 1024;
const big = (n: number, seed = 'x') => JSON.stringify({ text: seed.repeat(n) });

describe.skipIf(tinyFsUnavailable !== null)(`a nearly full disk (tmpfs, ${FREE / 1024} KB free)${tinyFsUnavailable ? ` — skipped: ${tinyFsUnavailable}` : ''}`, () => {
  let disk: TinyFs;
  beforeAll(() => {
    disk = mountTinyFs(1024);
  });
  afterAll(() => disk?.unmount());
  beforeEach(() => {
    disk.makeRoom();
    for (const name of disk.entries()) fs.rmSync(path.join(disk.dir, name), { recursive: true, force: true });
  });

  it('the disk really does short writes (the premise of the test)', () => {
    disk.leaveFree(FREE);
    const fd = fs.openSync(path.join(disk.dir, 'probe'), 'w');
    try {
      expect(fs.writeSync(fd, Buffer.alloc(40_000, 0x61))).toBeLessThan(40_000);
    } finally {
      fs.closeSync(fd);
    }
  });

  for (const [name, write] of [
    ['writeFileDurable', (f: string, d: string) => writeFileDurable(f, d)],
    ['writeFileDurableSync', async (f: string, d: string) => writeFileDurableSync(f, d)],
  ] as const) {
    it(`${name}: ENOSPC, the old file intact, no temp file; writes again once there is room`, async () => {
      const file = path.join(disk.dir, 'draft.json');
      const good = big(20_000, 'a');
      await write(file, good);
      disk.leaveFree(FREE);
      await expect(write(file, big(40_000, 'b'))).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(fs.readFileSync(file, 'utf8')).toBe(good);
      expect(disk.entries()).toEqual(['draft.json']);
      disk.makeRoom();
      await write(file, big(40_000, 'b'));
      expect(fs.readFileSync(file, 'utf8')).toBe(big(40_000, 'b'));
      expect(disk.entries()).toEqual(['draft.json']);
    });
  }

  it('settings:update (conf writes through the durable writer): refused with 磁盘空间已满, settings.json intact', () => {
    const s = createSettingsService({ dataDir: disk.dir });
    const profile = (i: number) => ({ id: `p${i}`, name: `金兰山街道办事处第${i}个单位`.padEnd(200, '办'), issuerLines: ['中共金兰山街道工作委员会文件'], agencyCode: '金文', recipient: '县委、县政府', signers: ['张健平'], signingOrgans: [], printOrgan: '金兰山街道党政办公室' });
    expect(s.update({ profiles: [profile(1)], activeProfileId: 'p1' }).ok).toBe(true);
    expect(s.recordDocNumber('金文', 2025, 7).ok).toBe(true);
    const before = fs.readFileSync(path.join(disk.dir, 'settings.json'), 'utf8');
    disk.leaveFree(FREE);
    const r = s.update({ profiles: Array.from({ length: 50 }, (_, i) => profile(i)) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.messageKey).toBe('drafts.writeFailed.diskFull');
      expect(createI18n('zh-CN').t(r.error.messageKey, r.error.values ?? {})).toContain('磁盘空间已满');
    }
    expect(fs.readFileSync(path.join(disk.dir, 'settings.json'), 'utf8')).toBe(before);
    expect(disk.entries()).toEqual(['settings.json']);
    disk.makeRoom();
    const again = createSettingsService({ dataDir: disk.dir });
    expect(again.get().profiles.map((p) => p.id)).toEqual(['p1']);
    expect(again.suggestDocNumber('金文', 2025)).toBe(8);
    expect(again.takeNotices()).toEqual([]);
  });

  it('drafts:save of a 40 KB draft: refused with 磁盘空间已满, the saved draft and the journal intact, listed; saves once there is room', async () => {
    const long = (title: string, n: number) =>
      makeDocument(title, Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, text: `第${i}段：今年以来，修改各类合同文稿179份，完善合同示范文本11份，提出专业意见200余条。` })));
    const service = createDraftService({ dataDir: disk.dir, writeTimeoutMs: 100 });
    await service.ready();
    const created = await service.create(long('上次保存的', 100));
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const file = path.join(disk.dir, 'drafts', `${id}.gwdraft`);
    const saved = fs.readFileSync(file, 'utf8');
    expect((await service.journal(id, long('打字未保存', 100))).ok).toBe(true);
    const journalFile = path.join(disk.dir, 'drafts', `${id}.journal`);
    const journal = fs.readFileSync(journalFile, 'utf8');

    disk.leaveFree(FREE);
    const big = long('新写的', 400);
    expect(JSON.stringify(big).length).toBeGreaterThan(40_000);
    const r = await service.save(id, big);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.messageKey).toBe('drafts.writeFailed.diskFull');
      expect(createI18n('zh-CN').t(r.error.messageKey, r.error.values ?? {})).toContain('磁盘空间已满');
      expect(String(r.error.values?.reason)).not.toContain('ENOSPC: ENOSPC');
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(saved);
    expect(fs.readFileSync(journalFile, 'utf8')).toBe(journal); // kept: the save that supersedes it did not happen
    expect(disk.entries('drafts').filter((n) => n.includes('.tmp-'))).toEqual([]);
    const list = await service.list();
    expect(list.ok && list.value.drafts.map((d) => d.id)).toEqual([id]);

    disk.makeRoom();
    expect((await service.save(id, big)).ok).toBe(true);
    expect(fs.existsSync(journalFile)).toBe(false);
    const reopened = createDraftService({ dataDir: disk.dir });
    await reopened.ready();
    const got = await reopened.get(id);
    expect(got.ok && got.value.document.header.title).toBe('新写的');
  });

  it('error messages never repeat the code (ENOSPC: ENOSPC:)', () => {
    const e = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(errorMessage(e)).toBe('ENOSPC: no space left on device, write');
    expect(errorMessage(Object.assign(new Error('simulated'), { code: 'EIO' }))).toBe('EIO: simulated');
  });

  it('gongwen export --force over a good .docx: exit ≠ 0, 磁盘空间不足, the old .docx intact, no temp file', async () => {
    const input = path.join(disk.dir, 'report.txt');
    fs.copyFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), input);
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, cwd: disk.dir, env: {}, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
    expect(await runCli(['export', 'report.txt', '--out', 'report.docx', '--force'], io)).toBe(0);
    const good = fs.readFileSync(path.join(disk.dir, 'report.docx'));
    expect(good.length).toBeGreaterThan(3 * 4096);
    disk.leaveFree(4096);
    stdout = '';
    const code = await runCli(['export', 'report.txt', '--out', 'report.docx', '--force', '--public'], io);
    expect(code).not.toBe(0);
    expect(stdout).not.toContain('已导出');
    expect(stderr).toContain('磁盘空间不足');
    expect(stderr).toContain('原有文件未改动');
    expect(stderr).not.toMatch(/ENOSPC: ENOSPC|tmp-|rename/);
    expect(fs.readFileSync(path.join(disk.dir, 'report.docx')).equals(good)).toBe(true);
    expect(disk.entries()).toEqual(['report.docx', 'report.txt']);
  });
  it('createFileExclusiveSync (the lock file): ENOSPC and no partial file left; EEXIST never replaces', () => {
    const file = path.join(disk.dir, 'exclusive');
    disk.leaveFree(FREE);
    expect(() => createFileExclusiveSync(file, big(40_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(disk.entries()).toEqual([]);
    disk.makeRoom();
    createFileExclusiveSync(file, 'first');
    expect(() => createFileExclusiveSync(file, 'second')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
  });

  it('the data folder lock on a full or read-only disk: unheld with the reason, no lock file, said on the page; held again once writable', async () => {
    disk.leaveFree(0);
    const full = acquireDataFolderLock(disk.dir, 'preview');
    expect({ held: full.held, problem: full.problem }).toEqual({ held: false, problem: 'ENOSPC' });
    expect(disk.entries()).toEqual([]);
    disk.makeRoom();
    disk.setReadOnly(true);
    try {
      const readOnly = acquireDataFolderLock(disk.dir, 'preview');
      expect({ held: readOnly.held, problem: readOnly.problem }).toEqual({ held: false, problem: 'EROFS' });
      // The page says so once at start (the desktop app has no console anyone reads).
      const wired = wireServices({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gw-unlocked-')), templatesDir: path.join(REPO, 'templates'), shell: 'electron', version: 't', startupNotices: [unlockedNotice(readOnly)] });
      const first = await dispatch(wired.handlers, 'app:notices', undefined);
      expect(first).toMatchObject({ ok: true, value: [{ messageKey: 'dataLock.unlocked', values: { reason: 'EROFS', dir: disk.dir } }] });
      const said = (first as { value: { messageKey: string; values: Record<string, string> }[] }).value[0]!;
      expect(createI18n('zh-CN').t(said.messageKey, said.values)).toContain('无法锁定数据文件夹（EROFS）');
      expect(await dispatch(wired.handlers, 'app:notices', undefined)).toEqual({ ok: true, value: [] });
      await wired.close();
    } finally {
      disk.setReadOnly(false);
    }
    const lock = acquireDataFolderLock(disk.dir, 'preview');
    expect(lock.held).toBe(true);
    expect(disk.entries()).toEqual([LOCK_FILE_NAME]);
    lock.release();
    expect(disk.entries()).toEqual([]);
  });
});

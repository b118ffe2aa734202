/**
 * A full disk or a read-only folder: the save answers an error that says why, the caller keeps
 * the text, and the previous version on disk is intact. Root ignores file modes and this
 * machine cannot mount a full file system, so the failure is injected into the one write path
 * (durable-write.ts) — after it has written part of the temp file, as a real ENOSPC would.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDocument, tempDir } from './helpers';

const failNext = vi.hoisted(() => ({ code: null as string | null, match: '' }));

vi.mock('../../../electron/services/durable-write', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/services/durable-write')>();
  return {
    ...real,
    writeFileDurable: async (file: string, data: string, options?: object) => {
      if (failNext.code && file.includes(failNext.match)) {
        const tmp = `${file}.tmp-1234567890abcdef`;
        writeFileSync(tmp, String(data).slice(0, 100)); // torn temp file, as a full disk leaves it
        const code = failNext.code;
        const err = Object.assign(new Error(`${code}: simulated`), { code });
        throw err;
      }
      return real.writeFileDurable(file, data, options as never);
    },
  };
});

const { createDraftService } = await import('../../../electron/services/drafts-service');

const cleanups: (() => void)[] = [];
afterEach(() => {
  failNext.code = null;
  for (const c of cleanups.splice(0)) c();
});

describe('drafts service: writes that fail', () => {
  for (const [code, key] of [
    ['ENOSPC', 'drafts.writeFailed.diskFull'],
    ['EROFS', 'drafts.writeFailed.readOnly'],
    ['EACCES', 'drafts.writeFailed.readOnly'],
    ['EBUSY', 'drafts.writeFailed.busy'],
    ['EIO', 'drafts.writeFailed.other'],
  ] as const) {
    it(`${code}: save fails with ${key}, the last saved version stays intact`, async () => {
      const { dir, cleanup } = tempDir();
      cleanups.push(cleanup);
      const service = createDraftService({ dataDir: dir, writeTimeoutMs: 100 });
      const created = await service.create(makeDocument('上次保存的'));
      if (!created.ok) throw new Error('create failed');
      const id = created.value.id;
      const file = path.join(dir, 'drafts', `${id}.gwdraft`);
      const before = readFileSync(file, 'utf8');

      failNext.code = code;
      failNext.match = `${id}.gwdraft`;
      const r = await service.save(id, makeDocument('新写的'));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('write-failed');
        expect(r.error.messageKey).toBe(key);
        expect(String(r.error.values?.reason)).toContain(code);
      }
      expect(readFileSync(file, 'utf8')).toBe(before);

      // the journal failing too is reported the same way
      failNext.match = `${id}.journal`;
      const j = await service.journal(id, makeDocument('新写的'));
      expect(j.ok).toBe(false);

      // when the disk has room again the same call succeeds, and a restart cleans the torn temp
      failNext.code = null;
      expect((await service.save(id, makeDocument('新写的'))).ok).toBe(true);
      const got = await service.get(id);
      expect(got.ok && got.value.document.header.title).toBe('新写的');
      const later = createDraftService({ dataDir: dir, now: () => new Date(Date.now() + 3_600_000) });
      await later.ready();
      expect(readdirSync(path.join(dir, 'drafts')).filter((n) => n.includes('.tmp-'))).toEqual([]);
      expect(existsSync(file)).toBe(true);
    });
  }

  it('a failing index write does not fail the save (the index is only a cache)', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const service = createDraftService({ dataDir: dir, writeTimeoutMs: 100 });
    failNext.code = 'ENOSPC';
    failNext.match = 'index.json';
    const created = await service.create(makeDocument('甲'));
    expect(created.ok).toBe(true);
    await service.flush();
    failNext.code = null;
    const list = await createDraftService({ dataDir: dir }).list();
    expect(list.ok && list.value.drafts.map((d) => d.title)).toEqual(['甲']);
  });
});

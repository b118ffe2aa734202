/**
 * Probe 3 of issue 15 and the per-entry isolation of the drafts store: one entry that cannot
 * be read or moved (read-only folder, a folder named x.gwdraft, a file over the size limit,
 * a read refused by antivirus, a damaged index) costs that entry only. Start-up never leaves
 * the service rejected: before the fix, every drafts call answered errors.internal for the
 * rest of the session, even after the folder was writable again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDraftService, type DraftService, type DraftServiceOptions } from '../../../electron/services/drafts-service';
import { MAX_DRAFT_BYTES } from '../../../electron/services/drafts-file';
import type { Result } from '../../../shared/ipc/contract';
import { makeDocument, tempDir } from './helpers';
import { mountTinyFs, tinyFsUnavailable, type TinyFs } from './tiny-fs';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

const cleanups: (() => void)[] = [];
const opened: DraftService[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.flush();
  for (const c of cleanups.splice(0)) c();
});

function open(dataDir: string, more: Partial<DraftServiceOptions> = {}): DraftService {
  const s = createDraftService({ dataDir, writeTimeoutMs: 200, readRetryMs: 1, ...more });
  opened.push(s);
  return s;
}

function folder(): string {
  const { dir, cleanup } = tempDir('gw-isolation-');
  cleanups.push(cleanup);
  return dir;
}

/** Two good drafts written by an earlier session. */
async function twoGood(dataDir: string): Promise<string[]> {
  const s = open(dataDir);
  const a = unwrap(await s.create(makeDocument('甲街道报告')));
  const b = unwrap(await s.create(makeDocument('乙街道报告')));
  await s.flush();
  return [a.id, b.id];
}

const eacces = (file: string): NodeJS.ErrnoException => Object.assign(new Error(`EBUSY: resource busy or locked, open '${file}'`), { code: 'EBUSY' });

describe('drafts store: one bad entry affects that entry only', () => {
  it('a folder named x.gwdraft: start-up resolves, it is moved into quarantine/, the other drafts open', async () => {
    const dir = folder();
    const ids = await twoGood(dir);
    fs.mkdirSync(path.join(dir, 'drafts', 'folder01.gwdraft'));
    fs.writeFileSync(path.join(dir, 'drafts', 'folder01.gwdraft', 'inside.txt'), '用户的文件');
    const s = open(dir);
    await expect(s.ready()).resolves.toBeUndefined();
    const list = unwrap(await s.list());
    expect(list.drafts.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(list.setAside).toEqual([{ fileName: 'folder01.gwdraft', reasonKey: 'drafts.corrupt.notAFile', where: 'drafts/quarantine/folder01.gwdraft', moved: true }]);
    // moved whole, nothing inside deleted
    expect(fs.readFileSync(path.join(dir, 'drafts', 'quarantine', 'folder01.gwdraft', 'inside.txt'), 'utf8')).toBe('用户的文件');
    for (const id of ids) expect(unwrap(await s.get(id)).document.header.title).toMatch(/街道报告$/);
    // a later start lists it from quarantine/ with the same reason
    expect(unwrap(await open(dir).list()).setAside).toEqual(list.setAside);
  });

  it('a draft over the size limit is set aside with its own message, without being read', async () => {
    const dir = folder();
    const ids = await twoGood(dir);
    const big = path.join(dir, 'drafts', 'bigbig01.gwdraft');
    fs.writeFileSync(big, '{');
    fs.truncateSync(big, MAX_DRAFT_BYTES + 1);
    const reads: string[] = [];
    const s = open(dir, { readFile: (f) => (reads.push(path.basename(f)), fs.promises.readFile(f)) });
    const list = unwrap(await s.list());
    expect(list.drafts).toHaveLength(2);
    expect(list.setAside).toEqual([{ fileName: 'bigbig01.gwdraft', reasonKey: 'drafts.corrupt.tooLarge', where: 'drafts/quarantine/bigbig01.gwdraft', moved: true }]);
    expect(reads).not.toContain('bigbig01.gwdraft');
    expect(fs.statSync(path.join(dir, 'drafts', 'quarantine', 'bigbig01.gwdraft')).size).toBe(MAX_DRAFT_BYTES + 1);
    expect(unwrap(await s.get(ids[0]!)).id).toBe(ids[0]);
  });

  it('a read refused for a moment (antivirus: EBUSY) is retried and the draft opens', async () => {
    const dir = folder();
    const [a] = await twoGood(dir);
    let refusals = 2;
    const s = open(dir, {
      readFile: async (f) => {
        if (path.basename(f) === `${a}.gwdraft` && refusals > 0) {
          refusals--;
          throw eacces(f);
        }
        return fs.promises.readFile(f);
      },
    });
    // the index would let the list skip the read: remove it so the file is read at start
    fs.rmSync(path.join(dir, 'drafts', 'index.json'));
    const list = unwrap(await s.list());
    expect(refusals).toBe(0);
    expect(list.drafts).toHaveLength(2);
    expect(list.setAside).toEqual([]);
  });

  it('a read refused for good is listed in place (not moved, not internal), the rest opens; it opens once readable', async () => {
    const dir = folder();
    const [a, b] = await twoGood(dir);
    fs.rmSync(path.join(dir, 'drafts', 'index.json'));
    let locked = true;
    const s = open(dir, {
      readFile: async (f) => {
        if (locked && path.basename(f) === `${a}.gwdraft`) throw eacces(f);
        return fs.promises.readFile(f);
      },
    });
    const list = unwrap(await s.list());
    expect(list.drafts.map((d) => d.id)).toEqual([b]);
    expect(list.setAside).toEqual([{ fileName: `${a}.gwdraft`, reasonKey: 'drafts.corrupt.unreadable', where: `drafts/${a}.gwdraft`, moved: false }]);
    const got = await s.get(a!);
    expect(got).toMatchObject({ ok: false, error: { code: 'draft-unreadable', messageKey: 'drafts.corrupt.unreadable' } });
    // a save onto the file that could not be read is refused: it may hold newer text
    const saved = await s.save(a!, makeDocument('覆盖'));
    expect(saved).toMatchObject({ ok: false, error: { code: 'draft-unreadable' } });
    expect(unwrap(await s.get(b!)).id).toBe(b);
    locked = false;
    const again = unwrap(await s.list());
    expect(again.drafts.map((d) => d.id).sort()).toEqual([a, b].sort());
    expect(again.setAside).toEqual([]);
    expect(unwrap(await s.get(a!)).document.header.title).toBe('甲街道报告');
  });

  it('a damaged index is moved into quarantine/ and reported; a bad index entry is dropped alone', async () => {
    const dir = folder();
    const [a, b] = await twoGood(dir);
    const indexFile = path.join(dir, 'drafts', 'index.json');
    const index = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { drafts: { id: string; title: unknown }[] };
    // one entry damaged: that draft is read from its file, the other comes from the cache
    const entryA = index.drafts.find((e) => e.id === a)!;
    entryA.title = 42;
    fs.writeFileSync(indexFile, JSON.stringify(index));
    const reads: string[] = [];
    const s1 = open(dir, { readFile: (f) => (reads.push(path.basename(f)), fs.promises.readFile(f)) });
    expect(unwrap(await s1.list()).drafts.map((d) => d.title).sort()).toEqual(['乙街道报告', '甲街道报告']);
    expect(reads).toEqual([`${a}.gwdraft`]);
    await s1.flush();
    // the whole index damaged: kept in quarantine/, listed, and the drafts all there
    fs.writeFileSync(indexFile, '{"version":1,"drafts":[{"id":');
    const list = unwrap(await open(dir).list());
    expect(list.drafts.map((d) => d.id).sort()).toEqual([a, b].sort());
    expect(list.setAside).toEqual([{ fileName: 'index.json', reasonKey: 'drafts.corrupt.index', where: 'drafts/quarantine/index.json', moved: true }]);
    expect(fs.readFileSync(path.join(dir, 'drafts', 'quarantine', 'index.json'), 'utf8')).toBe('{"version":1,"drafts":[{"id":');
  });

  it('whatever the data folder is (a file in its place), start-up resolves and the list says why; it recovers when fixed', async () => {
    const parent = folder();
    const dir = path.join(parent, 'data');
    fs.writeFileSync(dir, 'not a folder');
    const s = open(dir);
    await expect(s.ready()).resolves.toBeUndefined();
    const list = await s.list();
    expect(list).toMatchObject({ ok: false, error: { code: 'drafts-folder-unreadable', messageKey: 'drafts.errors.folderUnreadable' } });
    fs.rmSync(dir);
    fs.mkdirSync(dir);
    expect(unwrap(await s.list()).drafts).toEqual([]);
    const made = unwrap(await s.create(makeDocument('修好以后')));
    expect(unwrap(await s.get(made.id)).document.header.title).toBe('修好以后');
  });
});

describe.skipIf(tinyFsUnavailable !== null)(`probe 3: a damaged draft in a read-only folder (tmpfs remounted ro)${tinyFsUnavailable ? ` — skipped: ${tinyFsUnavailable}` : ''}`, () => {
  let disk: TinyFs;
  beforeAll(() => {
    disk = mountTinyFs(2048);
  });
  afterAll(() => disk?.unmount());

  it('start-up resolves, the damaged draft is listed in place, the others open; once writable it is moved and saves work', async () => {
    const dir = path.join(disk.dir, 'data');
    const [a, b] = await twoGood(dir);
    const torn = path.join(dir, 'drafts', 'torn0001.gwdraft');
    fs.writeFileSync(torn, '{"format":"gongwen-draft","schemaVersion":1,"docu');
    disk.setReadOnly(true);
    let s: DraftService;
    try {
      s = open(dir);
      await expect(s.ready()).resolves.toBeUndefined();
      const list = unwrap(await s.list());
      expect(list.drafts.map((d) => d.id).sort()).toEqual([a, b].sort());
      expect(list.setAside).toEqual([{ fileName: 'torn0001.gwdraft', reasonKey: 'drafts.corrupt.parse', where: 'drafts/torn0001.gwdraft', moved: false }]);
      expect(unwrap(await s.get(a!)).document.header.title).toBe('甲街道报告');
      // a write says why in the user's words, it is no internal error
      const saved = await s.save(a!, makeDocument('只读时'));
      expect(saved).toMatchObject({ ok: false, error: { code: 'write-failed', messageKey: 'drafts.writeFailed.readOnly' } });
      expect(fs.readFileSync(torn, 'utf8')).toContain('"docu');
    } finally {
      disk.setReadOnly(false);
    }
    // writable again: the same service (no restart) moves the file and saves
    const list = unwrap(await s.list());
    expect(list.setAside).toEqual([{ fileName: 'torn0001.gwdraft', reasonKey: 'drafts.corrupt.parse', where: 'drafts/quarantine/torn0001.gwdraft', moved: true }]);
    expect(fs.existsSync(torn)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'drafts', 'quarantine', 'torn0001.gwdraft'), 'utf8')).toContain('"docu');
    unwrap(await s.save(a!, makeDocument('可写以后')));
    expect(unwrap(await s.get(a!)).document.header.title).toBe('可写以后');
    const made = unwrap(await s.create(makeDocument('新的')));
    expect(unwrap(await s.list()).drafts.map((d) => d.id)).toContain(made.id);
  });
});

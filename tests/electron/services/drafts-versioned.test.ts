/**
 * Versioned saves (issue 15, probe 5): a save names the revision it was based on; one based on
 * an older revision than the file's (another window or process saved in between), or of a
 * draft deleted elsewhere, keeps both texts — the newer save stands, this text becomes a
 * conflict copy — and never overwrites. Two services on one real folder stand for two
 * instances (the data-folder lock is tested in data-lock.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraftService, type DraftService } from '../../../electron/services/drafts-service';
import type { Result } from '../../../shared/ipc/contract';
import { makeDocument, tempDir } from './helpers';

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

function setup() {
  const { dir, cleanup } = tempDir('gw-versioned-');
  cleanups.push(cleanup);
  let t = Date.parse('2024-01-10T08:00:00.000Z');
  const now = () => new Date((t += 7));
  const open = () => {
    const s = createDraftService({ dataDir: dir, now, writeTimeoutMs: 200 });
    opened.push(s);
    return s;
  };
  return { dir, open };
}

const titleOf = async (s: DraftService, id: string) => unwrap(await s.get(id)).document.header.title;

describe('versioned saves', () => {
  it('every save answers the next revision; get and create carry it', async () => {
    const { open } = setup();
    const s = open();
    const rec = unwrap(await s.create(makeDocument('一')));
    expect(rec.revision).toBe(1);
    expect(unwrap(await s.save(rec.id, makeDocument('二'), 1))).toMatchObject({ revision: 2 });
    expect(unwrap(await s.save(rec.id, makeDocument('三'), 2))).toMatchObject({ revision: 3 });
    expect(unwrap(await s.get(rec.id)).revision).toBe(3);
    // a save without a base (older clients) still lands, as before, and moves the revision on
    expect(unwrap(await s.save(rec.id, makeDocument('四')))).toMatchObject({ revision: 4 });
    expect(unwrap(await open().get(rec.id)).revision).toBe(4);
  });

  it('probe 5: B saves an older text after A saved a newer one — A’s save stays, B’s text becomes a conflict copy', async () => {
    const { dir, open } = setup();
    const a = open();
    const rec = unwrap(await a.create(makeDocument('初稿')));
    await a.flush();
    const b = open();
    const inB = unwrap(await b.get(rec.id));
    expect(inB.revision).toBe(1);
    // A saves its newer text
    expect(unwrap(await a.save(rec.id, makeDocument('A的新稿'), 1)).revision).toBe(2);
    await a.flush();
    // B, still based on revision 1, saves: not written over A's save
    const saved = unwrap(await b.save(rec.id, makeDocument('B的旧稿'), inB.revision));
    expect(saved.conflict).toMatchObject({ reason: 'newer' });
    const copyId = saved.conflict!.id;
    expect(copyId).not.toBe(rec.id);
    expect(await titleOf(a, rec.id)).toBe('A的新稿');
    expect(await titleOf(b, rec.id)).toBe('A的新稿');
    expect(await titleOf(a, copyId)).toBe('B的旧稿');
    // B goes on in the copy, based on the copy's revision: no second copy
    expect(unwrap(await b.save(copyId, makeDocument('B接着写'), saved.conflict!.revision)).conflict).toBeUndefined();
    const list = unwrap(await open().list());
    expect(list.drafts.map((d) => [d.title, d.conflictOf ?? null]).sort()).toEqual([
      ['A的新稿', null],
      ['B接着写', rec.id],
    ]);
    // both texts are real files
    expect(fs.readdirSync(path.join(dir, 'drafts')).filter((n) => n.endsWith('.gwdraft')).sort()).toEqual([`${copyId}.gwdraft`, `${rec.id}.gwdraft`].sort());
  });

  it('probe 5: a draft deleted in A and saved in B ends up in the trash only; B’s text is a copy', async () => {
    const { dir, open } = setup();
    const a = open();
    const rec = unwrap(await a.create(makeDocument('要删的')));
    await a.flush();
    const b = open();
    const inB = unwrap(await b.get(rec.id));
    unwrap(await a.delete(rec.id));
    await a.flush();
    const saved = unwrap(await b.save(rec.id, makeDocument('B还在写'), inB.revision));
    expect(saved.conflict).toMatchObject({ reason: 'deleted' });
    expect(fs.existsSync(path.join(dir, 'drafts', `${rec.id}.gwdraft`))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'trash', `${rec.id}.gwdraft`))).toBe(true);
    const list = unwrap(await open().list());
    expect(list.drafts.map((d) => d.title)).toEqual(['B还在写']);
    expect(list.trash.map((d) => d.id)).toEqual([rec.id]);
  });

  it('two windows of one instance: saves of the same draft are checked in order, the stale one becomes a copy', async () => {
    const { open } = setup();
    const s = open();
    const rec = unwrap(await s.create(makeDocument('底稿')));
    const [first, second] = await Promise.all([s.save(rec.id, makeDocument('窗口一'), 1), s.save(rec.id, makeDocument('窗口二'), 1)]);
    expect(unwrap(first).conflict).toBeUndefined();
    expect(unwrap(second).conflict).toMatchObject({ reason: 'newer' });
    expect(await titleOf(s, rec.id)).toBe('窗口一');
    expect(await titleOf(s, unwrap(second).conflict!.id)).toBe('窗口二');
  });

  it('a draft of an earlier version (no revision in the file) reads as revision 0 and saves from there', async () => {
    const { dir, open } = setup();
    fs.mkdirSync(path.join(dir, 'drafts'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'drafts', 'legacy01.gwdraft'),
      JSON.stringify({ format: 'gongwen-draft', schemaVersion: 1, id: 'legacy01', createdAt: '2023-05-01T00:00:00.000Z', modifiedAt: '2023-05-01T00:00:00.000Z', document: makeDocument('旧版草稿') }),
    );
    const s = open();
    const got = unwrap(await s.get('legacy01'));
    expect(got.revision).toBe(0);
    expect(unwrap(await s.save('legacy01', makeDocument('新版保存'), 0))).toMatchObject({ revision: 1 });
    expect(await titleOf(open(), 'legacy01')).toBe('新版保存');
  });

  it('restoring a revision moves the revision on: a save based on the text before the restore is a conflict', async () => {
    const { open } = setup();
    const s = open();
    const rec = unwrap(await s.create(makeDocument('第一版')));
    await s.snapshot(rec.id, 'export');
    unwrap(await s.save(rec.id, makeDocument('第二版'), 1));
    const [snap] = unwrap(await s.revisions(rec.id)).filter((r) => r.reason === 'export');
    const restored = unwrap(await s.restoreRevision(rec.id, snap!.id));
    expect(restored.revision).toBe(3);
    expect(unwrap(await s.save(rec.id, makeDocument('旧窗口'), 2)).conflict).toMatchObject({ reason: 'newer' });
    expect(await titleOf(s, rec.id)).toBe('第一版');
  });
});

import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraftService, type DraftServiceOptions } from '../../../electron/services/drafts-service';
import type { Result } from '../../../shared/ipc/contract';
import { toBlocks } from '../../../shared/model/lexical-json';
import { createBlockEncoder } from '../../../shared/model/block-delta';
import { makeDocument, tempDir } from './helpers';
import { approvalState, documentFingerprint } from '../../../shared/model/approvals';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A clock the test moves by hand. */
function clock(start = '2024-01-10T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const cleanups: (() => void)[] = [];
const opened: { flush(): Promise<void> }[] = [];
afterEach(async () => {
  // background index writes must end before the folder is removed
  for (const s of opened.splice(0)) await s.flush();
  for (const c of cleanups.splice(0)) c();
});

function setup(extra: Partial<DraftServiceOptions> = {}) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const c = clock();
  const open = (more: Partial<DraftServiceOptions> = {}) => {
    const s = createDraftService({ dataDir: dir, now: c.now, writeTimeoutMs: 300, ...extra, ...more });
    opened.push(s);
    return s;
  };
  return { dir, clock: c, open, service: open() };
}

describe('drafts service: create, get, save, list', () => {
  it('writes one envelope file per draft and lists it', async () => {
    const { dir, service } = setup({ checkState: (d) => (d.header.recipient ? 'ok' : 'errors') });
    const rec = unwrap(await service.create(makeDocument()));
    expect(rec.id).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    expect(rec.recovered).toBeNull();
    const file = path.join(dir, 'drafts', `${rec.id}.gwdraft`);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk).toMatchObject({ format: 'gongwen-draft', schemaVersion: 1, id: rec.id, createdAt: rec.modifiedAt, modifiedAt: rec.modifiedAt });
    expect(onDisk.document).toEqual(makeDocument());

    const list = unwrap(await service.list());
    expect(list.drafts).toEqual([
      { id: rec.id, title: '金兰山街道关于2022年度法治政府建设情况的报告', kind: 'fazhi-annual', reportYear: 2022, modifiedAt: rec.modifiedAt, checkState: 'ok' },
    ]);
    expect(list.trash).toEqual([]);
    expect(list.setAside).toEqual([]);
  });

  it('the list shows the 报告年度 in force: an old draft with a template\'s year follows its title; a set year stays', async () => {
    const { dir, service, open } = setup();
    // written by an older version: a 2026 template with a 2023 report pasted in, no reportYearFixed
    const stale = unwrap(await service.create({ ...makeDocument('寨上街道办事处2023年度法治政府建设情况报告'), reportYear: 2026 }));
    const set = unwrap(await service.create({ ...makeDocument('关于2023年度法治政府建设情况的报告'), reportYear: 2024, reportYearFixed: true }));
    const file = path.join(dir, 'drafts', `${stale.id}.gwdraft`);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...onDisk, document: { ...onDisk.document, reportYear: 2026 } }));
    await service.flush();
    const again = open();
    const drafts = unwrap(await again.list()).drafts;
    expect(drafts.find((d) => d.id === stale.id)?.reportYear).toBe(2023);
    expect(drafts.find((d) => d.id === set.id)?.reportYear).toBe(2024);
    expect(unwrap(await again.get(set.id)).document).toMatchObject({ reportYear: 2024, reportYearFixed: true });
    // 以去年报告新建 from the set year: the next year, still set
    expect(unwrap(await again.rollover(set.id)).document).toMatchObject({ reportYear: 2025, reportYearFixed: true });
  });

  it('save replaces the document, keeps createdAt, and get returns it', async () => {
    const { service, clock: c, open } = setup();
    const rec = unwrap(await service.create(makeDocument()));
    c.advance(5_000);
    const changed = makeDocument('新标题');
    const saved = unwrap(await service.save(rec.id, changed));
    expect(saved.modifiedAt).toBe('2024-01-10T08:00:05.000Z');
    const got = unwrap(await service.get(rec.id));
    expect(got.document.header.title).toBe('新标题');
    expect(got.modifiedAt).toBe(saved.modifiedAt);
    await service.flush();
    const reopened = open();
    const list = unwrap(await reopened.list());
    expect(list.drafts[0]!.title).toBe('新标题');
  });

  it('serialises concurrent saves of one draft: the last call wins, no temp files remain', async () => {
    const { dir, service, clock: c } = setup();
    const rec = unwrap(await service.create(makeDocument()));
    const saves = Array.from({ length: 25 }, (_, i) => {
      c.advance(10);
      return service.save(rec.id, makeDocument(`标题${i}`));
    });
    const results = await Promise.all(saves);
    expect(results.every((r) => r.ok)).toBe(true);
    await service.flush();
    expect(unwrap(await service.get(rec.id)).document.header.title).toBe('标题24');
    expect(readdirSync(path.join(dir, 'drafts')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('answers errors, never throws, for unknown and malformed ids and invalid documents', async () => {
    const { service } = setup();
    const missing = await service.get('nosuchdraft');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ code: 'draft-not-found', messageKey: 'drafts.errors.notFound' });
    const bad = await service.get('../../etc/passwd');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-payload');
    const invalid = await service.save('abcdef12', { ...makeDocument(), kind: 'NOT VALID' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error.messageKey).toBe('drafts.errors.invalidDocument');
  });

  it('a throwing checkState is reported as unknown, not as a failure', async () => {
    const { service } = setup({
      checkState: () => {
        throw new Error('engine bug');
      },
    });
    unwrap(await service.create(makeDocument()));
    expect(unwrap(await service.list()).drafts[0]!.checkState).toBe('unknown');
  });
});

describe('drafts service: the index is a cache', () => {
  it('rebuilds a missing, corrupt or stale index from the files', async () => {
    const { dir, service, open } = setup();
    const a = unwrap(await service.create(makeDocument('甲')));
    const b = unwrap(await service.create(makeDocument('乙')));
    await service.flush();
    const indexFile = path.join(dir, 'drafts', 'index.json');
    expect(JSON.parse(readFileSync(indexFile, 'utf8')).drafts).toHaveLength(2);

    writeFileSync(indexFile, '{"version":1,"drafts":[{"id":');
    expect(unwrap(await open().list()).drafts.map((d) => d.title).sort()).toEqual(['乙', '甲']);

    // stale: another program (or a copy from a USB stick) replaced a draft file
    const fileA = path.join(dir, 'drafts', `${a.id}.gwdraft`);
    const env = JSON.parse(readFileSync(fileA, 'utf8'));
    env.document.header.title = '甲（改）';
    writeFileSync(fileA, JSON.stringify(env));
    utimesSync(fileA, new Date(), new Date(Date.now() + 5_000));
    const s2 = open();
    const titles = unwrap(await s2.list()).drafts.map((d) => d.title).sort();
    expect(titles).toEqual(['乙', '甲（改）']);
    await s2.flush();
    expect(JSON.parse(readFileSync(indexFile, 'utf8')).drafts.map((d: { title: string }) => d.title).sort()).toEqual(['乙', '甲（改）']);

    // removed behind our back
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'drafts', `${b.id}.gwdraft`));
    expect(unwrap(await s2.list()).drafts.map((d) => d.id)).toEqual([a.id]);
  });
});

describe('drafts service: journal and crash recovery', () => {
  it('offers a journal newer than the last save back as recovered; save removes it', async () => {
    const { dir, service, clock: c, open } = setup();
    const rec = unwrap(await service.create(makeDocument('已保存')));
    c.advance(1_000);
    const j = unwrap(await service.journal(rec.id, makeDocument('打字未保存')));
    expect(j.journaledAt).toBe('2024-01-10T08:00:01.000Z');
    const journalFile = path.join(dir, 'drafts', `${rec.id}.journal`);
    expect(existsSync(journalFile)).toBe(true);

    // "crash": a new service instance on the same folder
    const after = unwrap(await open().get(rec.id));
    expect(after.document.header.title).toBe('已保存');
    expect(after.recovered?.header.title).toBe('打字未保存');

    c.advance(1_000);
    unwrap(await service.save(rec.id, makeDocument('打字未保存')));
    expect(existsSync(journalFile)).toBe(false);
    expect(unwrap(await service.get(rec.id)).recovered).toBeNull();
  });

  it('does not offer a journal that equals the saved document or is older than it', async () => {
    const { service, clock: c } = setup();
    const rec = unwrap(await service.create(makeDocument('甲')));
    c.advance(1_000);
    unwrap(await service.journal(rec.id, makeDocument('甲')));
    expect(unwrap(await service.get(rec.id)).recovered).toBeNull();
  });
});

describe('drafts service: the journal from block deltas', () => {
  const paragraph = (text: string) => ({ type: 'paragraph' as const, text });
  const blocks = ['甲段', '乙段', '丙段'].map(paragraph);

  it('rebuilds the document from the changed blocks and the held ones, and recovers it after a crash', async () => {
    const { service, clock: c, open } = setup();
    const rec = unwrap(await service.create(makeDocument('已保存', blocks)));
    const encoder = createBlockEncoder();
    c.advance(1_000);
    const first = makeDocument('打字中', blocks);
    const one = encoder.encode(first);
    expect(one.delta.blocks.every((b) => typeof b !== 'number')).toBe(true);
    const a = unwrap(await service.journalDelta(rec.id, { ...one.delta, base: 0 }));
    expect(a.base).toBeGreaterThan(0);
    one.commit();

    // Only the second block changed: the others go by their index.
    const second = { ...first, body: { root: { ...first.body.root, children: first.body.root.children.map((b, i) => (i === 1 ? makeDocument('x', [paragraph('乙段改了')]).body.root.children[0]! : b)) } } };
    const two = encoder.encode(second);
    expect(two.delta.blocks.map((b) => (typeof b === 'number' ? b : 'block'))).toEqual([0, 'block', 2]);
    c.advance(1_000);
    const b = unwrap(await service.journalDelta(rec.id, { ...two.delta, base: a.base }));
    expect(b.base).not.toBe(a.base);

    const after = unwrap(await open().get(rec.id));
    expect(after.recovered).not.toBeNull();
    expect(toBlocks(after.recovered!.body).map((x) => ('text' in x ? x.text : ''))).toEqual(['甲段', '乙段改了', '丙段']);
    expect(after.recovered!.header.title).toBe('打字中');
  });

  it('refuses a delta whose base it does not hold (another base, a restart, refs without a base) and writes nothing', async () => {
    const { dir, service, open, clock: c } = setup();
    const rec = unwrap(await service.create(makeDocument('已保存', blocks)));
    c.advance(1_000);
    const encoder = createBlockEncoder();
    const one = encoder.encode(makeDocument('打字中', blocks));
    const a = unwrap(await service.journalDelta(rec.id, { ...one.delta, base: 0 }));
    one.commit();
    const refs = encoder.encode(makeDocument('打字中', blocks)).delta;
    // makeDocument builds new block objects: to the encoder they are all new
    expect(refs.blocks.some((x) => typeof x === 'number')).toBe(false);
    const same = { ...refs, blocks: [0, 1, 2] };
    const journalFile = path.join(dir, 'drafts', `${rec.id}.journal`);
    const before = readFileSync(journalFile, 'utf8');
    for (const [svc, delta] of [
      [service, { ...same, base: a.base + 1 }],
      [service, { ...same, base: 0 }],
      [open(), { ...same, base: a.base }],
    ] as const) {
      const r = await svc.journalDelta(rec.id, delta);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('journal-base-missing');
    }
    expect(readFileSync(journalFile, 'utf8')).toBe(before);
    // the body it holds still serves
    expect((await service.journalDelta(rec.id, { ...same, base: a.base })).ok).toBe(true);
  });

  it('checks the rebuilt document like any other (a block that is not ours is refused)', async () => {
    const { service } = setup();
    const rec = unwrap(await service.create(makeDocument('已保存', blocks)));
    const delta = createBlockEncoder().encode(makeDocument('打字中', blocks)).delta;
    const r = await service.journalDelta(rec.id, { ...delta, document: { ...delta.document, header: { ...delta.document.header, title: 42 as unknown as string } }, base: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-payload');
  });
});

describe('drafts service: bad data is set aside, the rest opens', () => {
  it('moves unparsable and invalid drafts into drafts/quarantine/, leaves newer ones in place', async () => {
    const { dir, service, open } = setup();
    const good = unwrap(await service.create(makeDocument('好的')));
    await service.flush();
    const d = path.join(dir, 'drafts');
    writeFileSync(path.join(d, 'torn0001.gwdraft'), '{"format":"gongwen-draft","schemaVersion":1,"document":{"schemaVer');
    writeFileSync(path.join(d, 'wrong001.gwdraft'), JSON.stringify({ format: 'gongwen-draft', schemaVersion: 1, id: 'wrong001', createdAt: 'x', modifiedAt: 'x', document: { ...makeDocument(), header: { ...makeDocument().header, title: 42 } } }));
    writeFileSync(path.join(d, 'newer001.gwdraft'), JSON.stringify({ format: 'gongwen-draft', schemaVersion: 1, document: { ...makeDocument(), schemaVersion: 99 } }));
    writeFileSync(path.join(d, 'binary01.gwdraft'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));

    const list = unwrap(await open().list());
    expect(list.drafts.map((x) => x.id)).toEqual([good.id]);
    expect(list.setAside).toEqual([
      { fileName: 'newer001.gwdraft', reasonKey: 'drafts.corrupt.newer', where: 'drafts/newer001.gwdraft', moved: false },
      { fileName: 'binary01.gwdraft', reasonKey: 'drafts.corrupt.parse', where: 'drafts/quarantine/binary01.gwdraft', moved: true },
      { fileName: 'torn0001.gwdraft', reasonKey: 'drafts.corrupt.parse', where: 'drafts/quarantine/torn0001.gwdraft', moved: true },
      { fileName: 'wrong001.gwdraft', reasonKey: 'drafts.corrupt.invalid', where: 'drafts/quarantine/wrong001.gwdraft', moved: true },
    ]);
    // never deleted: the bytes are all still there
    expect(readFileSync(path.join(d, 'quarantine', 'torn0001.gwdraft'), 'utf8')).toContain('"format":"gongwen-draft"');
    expect(existsSync(path.join(d, 'newer001.gwdraft'))).toBe(true);
    // a second start lists the same, and does not move anything again
    expect(unwrap(await open().list()).setAside).toEqual(list.setAside);
    // the good draft still opens; the newer one cannot be overwritten by a stray save
    expect(unwrap(await service.get(good.id)).document.header.title).toBe('好的');
    const s3 = open();
    await s3.list();
    const clobber = await s3.save('newer001', makeDocument());
    expect(clobber.ok).toBe(false);
  });

  it('re-creates a corrupt draft from its journal when one can be read', async () => {
    const { dir, service, open, clock: c } = setup();
    const rec = unwrap(await service.create(makeDocument('保存的')));
    c.advance(1_000);
    unwrap(await service.journal(rec.id, makeDocument('日志里的')));
    await service.flush();
    writeFileSync(path.join(dir, 'drafts', `${rec.id}.gwdraft`), 'garbage');
    const s2 = open();
    const list = unwrap(await s2.list());
    expect(list.setAside).toEqual([{ fileName: `${rec.id}.gwdraft`, reasonKey: 'drafts.corrupt.parse', where: `drafts/quarantine/${rec.id}.gwdraft`, moved: true }]);
    expect(list.drafts.map((x) => x.title)).toEqual(['日志里的']);
  });

  it('does not overwrite an earlier set-aside file, and still lists .corrupt files of earlier versions', async () => {
    const { dir, service, open } = setup();
    await service.ready();
    const d = path.join(dir, 'drafts');
    writeFileSync(path.join(d, 'legacy01.gwdraft.corrupt'), 'from an earlier version');
    writeFileSync(path.join(d, 'twice001.gwdraft'), 'first');
    expect(unwrap(await open().list()).setAside).toHaveLength(2);
    writeFileSync(path.join(d, 'twice001.gwdraft'), 'second');
    const list = unwrap(await open().list());
    expect(list.setAside).toHaveLength(3);
    expect(list.setAside.find((s) => s.where === 'drafts/legacy01.gwdraft.corrupt')).toMatchObject({ fileName: 'legacy01.gwdraft', reasonKey: 'drafts.corrupt.parse', moved: true });
    const q = path.join(d, 'quarantine');
    expect(readdirSync(q).map((n) => readFileSync(path.join(q, n), 'utf8')).sort()).toEqual(['first', 'second']);
  });
});

describe('drafts service: start-up clean-up', () => {
  it('deletes stale temp files left by a killed process, keeps fresh ones', async () => {
    const { dir, open } = setup();
    const d = path.join(dir, 'drafts');
    mkdirSync(d, { recursive: true });
    const stale = path.join(d, 'abcdef12.gwdraft.tmp-1704873600a1b2c3');
    const fresh = path.join(d, 'abcdef12.gwdraft.tmp-1704873601a1b2c4');
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(stale, old, old);
    const s = createDraftService({ dataDir: dir });
    opened.push(s);
    await s.ready();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    void open;
  });
});

describe('drafts service: folder removed while running', () => {
  it('lists nothing and saves again when the drafts folder vanished', async () => {
    const { dir, service } = setup();
    const rec = unwrap(await service.create(makeDocument('甲')));
    await service.flush();
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'drafts'), { recursive: true, force: true });
    expect(unwrap(await service.list()).drafts).toEqual([]);
    // the editor still holds the text: its next save puts the draft back
    unwrap(await service.save(rec.id, makeDocument('甲')));
    expect(unwrap(await service.list()).drafts.map((d) => d.id)).toEqual([rec.id]);
  });
});

describe('drafts service: trash', () => {
  it('deletes to the trash, refuses saves there, restores, and purges after 30 days', async () => {
    const { dir, service, clock: c, open } = setup();
    const rec = unwrap(await service.create(makeDocument('要删的')));
    c.advance(1_000);
    unwrap(await service.journal(rec.id, makeDocument('要删的+未保存')));
    const del = unwrap(await service.delete(rec.id));
    expect(del.deletedAt).toBe('2024-01-10T08:00:01.000Z');
    let list = unwrap(await service.list());
    expect(list.drafts).toEqual([]);
    expect(list.trash).toMatchObject([{ id: rec.id, title: '要删的', deletedAt: del.deletedAt }]);

    const late = await service.save(rec.id, makeDocument('删除后的自动保存'));
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.code).toBe('draft-deleted');

    const restored = unwrap(await service.restoreFromTrash(rec.id));
    expect(restored).toMatchObject({ id: rec.id, title: '要删的' });
    // the unsaved typing came back with it
    expect(unwrap(await service.get(rec.id)).recovered?.header.title).toBe('要删的+未保存');

    unwrap(await service.delete(rec.id));
    // 29 days later: still there
    c.advance(29 * 86_400_000);
    list = unwrap(await open().list());
    expect(list.trash.map((t) => t.id)).toEqual([rec.id]);
    // 31 days later: purged at start, revisions too
    c.advance(2 * 86_400_000);
    list = unwrap(await open().list());
    expect(list.trash).toEqual([]);
    expect(readdirSync(path.join(dir, 'trash'))).toEqual([]);
    expect(existsSync(path.join(dir, 'revisions', rec.id))).toBe(false);
  });
});

describe('drafts service: revisions', () => {
  it('keeps at most one autosave snapshot a minute and the last 20; export snapshots are kept', async () => {
    const { service, clock: c } = setup();
    const rec = unwrap(await service.create(makeDocument('v0')));
    unwrap(await service.save(rec.id, makeDocument('v1')));
    c.advance(20_000);
    unwrap(await service.save(rec.id, makeDocument('v2')));
    let revs = unwrap(await service.revisions(rec.id));
    expect(revs.map((r) => r.reason)).toEqual(['autosave']);

    c.advance(45_000);
    unwrap(await service.save(rec.id, makeDocument('v3')));
    revs = unwrap(await service.revisions(rec.id));
    expect(revs).toHaveLength(2);

    const exp = unwrap(await service.snapshot(rec.id, 'export'));
    expect(exp.reason).toBe('export');
    for (let i = 0; i < 30; i++) {
      c.advance(61_000);
      unwrap(await service.save(rec.id, makeDocument(`w${i}`)));
    }
    revs = unwrap(await service.revisions(rec.id));
    expect(revs.filter((r) => r.reason === 'autosave')).toHaveLength(20);
    expect(revs.filter((r) => r.reason === 'export').map((r) => r.id)).toEqual([exp.id]);
    // newest first
    expect([...revs].sort((a, b) => b.savedAt.localeCompare(a.savedAt)).map((r) => r.id)).toEqual(revs.map((r) => r.id));
  });

  it('restoring a revision snapshots the current state (including unsaved typing) first', async () => {
    const { service, clock: c } = setup();
    const rec = unwrap(await service.create(makeDocument('v0')));
    unwrap(await service.save(rec.id, makeDocument('旧版本')));
    const [old] = unwrap(await service.revisions(rec.id));
    c.advance(10_000);
    unwrap(await service.save(rec.id, makeDocument('新版本')));
    c.advance(1_000);
    unwrap(await service.journal(rec.id, makeDocument('新版本+打字')));
    c.advance(1_000);
    const restored = unwrap(await service.restoreRevision(rec.id, old!.id));
    expect(restored.document.header.title).toBe('旧版本');
    expect(unwrap(await service.get(rec.id))).toMatchObject({ recovered: null, document: { header: { title: '旧版本' } } });
    const revs = unwrap(await service.revisions(rec.id));
    const before = revs.find((r) => r.reason === 'restore');
    expect(before).toBeDefined();
    // and that snapshot can itself be restored: nothing was lost
    const back = unwrap(await service.restoreRevision(rec.id, before!.id));
    expect(back.document.header.title).toBe('新版本+打字');

    const missing = await service.restoreRevision(rec.id, '20240101T000000000Z-autosave');
    expect(missing.ok).toBe(false);
  });
});

describe('drafts service: duplicate, rollover, export and import', () => {
  it('duplicates into a new id', async () => {
    const { service } = setup();
    const rec = unwrap(await service.create(makeDocument('原件')));
    const copy = unwrap(await service.duplicate(rec.id));
    expect(copy.id).not.toBe(rec.id);
    expect(copy.document).toEqual(rec.document);
    expect(unwrap(await service.list()).drafts).toHaveLength(2);
  });

  it('rolls a report over into a new draft for the next year', async () => {
    const { service } = setup();
    const rec = unwrap(await service.create(makeDocument()));
    const next = unwrap(await service.rollover(rec.id));
    expect(next.id).not.toBe(rec.id);
    expect(next.document.reportYear).toBe(2023);
    expect(next.document.header.title).toBe('金兰山街道关于2023年度法治政府建设情况的报告');
    expect(next.figuresMarked).toBe(3);
    // last year's draft is unchanged
    expect(unwrap(await service.get(rec.id)).document).toEqual(makeDocument());
  });

  it('exports the .gwdraft bytes and imports them back as a new draft', async () => {
    const { service } = setup();
    const rec = unwrap(await service.create(makeDocument('CON')));
    const out = unwrap(await service.exportFile(rec.id));
    expect(out.fileName).toMatch(/\.gwdraft$/);
    expect(out.fileName).not.toBe('CON.gwdraft');
    const named = unwrap(await service.exportFile(unwrap(await service.create(makeDocument('关于2023年度法治政府建设情况的报告'))).id));
    expect(named.fileName).toBe('关于2023年度法治政府建设情况的报告.gwdraft');
    const untitled = unwrap(await service.exportFile(unwrap(await service.create(makeDocument(''))).id));
    expect(untitled.fileName).toBe('报告_20240110.gwdraft');

    const imported = unwrap(await service.importFile({ name: out.fileName, base64: out.base64 }));
    expect(imported.id).not.toBe(rec.id);
    expect(imported.document).toEqual(rec.document);
    expect(toBlocks(imported.document.body)).toEqual(toBlocks(rec.document.body));
  });

  it('refuses damaged, newer and empty files on import with one clear error each', async () => {
    const { service } = setup();
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const cases: [string, string][] = [
      ['{"format":"gongwen-draft"', 'corrupt-draft'],
      [JSON.stringify({ format: 'gongwen-draft', schemaVersion: 7, document: {} }), 'newer-draft'],
      [JSON.stringify({ format: 'gongwen-draft', schemaVersion: 1, document: { ...makeDocument(), schemaVersion: 2 } }), 'newer-draft'],
      [JSON.stringify({ hello: 'world' }), 'corrupt-draft'],
      ['', 'empty'],
    ];
    for (const [text, code] of cases) {
      const r = await service.importFile({ name: 'x.gwdraft', base64: b64(text) });
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.messageKey).toMatch(/^import\.errors\./);
      }
    }
    // a bare document (no envelope) is accepted
    const bare = unwrap(await service.importFile({ name: 'bare.gwdraft', base64: b64(JSON.stringify(makeDocument('裸文档'))) }));
    expect(bare.document.header.title).toBe('裸文档');
  });
});

describe('drafts service: sign-off and secrecy review', () => {
  it('a sign-off records time and fingerprint here, keeps the signed text as a revision that is never pruned, and a restore keeps the record', async () => {
    const { service, clock: c } = setup();
    const doc = makeDocument();
    const { id } = unwrap(await service.create(doc));
    c.advance(1000);
    const signed = unwrap(await service.approve(id, doc, { type: 'signOff', name: '王建国', role: '街道党工委书记', date: '2023-01-16' }));
    const signOff = signed.document.approvals!.signOff!;
    expect(signOff).toMatchObject({ name: '王建国', role: '街道党工委书记', date: '2023-01-16', recordedAt: '2024-01-10T08:00:01.000Z', fingerprint: documentFingerprint(doc) });
    expect(signed.revision).toMatchObject({ reason: 'signoff' });
    expect(signOff.revisionId).toBe(signed.revision!.id);
    expect(signed.document.approvals!.history.map((e) => e.type)).toEqual(['signOff']);
    // saved with the record
    expect(unwrap(await service.get(id)).document.approvals!.signOff!.name).toBe('王建国');

    // 25 autosave snapshots later the signed text is still there
    let text = doc;
    for (let i = 0; i < 25; i++) {
      c.advance(61_000);
      text = makeDocument(`金兰山街道关于2022年度法治政府建设情况的报告（第${i}稿）`);
      unwrap(await service.save(id, { ...text, approvals: signed.document.approvals! }));
    }
    const revisions = unwrap(await service.revisions(id));
    expect(revisions.filter((r) => r.reason === 'signoff').map((r) => r.id)).toEqual([signOff.revisionId]);
    expect(revisions.filter((r) => r.reason === 'autosave')).toHaveLength(20);

    // a secrecy review of the edited text; then restoring the signed revision brings the signed text back with today's record
    c.advance(1000);
    const reviewed = unwrap(await service.approve(id, { ...text, approvals: signed.document.approvals! }, { type: 'secrecyReview', reviewer: '李保密', date: '2023-01-18', conclusion: 'publishRedacted', note: '删去两处当事人姓名' }));
    expect(reviewed.revision).toBeNull();
    expect(approvalState(reviewed.document)).toMatchObject({ signOffStale: true, secrecyReviewStale: false });
    const restored = unwrap(await service.restoreRevision(id, signOff.revisionId!));
    expect(restored.document.header.title).toBe(doc.header.title);
    expect(restored.document.approvals!.history.map((e) => e.type)).toEqual(['signOff', 'secrecyReview']);
    expect(approvalState(restored.document)).toMatchObject({ signOffStale: false, secrecyReviewStale: true });
  });

  it('a copy and next year\'s report start without the record; a history entry is appended to the saved draft', async () => {
    const { service } = setup();
    const { id } = unwrap(await service.create(makeDocument()));
    unwrap(await service.approve(id, makeDocument(), { type: 'signOff', name: '王建国', role: '', date: '2023-01-16' }));
    expect(unwrap(await service.duplicate(id)).document.approvals).toBeUndefined();
    expect(unwrap(await service.rollover(id)).document.approvals).toBeUndefined();
    const entry = { type: 'publicExport' as const, recordedAt: '2024-01-10T08:00:00.000Z', fileName: 'x（公开版）.docx', format: 'docx' as const, by: '李保密', reason: '本单位公开电话', accepted: [], secrecyReview: null, secrecyReviewCurrent: false, fingerprint: documentFingerprint(makeDocument()) };
    unwrap(await service.appendHistory(id, entry));
    // a save from a window that has not seen the export yet (an autosave in flight) keeps it
    unwrap(await service.save(id, makeDocument()));
    expect(unwrap(await service.get(id)).document.approvals!.history.map((e) => e.type)).toEqual(['signOff', 'publicExport']);
    const bad = await service.approve(id, makeDocument(), { type: 'signOff', name: '', role: '', date: '2023-01-16' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

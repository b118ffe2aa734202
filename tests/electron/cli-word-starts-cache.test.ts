/** The CLI's cache of title word starts (electron/cli/word-starts-cache.ts): same breaks, never an error. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWordStartsCache, WORD_STARTS_KEPT } from '../../electron/cli/word-starts-cache';
import { titleLines, setWordStartsStore } from '../../shared/page/title-breaks';
import { mountTinyFs, tinyFsUnavailable } from './services/tiny-fs';

const TITLE = '中共黔江区城西街道工作委员会关于2023年度法治政府建设情况的报告';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-word-starts-'));
});
afterEach(() => {
  setWordStartsStore(null);
  fs.rmSync(dir, { recursive: true, force: true });
});

const cacheFiles = () => fs.readdirSync(dir).filter((f) => f.startsWith('word-starts-'));

/** Runs `fn` with Intl.Segmenter gone: only the store can give the dictionary's word starts. */
function withoutSegmenter<T>(fn: () => T): T {
  const intl = Intl as unknown as { Segmenter?: unknown };
  const saved = intl.Segmenter;
  intl.Segmenter = undefined;
  try {
    return fn();
  } finally {
    intl.Segmenter = saved;
  }
}

describe('title word starts kept between CLI runs', () => {
  it('a second run breaks the title from the file alone, exactly as the dictionary did', () => {
    // A title only the dictionary breaks well (决策部|署 without it).
    const title = '全面贯彻落实党中央国务院决策部署持续深化放管服改革优化营商环境工作报告';
    const withDictionary = titleLines(title);
    expect(withoutSegmenter(() => titleLines(title))).not.toEqual(withDictionary);
    const first = openWordStartsCache(dir);
    setWordStartsStore(first.store);
    expect(titleLines(title)).toEqual(withDictionary);
    first.save();
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toContain(`icu${process.versions.icu}`);
    const second = openWordStartsCache(dir);
    setWordStartsStore(second.store);
    // the dictionary's breaks with no Segmenter at all: they came from the file
    expect(withoutSegmenter(() => titleLines(title))).toEqual(withDictionary);
  });

  it('a run that only reads does not write the file again', () => {
    const first = openWordStartsCache(dir);
    setWordStartsStore(first.store);
    titleLines(TITLE);
    first.save();
    const file = path.join(dir, cacheFiles()[0]!);
    const past = Math.floor(Date.now() / 1000) - 3600;
    fs.utimesSync(file, past, past);
    const second = openWordStartsCache(dir);
    setWordStartsStore(second.store);
    titleLines(TITLE);
    second.save();
    expect(Math.round(fs.statSync(file).mtimeMs / 1000)).toBe(past);
  });

  it('a damaged, foreign or lying file is no cache: same breaks, no error, and it is made again', () => {
    const expected = titleLines(TITLE);
    const probe = openWordStartsCache(dir);
    setWordStartsStore(probe.store);
    titleLines(TITLE);
    probe.save();
    const file = path.join(dir, cacheFiles()[0]!);
    for (const bad of ['not json', '{"entries":5}', JSON.stringify({ entries: [[TITLE, [0, 5, 3]]] }), JSON.stringify({ entries: [[TITLE, [0, 1, 999]]] }), JSON.stringify({ entries: [[TITLE, ['0']]] }), 'x'.repeat(300 * 1024)]) {
      fs.writeFileSync(file, bad);
      const cache = openWordStartsCache(dir);
      setWordStartsStore(cache.store);
      expect(titleLines(TITLE), bad.slice(0, 40)).toEqual(expected);
      cache.save();
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).entries[0][0]).toBe(TITLE);
    }
  });

  it(`keeps at most ${WORD_STARTS_KEPT} titles, the most recently used first; another ICU's file goes`, () => {
    fs.writeFileSync(path.join(dir, 'word-starts-icu1.0-unicode1.0.json'), '{"entries":[]}');
    const cache = openWordStartsCache(dir);
    for (let i = 0; i < WORD_STARTS_KEPT + 20; i++) cache.store.set(`标题${i}`, [0, 2]);
    expect(cache.store.get('标题0')).toEqual([0, 2]);
    cache.save();
    expect(cacheFiles()).toHaveLength(1);
    const { entries } = JSON.parse(fs.readFileSync(path.join(dir, cacheFiles()[0]!), 'utf8')) as { entries: [string, number[]][] };
    expect(entries).toHaveLength(WORD_STARTS_KEPT);
    expect(entries[0]![0]).toBe('标题0');
    expect(entries[1]![0]).toBe(`标题${WORD_STARTS_KEPT + 19}`);
    expect(entries.some(([t]) => t === '标题1')).toBe(false);
  });

  it('a folder that cannot be written (a file in its place): no cache, no error', () => {
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, '');
    const cache = openWordStartsCache(blocked);
    setWordStartsStore(cache.store);
    expect(titleLines(TITLE)).toHaveLength(2);
    expect(() => cache.save()).not.toThrow();
  });

  it.skipIf(tinyFsUnavailable !== null)(`a full disk: no error and no temp file left${tinyFsUnavailable ? ` — skipped: ${tinyFsUnavailable}` : ''}`, () => {
    const disk = mountTinyFs(256);
    try {
      const cache = openWordStartsCache(disk.dir);
      for (let i = 0; i < WORD_STARTS_KEPT; i++) cache.store.set(`${'很长的标题'.repeat(40)}${i}`, [0, 2, 4]);
      disk.leaveFree(0);
      expect(() => cache.save()).not.toThrow();
      expect(disk.entries()).toEqual([]);
    } finally {
      disk.unmount();
    }
  });
});

/**
 * The title's dictionary word starts (shared/page/title-breaks.ts), kept between CLI runs in
 * the same folder as the V8 code cache (dist/.cache/, same owner and trust as the code). The
 * first Intl object of a process costs V8's locale-set set-up — 13–20 ms on this kind of
 * machine, more than the rest of the title layout — so `gongwen export` of a report whose
 * title it has broken before skips it (issue 15). The file holds Intl.Segmenter's answers only,
 * named by ICU's version (another dictionary, another file), so the breaks are the same with or
 * without it. Anything wrong with it (missing, damaged, foreign, too big) means no cache, never
 * an error; a folder that cannot be written means no cache either.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WordStartsStore } from '../../shared/page/title-breaks';
import { writeCacheFile } from './cache-file';

/** Titles kept: a clerk's reports of a few years; the least recently used go first. */
export const WORD_STARTS_KEPT = 200;
const MAX_FILE_BYTES = 256 * 1024;
const MAX_TEXT_LENGTH = 1000;
const PREFIX = 'word-starts-';

export interface WordStartsCache {
  store: WordStartsStore;
  /** Writes the file when a title was added or reordered (best effort). */
  save(): void;
}

function fileName(): string {
  const icu = process.versions.icu ?? 'none';
  const unicode = process.versions.unicode ?? 'none';
  return `${PREFIX}icu${icu}-unicode${unicode}.json`;
}

function validStarts(text: string, starts: unknown): starts is number[] {
  if (!Array.isArray(starts) || starts.length > text.length + 1) return false;
  let last = -1;
  for (const n of starts) {
    if (!Number.isInteger(n) || n <= last || n > text.length) return false;
    last = n;
  }
  return true;
}

function read(file: string): Map<string, readonly number[]> {
  const entries = new Map<string, readonly number[]>();
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return entries;
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const list = (parsed as { entries?: unknown })?.entries;
    if (!Array.isArray(list)) return entries;
    for (const item of list.slice(0, WORD_STARTS_KEPT)) {
      if (!Array.isArray(item) || item.length !== 2) continue;
      const [text, starts] = item as [unknown, unknown];
      if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH || !validStarts(text, starts)) continue;
      entries.set(text, starts);
    }
  } catch {
    // missing or damaged: start empty
  }
  return entries;
}

export function openWordStartsCache(cacheDir: string): WordStartsCache {
  const file = path.join(cacheDir, fileName());
  // newest first, as in the file
  const entries = read(file);
  const position = new Map([...entries.keys()].map((text, i) => [text, i]));
  const touched: string[] = [];
  let changed = false;
  const touch = (text: string) => {
    const at = touched.indexOf(text);
    if (at >= 0) touched.splice(at, 1);
    touched.push(text);
  };
  const store: WordStartsStore = {
    get(text) {
      const starts = entries.get(text);
      if (!starts) return undefined;
      touch(text);
      // a title near the end of the list moves up; one near the top is left (no write per run)
      if ((position.get(text) ?? 0) >= WORD_STARTS_KEPT / 2) changed = true;
      return starts;
    },
    set(text, starts) {
      if (text.length > MAX_TEXT_LENGTH) return;
      entries.set(text, [...starts]);
      touch(text);
      changed = true;
    },
  };
  return {
    store,
    save() {
      if (!changed) return;
      const recent = [...touched].reverse();
      const rest = [...entries.keys()].filter((text) => !touched.includes(text));
      const newestFirst = [...recent, ...rest].slice(0, WORD_STARTS_KEPT).map((text) => [text, entries.get(text)]);
      // Files of another ICU go (their dictionary is not this one).
      writeCacheFile(file, JSON.stringify({ entries: newestFirst }), (name) => name.startsWith(PREFIX) && name.endsWith('.json'));
    },
  };
}

/**
 * The disk primitives every service shares. Every write goes through `writeAtomic`, which is
 * durable-write.ts's `writeFileDurable` (every byte, fsync, size verified, rename retried on
 * EPERM/EBUSY/EACCES, folder fsync — see ../shared/docs/reliability.md for why).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { TEMP_FILE_PATTERN, renameWithRetry, writeFileDurable } from './durable-write';

export interface WriteOptions {
  /** How long a rename refused by a locked file is retried (Windows antivirus, indexer). */
  timeoutMs?: number;
}

/** Replace `file` with `data`, durably; the old file stays whole when it fails. */
export async function writeAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeFileDurable(file, data, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
}

/** rename, retried while Windows antivirus or the indexer holds the file (EPERM/EBUSY/EACCES). */
export async function renameRetry(from: string, to: string, options: WriteOptions = {}): Promise<void> {
  await renameWithRetry(from, to, options.timeoutMs);
}

/**
 * Delete temp files a killed process left behind. Only files older than `minAgeMs`: a second
 * instance sharing the folder (the preview next to the app) may be writing right now.
 */
export async function removeStaleTempFiles(dir: string, nowMs: number, minAgeMs = 60_000): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!TEMP_FILE_PATTERN.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const st = await fsp.stat(file);
      if (!st.isFile() || nowMs - st.mtimeMs < minAgeMs) continue;
      await fsp.unlink(file);
      removed++;
    } catch {
      // gone already or locked: try again next start
    }
  }
  return removed;
}

/** The i18n key that says why a write failed, so the user knows whether to free space or move the folder. */
export function writeErrorKey(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'drafts.writeFailed.diskFull';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'drafts.writeFailed.readOnly';
    case 'EBUSY':
      return 'drafts.writeFailed.busy';
    default:
      return 'drafts.writeFailed.other';
  }
}

export function errorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException | null;
  const message = (e instanceof Error ? e.message : String(error)).slice(0, 300);
  // Node's own messages already start with the code ("ENOSPC: no space left…"): never say it twice.
  return e?.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message;
}

/** A name to move a bad file aside under that does not overwrite an earlier one. */
export async function freeName(file: string, suffix: string, now: Date): Promise<string> {
  const first = `${file}${suffix}`;
  if (!(await exists(first))) return first;
  const stamp = compactTime(now);
  for (let i = 0; ; i++) {
    const candidate = `${file}.${stamp}${i ? `-${i}` : ''}${suffix}`;
    if (!(await exists(candidate))) return candidate;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/** 2024-01-05T09:30:12.345Z → 20240105T093012345Z: sortable, and legal in Windows file names. */
export function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function parseCompactTime(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

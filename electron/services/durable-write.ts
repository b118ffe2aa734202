/**
 * Durable replacement of a whole file — the one write path for drafts, journals, settings,
 * the draft index and exports (see ../shared/docs/reliability.md).
 *
 *   1. open a new temp file beside the target (same folder → same file system → rename is atomic)
 *   2. write EVERY byte: `write(2)` may write fewer bytes than asked (a nearly full disk does
 *      exactly that, and `atomically` ignores the count) → loop until all are written
 *   3. fsync the file, then check its size on disk equals what we meant to write
 *   4. rename over the target (retried while Windows antivirus / indexer holds it)
 *   5. fsync the folder, so the rename itself survives a power cut
 *
 * On any failure before the rename the target is untouched and the temp file is removed.
 * Errors carry the system code (ENOSPC, EROFS, …) so callers can tell the user what to do.
 * The temp names match `<file>.tmp-<10 digits><6 hex>` so start-up can sweep stale ones.
 */
import fs, { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface DurableWriteOptions {
  /** How long to keep retrying a rename refused with EPERM/EBUSY/EACCES (ms). Default 7.5 s. */
  timeoutMs?: number;
  /** File mode for a new file; an existing file keeps its mode. */
  mode?: number;
}

/** Raised when the file on disk is not what was written (it is never renamed into place). */
export class DurableWriteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DurableWriteError';
  }
}

/** Temp names: `<file>.tmp-<10 digits><6 hex>` (the same shape `atomically` used). */
export const TEMP_FILE_PATTERN = /\.tmp-\d{10}[a-f0-9]{6}$/;

const RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

function tempName(target: string): string {
  const stamp = String(Date.now() % 10_000_000_000).padStart(10, '0');
  // Uniqueness, not secrecy: the temp file is opened with 'wx', so a clash fails instead of
  // sharing a file. Math.random spares every CLI export the load of node:crypto (issue 15).
  const salt = Math.floor(Math.random() * 0x1000000).toString(16).padStart(6, '0');
  return `${target}.tmp-${stamp}${salt}`;
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

function noProgress(): NodeJS.ErrnoException {
  // write(2) returning 0 for a non-empty buffer only happens when the device is full.
  const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device (write returned 0)');
  error.code = 'ENOSPC';
  return error;
}

function sizeMismatch(file: string, expected: number, actual: number): DurableWriteError {
  return new DurableWriteError('ESIZE', `${path.basename(file)}: ${actual} bytes on disk, ${expected} written`);
}

/** fsync a folder; skipped where folders cannot be opened (Windows) or synced (some file systems). */
function ignorableDirSyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'ENOTSUP' || code === 'EACCES';
}

async function existingMode(target: string): Promise<number | undefined> {
  try {
    return (await fsp.stat(target)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function existingModeSync(target: string): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    return undefined;
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!ignorableDirSyncError(error)) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!ignorableDirSyncError(error)) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** rename, retried while Windows antivirus or the indexer holds the file (EPERM/EBUSY/EACCES). */
export async function renameWithRetry(from: string, to: string, timeoutMs = 7_500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRY_CODES.has(code) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 150));
    }
  }
}

function renameWithRetrySync(from: string, to: string, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRY_CODES.has(code) || Date.now() > deadline) throw error;
      // A synchronous caller (conf / electron-store) cannot yield; wait briefly in place.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** Replace `target` with `data`, durably (see the file comment). */
export async function writeFileDurable(target: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const bytes = toBytes(data);
  const tmp = tempName(target);
  const mode = (await existingMode(target)) ?? options.mode ?? 0o666;
  let handle: fsp.FileHandle | undefined;
  let created = false;
  try {
    handle = await fsp.open(tmp, 'wx', mode);
    created = true;
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (bytesWritten <= 0) throw noProgress();
      offset += bytesWritten;
    }
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.length) throw sizeMismatch(target, bytes.length, size);
    await handle.close();
    handle = undefined;
    await renameWithRetry(tmp, target, options.timeoutMs);
    created = false;
    await fsyncDir(path.dirname(target));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await fsp.unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/** The same, synchronously — for conf / electron-store, whose `set` is synchronous. */
export function writeFileDurableSync(target: string, data: string | Uint8Array, options: DurableWriteOptions = {}): void {
  const bytes = toBytes(data);
  const tmp = tempName(target);
  const mode = existingModeSync(target) ?? options.mode ?? 0o666;
  let fd: number | undefined;
  let created = false;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    created = true;
    writeAllAndSyncSync(fd, bytes, target);
    fs.closeSync(fd);
    fd = undefined;
    renameWithRetrySync(tmp, target, options.timeoutMs ?? 1_000);
    created = false;
    fsyncDirSync(path.dirname(target));
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    if (created) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // nothing left to clean, or the folder went away
      }
    }
    throw error;
  }
}

/** Every byte written (a short write is continued, never ignored), fsynced, and the size checked. */
function writeAllAndSyncSync(fd: number, bytes: Uint8Array, file: string): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset, offset);
    if (written <= 0) throw noProgress();
    offset += written;
  }
  fs.fsyncSync(fd);
  const { size } = fs.fstatSync(fd);
  if (size !== bytes.length) throw sizeMismatch(file, bytes.length, size);
}

/** link(2) refusals of a file system without hard links (FAT, exFAT, some shares): create in place instead. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL']);

function writeNewFileSync(file: string, bytes: Uint8Array, mode: number): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    writeAllAndSyncSync(fd, bytes, file);
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already failing
    }
    try {
      fs.unlinkSync(file);
    } catch {
      // nothing to remove
    }
    throw error;
  }
  fs.closeSync(fd);
}

/**
 * Create `target` with `data` only if it does not exist (EEXIST otherwise) — for lock files,
 * which must never replace another's, and must never be seen half-written: the bytes go to a
 * temp file (every byte, fsynced, size checked), which is hard-linked to the target (atomic;
 * EEXIST if it exists) and removed. Where the file system has no hard links the target is
 * created in place with O_EXCL (a reader may then briefly see it empty). The folder is fsynced.
 */
export function createFileExclusiveSync(target: string, data: string | Uint8Array, mode = 0o644): void {
  const bytes = toBytes(data);
  const tmp = tempName(target);
  writeNewFileSync(tmp, bytes, mode);
  let inPlace = false;
  try {
    fs.linkSync(tmp, target);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    inPlace = true;
  } finally {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  if (inPlace) writeNewFileSync(target, bytes, mode);
  fsyncDirSync(path.dirname(target));
}

/** The system code of a write failure ('ENOSPC', 'EROFS', 'ESIZE', …), 'EIO' when unknown. */
export function writeErrorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code ? code : 'EIO';
}

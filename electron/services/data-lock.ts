/**
 * One lock per data folder: the desktop app and the preview backend take it before any
 * service writes, so two instances never save into the same drafts/ and settings.json (an
 * older document saved from B silently replaced A's newer one; a draft deleted in A and saved
 * in B ended in drafts/ and trash/).
 *
 * `<dataDir>/gongwen.lock` holds who has it: pid, host name, app kind, start time, and on
 * Linux the process's own start tick (/proc/<pid>/stat), so a reused pid is told apart.
 *
 *   take       exclusive create (durable-write.ts: the whole fsynced record hard-linked into
 *              place, so it is never seen half-written; O_EXCL in place without hard links);
 *              EEXIST → read the holder
 *   held?      same host: the pid is alive (kill(pid, 0): ESRCH = gone, EPERM = alive, another
 *              user) and, where both are known, its start tick is the recorded one; else, when
 *              the start tick cannot be read (Windows, macOS), the heartbeat is recent.
 *              another host: the heartbeat (the file's mtime, touched every 10 s) is recent.
 *              a file that is not (yet) a whole record: held while young (its creator is
 *              writing it), stale after CREATING_GRACE_MS (its creator died mid-write)
 *   stale      taken over at once — a SIGKILLed instance never leaves the folder locked: its
 *              pid is gone (same host), or its heartbeat stops (another host, pid reuse where
 *              start ticks cannot be read). The takeover itself runs under a second, short-lived
 *              exclusive file so two instances taking over the same stale lock cannot both win.
 *   release    on close (and on process exit as a last resort); only a lock that still
 *              carries our token is removed.
 *
 * Why not `proper-lockfile` (read: lib/lockfile.js 4.1.2): it keeps no owner record (no "by
 * which process" to tell the user), decides staleness by mtime alone (a SIGKILLed preview
 * blocks its own restart for the 10 s stale period), and takes a stale lock over by
 * rmdir-then-mkdir, which two contenders can both win.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileExclusiveSync, TEMP_FILE_PATTERN } from './durable-write';
import { createI18n, isLanguage, type Language } from '../../shared/i18n';
import type { Notice } from '../../shared/ipc/contract';

export const LOCK_FILE_NAME = 'gongwen.lock';
export type DataLockKind = 'desktop' | 'preview';

export interface DataLockOwner {
  pid: number;
  hostname: string;
  kind: DataLockKind;
  /** ISO time the holder took the lock. */
  startedAt: string;
  /** Linux: field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null elsewhere. */
  processStart: string | null;
  /** Random per acquisition: release and heartbeat touch only their own lock. */
  token: string;
}

export interface DataLockTiming {
  /** How often the holder touches the lock's mtime. */
  heartbeatMs: number;
  /** A heartbeat older than this is stale where liveness cannot be proven otherwise. */
  staleMs: number;
  /** A lock file without a whole record is its creator's for this long. */
  creatingGraceMs: number;
}

export const DEFAULT_TIMING: DataLockTiming = { heartbeatMs: 10_000, staleMs: 60_000, creatingGraceMs: 10_000 };

export interface DataFolderLock {
  readonly file: string;
  readonly owner: DataLockOwner;
  /**
   * False when the folder could not hold a lock file at all (read-only, no permission, full):
   * the instance runs unlocked — nothing it could write would land there either — and says so.
   */
  readonly held: boolean;
  /** Why not held: the system code (EROFS, EACCES, ENOSPC, …). */
  readonly problem: string | null;
  /** A stale lock (a crashed or killed instance's) was found and taken over. */
  readonly tookOver: boolean;
  /** Removes the lock if it is still ours; idempotent. */
  release(): void;
}

export interface AcquireOptions {
  timing?: Partial<DataLockTiming>;
  /** Tests: another host name. */
  hostname?: string;
  /** Called once if the heartbeat finds the lock taken by another instance (a clock or network-share fault). */
  onCompromised?: (owner: DataLockOwner | null) => void;
}

/** The data folder is locked by another live instance; `owner` is null when its record is still being written. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataLockOwner | null,
  ) {
    super(owner ? `the data folder ${dataDir} is in use by ${owner.kind} pid ${owner.pid} on ${owner.hostname} since ${owner.startedAt}` : `the data folder ${dataDir} is in use by an instance that is starting`);
    this.name = 'DataFolderInUseError';
  }
}

/** Tokens of the locks this process holds (two servers in one process are two instances too). */
const heldHere = new Set<string>();

export function processStartTick(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may itself hold spaces or ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): DataLockOwner | null {
  try {
    const raw = JSON.parse(text) as Partial<DataLockOwner>;
    if (!Number.isInteger(raw.pid) || (raw.pid as number) <= 0) return null;
    if (typeof raw.hostname !== 'string' || typeof raw.startedAt !== 'string' || typeof raw.token !== 'string') return null;
    if (raw.kind !== 'desktop' && raw.kind !== 'preview') return null;
    return { pid: raw.pid as number, hostname: raw.hostname, kind: raw.kind, startedAt: raw.startedAt, processStart: typeof raw.processStart === 'string' ? raw.processStart : null, token: raw.token };
  } catch {
    return null;
  }
}

interface LockState {
  owner: DataLockOwner | null;
  /** The raw bytes: a takeover removes the file only if it still reads the same. */
  text: string;
  mtimeMs: number;
}

function readLockState(file: string): LockState | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const { mtimeMs } = fs.statSync(file);
    return { owner: parseOwner(text), text, mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Who holds the data folder's lock (null: nobody, or a record not readable). For tests and diagnostics. */
export function readDataFolderLock(dataDir: string): DataLockOwner | null {
  return readLockState(path.join(path.resolve(dataDir), LOCK_FILE_NAME))?.owner ?? null;
}

function isHeld(state: LockState, timing: DataLockTiming, hostname: string, now: number): boolean {
  const age = now - state.mtimeMs;
  const owner = state.owner;
  if (!owner) return age < timing.creatingGraceMs;
  if (heldHere.has(owner.token)) return true;
  if (owner.hostname !== hostname) return age < timing.staleMs;
  // our own pid, yet not our lock: it was an earlier process's (containers restart as pid 1)
  if (owner.pid === process.pid) return false;
  if (!pidAlive(owner.pid)) return false;
  const tick = owner.processStart ? processStartTick(owner.pid) : null;
  if (tick !== null) return tick === owner.processStart;
  // No tick although the holder recorded one: either it is hidden (another user, /proc with
  // hidepid: wait for the heartbeat) or the pid's process ended between the two checks (pid_max
  // can be 32768: a reused pid of a short-lived process): that one is gone, not held.
  if (owner.processStart && !pidAlive(owner.pid)) return false;
  return age < timing.staleMs;
}

/** Temp files of a lock or takeover whose creator died between writing and linking them. */
const LOCK_TEMP = new RegExp(`^${LOCK_FILE_NAME.replace('.', '\\.')}(\\.takeover)?${TEMP_FILE_PATTERN.source}`);

function sweepTempFiles(dir: string, timing: DataLockTiming): void {
  for (const name of fs.readdirSync(dir)) {
    if (!LOCK_TEMP.test(name)) continue;
    try {
      if (Date.now() - fs.statSync(path.join(dir, name)).mtimeMs > timing.creatingGraceMs) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

function tryCreate(file: string, owner: DataLockOwner): boolean {
  try {
    createFileExclusiveSync(file, `${JSON.stringify(owner, null, 2)}\n`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock, but only if it still reads `seen`, under `<lock>.takeover` (created
 * exclusively; itself stale after creatingGraceMs, as its critical section is a few ms).
 */
function removeStale(file: string, seen: LockState, timing: DataLockTiming, now: () => number, hostname: string): void {
  const guard = `${file}.takeover`;
  const mine = `${process.pid} ${randomBytes(6).toString('hex')} ${hostname}`;
  try {
    createFileExclusiveSync(guard, mine);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // another instance is taking over right now, or died doing it: a guard of a gone process of
    // this host goes at once (one SIGKILLed mid-takeover blocked every start for 10 s), any
    // other only when old
    try {
      const [pid, , ...rest] = fs.readFileSync(guard, 'utf8').split(' ');
      const host = rest.join(' ');
      const deadHere = host === hostname && Number(pid) > 0 && Number(pid) !== process.pid && !pidAlive(Number(pid));
      if (deadHere || now() - fs.statSync(guard).mtimeMs > timing.creatingGraceMs) fs.rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    const current = readLockState(file);
    if (current && current.text === seen.text) fs.rmSync(file, { force: true });
  } finally {
    try {
      if (fs.readFileSync(guard, 'utf8') === mine) fs.rmSync(guard, { force: true });
    } catch {
      // already gone
    }
  }
}

const ATTEMPTS = 20;

/** Start-up only, a few ms: the callers (wiring before any service) are synchronous. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** File-system refusals that leave the folder lockless (and unwritable), not in use. */
const CANNOT_LOCK = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ESIZE', 'EIO']);

/**
 * Takes the data folder's lock or throws DataFolderInUseError naming the live holder. A folder
 * that refuses the lock file itself (CANNOT_LOCK) gives an unheld lock (`held: false`).
 */
export function acquireDataFolderLock(dataDir: string, kind: DataLockKind, options: AcquireOptions = {}): DataFolderLock {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE_NAME);
  const timing: DataLockTiming = { ...DEFAULT_TIMING, ...options.timing };
  const hostname = options.hostname ?? os.hostname();
  const owner: DataLockOwner = { pid: process.pid, hostname, kind, startedAt: new Date().toISOString(), processStart: processStartTick(process.pid), token: randomBytes(12).toString('hex') };
  let last: LockState | null = null;
  let tookOver = false;
  try {
    fs.mkdirSync(dir, { recursive: true });
    sweepTempFiles(dir, timing);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryCreate(file, owner)) return holdLock(file, owner, timing, tookOver, options.onCompromised);
      last = readLockState(file);
      if (!last) continue; // released between our create and our read
      const young = Date.now() - last.mtimeMs < timing.creatingGraceMs;
      if (!last.owner && young && attempt < ATTEMPTS - 1) {
        // its creator is writing the record (a few µs between O_EXCL and the bytes): read it again
        sleepSync(25);
        continue;
      }
      if (isHeld(last, timing, hostname, Date.now())) throw new DataFolderInUseError(dir, last.owner);
      removeStale(file, last, timing, Date.now, hostname);
      tookOver = true;
      if (attempt > 0) sleepSync(5 + attempt * 5);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (error instanceof DataFolderInUseError || !CANNOT_LOCK.has(code)) throw error;
    return { file, owner, held: false, problem: code, tookOver: false, release: () => undefined };
  }
  throw new DataFolderInUseError(dir, last?.owner ?? null);
}

function holdLock(file: string, owner: DataLockOwner, timing: DataLockTiming, tookOver: boolean, onCompromised?: (owner: DataLockOwner | null) => void): DataFolderLock {
  heldHere.add(owner.token);
  let released = false;
  const beat = setInterval(() => {
    try {
      const state = readLockState(file);
      if (state?.owner?.token === owner.token) {
        const now = new Date();
        fs.utimesSync(file, now, now);
        return;
      }
      if (!state && tryCreate(file, owner)) return; // removed by hand: ours again
      clearInterval(beat);
      onCompromised?.(state?.owner ?? null);
    } catch {
      // a transient read error (antivirus on Windows): the next beat tries again
    }
  }, timing.heartbeatMs);
  beat.unref();
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    heldHere.delete(owner.token);
    process.removeListener('exit', release);
    try {
      if (readLockState(file)?.owner?.token === owner.token) fs.rmSync(file, { force: true });
    } catch {
      // the folder went away; nothing to release
    }
  };
  // a normal end that skipped close() (process.exit from elsewhere) still releases
  process.on('exit', release);
  return { file, owner, held: true, problem: null, tookOver, release };
}

/** The language for the in-use message: the data folder's settings, else `fallback` (the OS locale's). */
export function lockMessageLanguage(dataDir: string, fallback: Language): Language {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { language?: unknown };
    return isLanguage(raw.language) ? raw.language : fallback;
  } catch {
    return fallback;
  }
}

/** The in-use message in `language`: title, the sentence naming the holder, and what to do. */
export function describeDataFolderInUse(error: DataFolderInUseError, language: Language): { title: string; message: string; detail: string } {
  const t = createI18n(language).t;
  const owner = error.owner;
  let message: string;
  if (owner) {
    const since = new Date(owner.startedAt);
    const when = Number.isNaN(since.getTime()) ? owner.startedAt : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(since);
    message = t('dataLock.inUse', { kind: t(`dataLock.kinds.${owner.kind}`), pid: owner.pid, host: owner.hostname, since: when });
  } else {
    message = t('dataLock.inUseStarting');
  }
  return { title: t('dataLock.title'), message, detail: t('dataLock.detail', { dir: error.dataDir }) };
}

/** Said when the heartbeat finds our lock taken by another instance. */
export function describeLockCompromised(dataDir: string, language: Language): string {
  return createI18n(language).t('dataLock.compromised', { dir: path.resolve(dataDir) });
}

/** Said when the folder could not hold a lock file (the instance starts unlocked). */
export function describeUnlocked(lock: DataFolderLock, language: Language): string {
  const notice = unlockedNotice(lock);
  return createI18n(language).t(notice.messageKey, notice.values);
}

/** The same, as a notice the page shows at start (in the desktop app nobody reads stderr). */
export function unlockedNotice(lock: DataFolderLock): Notice {
  return { messageKey: 'dataLock.unlocked', values: { reason: lock.problem ?? '', dir: path.dirname(lock.file) } };
}

/**
 * The data folder's lock (electron/services/data-lock.ts): one instance per folder, the holder
 * named, stale locks (a SIGKILLed process, a reused pid, a silent other host, a record never
 * finished) taken over at once, live ones respected, and a race on a stale lock won by one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireDataFolderLock,
  DataFolderInUseError,
  describeDataFolderInUse,
  lockMessageLanguage,
  LOCK_FILE_NAME,
  processStartTick,
  readDataFolderLock,
  type DataFolderLock,
  type DataLockOwner,
} from '../../../electron/services/data-lock';
import { tempDir } from './helpers';

let work: { dir: string; cleanup: () => void };
let bundle: string;
const held: DataFolderLock[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  work = tempDir('gw-lock-');
  bundle = path.join(work.dir, 'data-lock-child.cjs');
  await build({ entryPoints: [path.join(__dirname, 'data-lock-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
}, 60_000);
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => work.cleanup());

function folder(): string {
  return fs.mkdtempSync(path.join(work.dir, 'data-'));
}

function take(dir: string, options?: Parameters<typeof acquireDataFolderLock>[2]): DataFolderLock {
  const lock = acquireDataFolderLock(dir, 'desktop', options);
  held.push(lock);
  return lock;
}

function refusal(fn: () => unknown): DataFolderInUseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataFolderInUseError) return error;
    throw error;
  }
  throw new Error('the lock was taken, not refused');
}

/** A live process that is not us (a plain sleeping node). */
async function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  return child;
}

function writeLock(dir: string, owner: Partial<DataLockOwner>, ageMs = 0): void {
  const file = path.join(dir, LOCK_FILE_NAME);
  const record: DataLockOwner = { pid: 1, hostname: os.hostname(), kind: 'preview', startedAt: '2025-01-20T01:30:00.000Z', processStart: null, token: 'foreign-token', ...owner };
  fs.writeFileSync(file, JSON.stringify(record));
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(file, when, when);
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('data folder lock', () => {
  it('records who holds it; a second instance (here: the same process) is refused and told by whom; release frees it', () => {
    const dir = folder();
    const lock = take(dir);
    expect(lock.held).toBe(true);
    const owner = readDataFolderLock(dir)!;
    expect(owner).toMatchObject({ pid: process.pid, hostname: os.hostname(), kind: 'desktop' });
    expect(Date.parse(owner.startedAt)).toBeGreaterThan(Date.now() - 60_000);
    if (process.platform === 'linux') expect(owner.processStart).toBe(processStartTick(process.pid));
    const refused = refusal(() => acquireDataFolderLock(dir, 'preview'));
    expect(refused.owner).toMatchObject({ pid: process.pid, kind: 'desktop' });
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    lock.release(); // idempotent
    expect(take(dir).held).toBe(true);
  });

  it('respects a lock whose pid is alive on this host, and says so in Chinese and in English', async () => {
    const dir = folder();
    const other = await liveProcess();
    writeLock(dir, { pid: other.pid!, processStart: processStartTick(other.pid!) }, 5 * 60_000);
    const refused = refusal(() => take(dir));
    expect(refused.owner?.pid).toBe(other.pid);
    const zh = describeDataFolderInUse(refused, 'zh-CN');
    expect(zh.title).toBe('数据文件夹正在使用');
    expect(zh.message).toContain(`数据文件夹正被另一个公文写作台使用（预览服务，进程 ${other.pid}，计算机 ${os.hostname()}，自 2025年1月20日`);
    expect(zh.detail).toContain(dir);
    const en = describeDataFolderInUse(refused, 'en-US');
    expect(en.message).toContain(`in use by another GongwenDesk (preview server, process ${other.pid} on computer ${os.hostname()}, since `);
    expect(en.message).toMatch(/2025/);
    // the foreign lock is untouched
    expect(readDataFolderLock(dir)?.token).toBe('foreign-token');
  });

  it('takes over the lock of a process killed with SIGKILL (same host), at once', async () => {
    const dir = folder();
    const child = spawn(process.execPath, [bundle, dir, 'hold'], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    const said = await new Promise<string>((resolve) => child.stdout!.once('data', (c: Buffer) => resolve(c.toString())));
    expect(said).toBe(`won ${child.pid}\n`);
    expect(refusal(() => take(dir)).owner?.pid).toBe(child.pid);
    child.kill('SIGKILL');
    await exited(child);
    expect(readDataFolderLock(dir)?.pid).toBe(child.pid); // a crash leaves the file behind…
    const lock = take(dir); // …and it does not lock the folder
    expect(lock.held).toBe(true);
    expect(lock.tookOver).toBe(true);
    expect(readDataFolderLock(dir)?.pid).toBe(process.pid);
  });

  it('a process that exits without release frees the folder (exit hook)', async () => {
    const dir = folder();
    const child = spawn(process.execPath, [bundle, dir, 'exit'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await exited(child);
    expect(out).toBe(`won ${child.pid}\n`);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('a live pid with another start time is a reused pid: taken over (Linux), else after the heartbeat goes stale', async () => {
    const dir = folder();
    const other = await liveProcess();
    if (process.platform === 'linux') {
      writeLock(dir, { pid: other.pid!, processStart: '1' });
      expect(take(dir).held).toBe(true);
    } else {
      writeLock(dir, { pid: other.pid!, processStart: null }, 2 * 60_000);
      expect(take(dir).held).toBe(true);
    }
  });

  it('another host: respected while its heartbeat is fresh, taken over when it is older than staleMs', () => {
    const dir = folder();
    writeLock(dir, { hostname: 'OTHER-PC', pid: 4242 }, 5_000);
    expect(refusal(() => take(dir)).owner).toMatchObject({ hostname: 'OTHER-PC', pid: 4242 });
    writeLock(dir, { hostname: 'OTHER-PC', pid: 4242 }, 61_000);
    expect(take(dir).held).toBe(true);
  });

  it('a record not yet whole is its creator’s while young (told as starting), stale when old', () => {
    const dir = folder();
    const file = path.join(dir, LOCK_FILE_NAME);
    fs.writeFileSync(file, '{"pid": 12');
    const refused = refusal(() => take(dir));
    expect(refused.owner).toBeNull();
    expect(describeDataFolderInUse(refused, 'zh-CN').message).toBe('数据文件夹正被另一个正在启动的公文写作台使用。');
    const old = new Date(Date.now() - 11_000);
    fs.utimesSync(file, old, old);
    expect(take(dir).held).toBe(true);
  });

  it('the holder keeps its heartbeat; release removes only its own lock', async () => {
    const dir = folder();
    const file = path.join(dir, LOCK_FILE_NAME);
    const lock = take(dir, { timing: { heartbeatMs: 50 } });
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(file, old, old);
    await expect.poll(() => fs.statSync(file).mtimeMs, { timeout: 10_000 }).toBeGreaterThan(Date.now() - 10_000);
    // another instance took it (e.g. judged us stale from another PC): our release leaves theirs
    let compromised = 0;
    const second = folder();
    const lock2 = take(second, { timing: { heartbeatMs: 50 }, onCompromised: () => (compromised += 1) });
    writeLock(second, { hostname: 'OTHER-PC', token: 'theirs' });
    await expect.poll(() => compromised, { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 200)); // more beats: still told once
    expect(compromised).toBe(1);
    lock2.release();
    expect(readDataFolderLock(second)?.token).toBe('theirs');
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('six instances racing for one stale lock: exactly one wins, the others are told who', async () => {
    const dir = folder();
    const dead = spawn(process.execPath, ['-e', '0']);
    await exited(dead);
    writeLock(dir, { pid: dead.pid! });
    const racers = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, [bundle, dir, 'hold'], { stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      return new Promise<{ child: ChildProcess; said: string }>((resolve) => child.stdout!.once('data', (c: Buffer) => resolve({ child, said: c.toString().trim() })));
    });
    const answers = await Promise.all(racers);
    const winners = answers.filter((a) => a.said.startsWith('won '));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.child.pid;
    for (const a of answers) if (a !== winners[0]) expect(a.said).toBe(`in-use ${winner}`);
    expect(readDataFolderLock(dir)?.pid).toBe(winner);
    for (const a of answers) a.child.stdin!.end();
    await Promise.all(answers.map((a) => exited(a.child)));
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    expect(fs.existsSync(path.join(dir, `${LOCK_FILE_NAME}.takeover`))).toBe(false);
  });

  it('a takeover guard left by an instance killed mid-takeover does not block the next start (it did for 10 s)', async () => {
    const dir = folder();
    const dead = spawn(process.execPath, ['-e', '0']);
    await exited(dead);
    writeLock(dir, { pid: dead.pid! });
    // a fresh guard of that dead process of this host, as SIGKILL between creating and removing it leaves it
    fs.writeFileSync(path.join(dir, `${LOCK_FILE_NAME}.takeover`), `${dead.pid} 0123456789ab ${os.hostname()}`);
    const lock = take(dir);
    expect(lock.held).toBe(true);
    expect(lock.tookOver).toBe(true);
    expect(fs.existsSync(path.join(dir, `${LOCK_FILE_NAME}.takeover`))).toBe(false);
  });

  it('a fresh takeover guard of a live instance or of another host is left to its owner (the start waits, then says in use)', async () => {
    const dir = folder();
    const dead = spawn(process.execPath, ['-e', '0']);
    await exited(dead);
    writeLock(dir, { pid: dead.pid! });
    fs.writeFileSync(path.join(dir, `${LOCK_FILE_NAME}.takeover`), `${dead.pid} 0123456789ab another-host`);
    expect(() => take(dir)).toThrow(DataFolderInUseError);
    expect(fs.existsSync(path.join(dir, `${LOCK_FILE_NAME}.takeover`))).toBe(true);
  });

  it('temp files of a creator that died before linking its record are swept once old; a young one is left', () => {
    const dir = folder();
    const old = path.join(dir, `${LOCK_FILE_NAME}.tmp-0000000001abcdef`);
    const young = path.join(dir, `${LOCK_FILE_NAME}.takeover.tmp-0000000002abcdef`);
    fs.writeFileSync(old, '{}');
    fs.writeFileSync(young, '{}');
    const then = new Date(Date.now() - 60_000);
    fs.utimesSync(old, then, then);
    const lock = take(dir);
    expect(lock.tookOver).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual([LOCK_FILE_NAME, path.basename(young)].sort());
  });

  it('the message language is the data folder’s settings, else the fallback', () => {
    const dir = folder();
    expect(lockMessageLanguage(dir, 'zh-CN')).toBe('zh-CN');
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'en-US' }));
    expect(lockMessageLanguage(dir, 'zh-CN')).toBe('en-US');
    fs.writeFileSync(path.join(dir, 'settings.json'), '{not json');
    expect(lockMessageLanguage(dir, 'en-US')).toBe('en-US');
  });
});

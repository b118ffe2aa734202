/**
 * A real, tiny file system for disk-full tests: a size-limited tmpfs mounted by the test
 * (root only). Linux does short writes on it exactly as on a nearly full ext4 disk: asked to
 * write 40 KB with 8 KB free, write(2) returns 8192, the next call fails with ENOSPC.
 * Where it cannot mount (not root, no mount permission in a container) `tinyFsUnavailable`
 * says why and the tests are skipped with that reason.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TinyFs {
  dir: string;
  /** Make free space exactly `bytes` (rounded down to whole blocks) with a filler file. */
  leaveFree(bytes: number): void;
  /** Remove the filler: the disk has room again. */
  makeRoom(): void;
  /** Everything in the folder except the filler (to prove no temp file is left). */
  entries(sub?: string): string[];
  /** Remount read-only (true) or writable again (false): EROFS for every write, as on a locked-down share. */
  setReadOnly(readOnly: boolean): void;
  unmount(): void;
}

const FILLER = '.filler';

function probe(): string | null {
  if (process.platform !== 'linux') return 'tmpfs is Linux only';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'mounting a tmpfs needs root';
  let dir: string | undefined;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-tinyfs-probe-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here: ${String((error as Error).message).split('\n')[0]}`;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** null when a tiny file system can be made here, else the reason it cannot. */
export const tinyFsUnavailable: string | null = probe();

export function mountTinyFs(sizeKb = 512): TinyFs {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-tinyfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0777`, 'tmpfs', dir], { stdio: 'pipe' });
  const filler = path.join(dir, FILLER);
  return {
    dir,
    leaveFree(bytes) {
      fs.rmSync(filler, { force: true });
      const st = fs.statfsSync(dir);
      const free = st.bavail * st.bsize;
      const size = Math.max(0, free - bytes);
      const fd = fs.openSync(filler, 'w');
      try {
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        let written = 0;
        while (written < size) written += fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
      } finally {
        fs.closeSync(fd);
      }
    },
    makeRoom() {
      fs.rmSync(filler, { force: true });
    },
    entries(sub = '.') {
      return fs.readdirSync(path.join(dir, sub)).filter((n) => n !== FILLER).sort();
    },
    setReadOnly(readOnly) {
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
    },
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

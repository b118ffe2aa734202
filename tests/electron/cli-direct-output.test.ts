/** The CLI's plain writes to stdout/stderr (electron/cli/direct-output.ts): whole, in order, never lost. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directOutput } from '../../electron/cli/direct-output';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gw-direct-out-'));

afterEach(() => vi.restoreAllMocks());

describe('directOutput', () => {
  it('writes every byte (UTF-8) to the descriptor, in order, without building the stream', () => {
    const dir = tmp();
    const file = path.join(dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    try {
      const stream = vi.fn();
      const out = directOutput(fd, stream);
      out.write('错误 0 项\n');
      out.write(`${'法治'.repeat(50_000)}\n`);
      out.write('end\n');
      expect(stream).not.toHaveBeenCalled();
      expect(fs.readFileSync(file, 'utf8')).toBe(`错误 0 项\n${'法治'.repeat(50_000)}\nend\n`);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a short write goes on from where it stopped; EAGAIN hands the rest, and every later write, to the stream', () => {
    const written: string[] = [];
    const streamed: string[] = [];
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((_fd: number, buffer: Uint8Array, offset: number, length: number) => {
      calls += 1;
      if (calls === 3) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });
      const n = calls === 1 ? Math.min(4, length) : length; // first call: a short write
      written.push(Buffer.from(buffer.subarray(offset, offset + n)).toString('utf8'));
      return n;
    }) as typeof fs.writeSync);
    const stream = { write: (chunk: string | Uint8Array) => (streamed.push(Buffer.from(chunk).toString('utf8')), true) };
    const out = directOutput(1, () => stream as unknown as NodeJS.WritableStream);
    out.write('abcdefgh'); // 4 + 4 bytes, two writes
    out.write('ijkl'); // EAGAIN: to the stream
    out.write('mnop'); // the stream from now on (keeps the order)
    expect(written.join('')).toBe('abcdefgh');
    expect(streamed).toEqual(['ijkl', 'mnop']);
    expect(calls).toBe(3);
  });

  it('a closed reader (EPIPE) ends the output quietly; other errors are thrown', () => {
    vi.spyOn(fs, 'writeSync').mockImplementation((() => {
      throw Object.assign(new Error('EPIPE: broken pipe, write'), { code: 'EPIPE' });
    }) as typeof fs.writeSync);
    const out = directOutput(1, () => {
      throw new Error('no stream expected');
    });
    expect(out.write('x')).toBe(false);
    expect(out.write('y')).toBe(false);
    vi.spyOn(fs, 'writeSync').mockImplementation((() => {
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    }) as typeof fs.writeSync);
    expect(() => directOutput(1, () => process.stdout).write('z')).toThrow(/EIO/);
  });
});

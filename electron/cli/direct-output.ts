/**
 * The CLI's stdout and stderr as plain writes to file descriptors 1 and 2. `process.stdout`
 * is a stream Node builds on first use (for a pipe: net, the stream modules, a libuv pipe),
 * ≈ 5–10 ms of a command that writes a few KB (start-up, issue 15). Each write goes out whole
 * before write() returns, as with Node's own synchronous stdout for files and pipes; should
 * the descriptor be non-blocking and full (EAGAIN), the rest of the run goes through
 * Node's stream, so nothing is lost and the order is kept. A closed reader (EPIPE:
 * `gongwen check … | head -1`) ends the output, not the command.
 */
import fs from 'node:fs';
import type { CliStream } from './io';

export function directOutput(fd: number, stream: () => NodeJS.WritableStream): CliStream {
  let fallback: NodeJS.WritableStream | null = null;
  let closed = false;
  return {
    write(chunk: string): boolean {
      if (closed) return false;
      if (fallback) return fallback.write(chunk);
      const bytes = Buffer.from(chunk, 'utf8');
      let offset = 0;
      try {
        while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return false;
        }
        if (code !== 'EAGAIN') throw error;
        fallback = stream();
        return fallback.write(bytes.subarray(offset));
      }
    },
  };
}

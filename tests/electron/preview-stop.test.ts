/**
 * The preview backend stops when asked (SIGTERM/SIGINT call close()), even while a page keeps
 * calling it over a keep-alive connection, as the editor's journal and autosave do: close()
 * used to wait for server.close()'s callback — which waits for every connection to end —
 * before cutting them. Node's close() ends only the connections idle at that moment: a socket
 * Chromium has opened ahead of its next request (a preconnect: connected, nothing sent) or a
 * request still arriving keeps it open, so a browser left open kept the backend alive (the
 * e2e harness's `[harness] the preview did not stop within 15 s…`).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../electron/preview/server';

const TOKEN = 'test-token-0123456789';
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function rendererDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-renderer-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head><meta name="gongwen-token" content=""></head><body></body></html>');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-data-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function call(agent: http.Agent, port: number, channel: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${channel}`, agent, headers: { 'content-type': 'application/json', 'x-gongwen-token': TOKEN } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('preview backend stop', () => {
  it('close() resolves with a preconnected socket (nothing sent) and a request still arriving', async () => {
    const server = await startPreviewServer({ port: 0, dataDir: dataDir(), rendererDir: rendererDir(), templatesDir: path.resolve(__dirname, '../../templates'), version: '0.0.0-test', token: TOKEN });
    const connect = () =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(server.port, '127.0.0.1', () => resolve(socket));
        socket.on('error', reject);
        cleanups.push(() => socket.destroy());
      });
    const preconnect = await connect();
    const arriving = await connect();
    arriving.write(`POST /api/app:info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\ncontent-type: application/json\r\nx-gongwen-token: ${TOKEN}\r\ncontent-length: 100\r\n\r\n{"in`);
    const ended = (socket: net.Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
    // before the fix this never resolved while the client held the sockets (the test's timeout bounds the wait)
    await server.close();
    await Promise.all([ended(preconnect), ended(arriving)]);
    expect(preconnect.destroyed && arriving.destroyed).toBe(true);
  });

  it('close() resolves while a client keeps calling over a keep-alive connection', async () => {
    const server = await startPreviewServer({ port: 0, dataDir: dataDir(), rendererDir: rendererDir(), templatesDir: path.resolve(__dirname, '../../templates'), version: '0.0.0-test', token: TOKEN });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(() => agent.destroy());
    expect(await call(agent, server.port, 'app:info')).toBe(200);
    // a page that goes on calling every 100 ms, as the journal does while the user types
    let calling = true;
    let answered = 0;
    const loop = (async () => {
      while (calling) {
        try {
          if ((await call(agent, server.port, 'drafts:list')) === 200) answered += 1;
        } catch {
          // refused once the server is closed: expected
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await expect.poll(() => answered, { timeout: 20_000 }).toBeGreaterThan(1);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    // the client keeps calling; close() must not wait for it to stop (the test's timeout bounds the wait)
    await closing;
    calling = false;
    await loop;
    expect(closed).toBe(true);
    expect(answered).toBeGreaterThan(0);
    // after close nothing is answered any more
    await expect(call(new http.Agent(), server.port, 'app:info')).rejects.toThrow();
  });
});

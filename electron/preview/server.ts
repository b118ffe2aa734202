/**
 * `npm run preview`: the built renderer plus the same Node services as the desktop app,
 * over HTTP on 127.0.0.1 only.
 *
 * Guard against other pages open in the same browser (CSRF, DNS rebinding): every API call
 * must carry the per-start token that only our served page knows, come with our own Host,
 * and be a JSON POST (which a foreign page cannot send without a CORS preflight we never
 * answer).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../services/api';
import { wireServices, type Wired } from '../services/wire';
import { findPackageRoot, packageVersion } from '../services/package-root';
import { SECURITY_HEADERS } from './security-headers';
import { fail } from '../../shared/ipc/contract';
import { acquireDataFolderLock, DataFolderInUseError, describeDataFolderInUse, describeLockCompromised, describeUnlocked, lockMessageLanguage, unlockedNotice } from '../services/data-lock';
import { pickLanguage } from '../cli/io';

export const TOKEN_HEADER = 'x-gongwen-token';
const TOKEN_META = '<meta name="gongwen-token" content="">';
const MAX_BODY_BYTES = 100 * 1024 * 1024;
/** On close, answers already being worked on get this long to go out before their connections are cut. */
const CLOSE_GRACE_MS = 2_000;
/** Exit code of `npm run preview` when another instance holds the data folder. */
export const EXIT_DATA_IN_USE = 3;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export interface PreviewOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  templatesDir: string;
  version: string;
  /** Tests pass a fixed token; otherwise a random one per start. */
  token?: string;
}

export interface PreviewServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function timingSafeEqualText(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const indexPath = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexPath)) throw new Error(`the renderer is not built (${indexPath} missing): run npm run build`);
  const indexHtml = fs.readFileSync(indexPath, 'utf8');
  if (!indexHtml.includes(TOKEN_META)) throw new Error('index.html lacks the token meta tag');
  const servedIndex = indexHtml.replace(TOKEN_META, `<meta name="gongwen-token" content="${token}">`);

  fs.mkdirSync(options.dataDir, { recursive: true });
  // before any service writes: a second instance on this folder stops here (DataFolderInUseError)
  const lock = acquireDataFolderLock(options.dataDir, 'preview', {
    onCompromised: () => console.error(describeLockCompromised(options.dataDir, lockMessageLanguage(options.dataDir, pickLanguage(undefined, process.env)))),
  });
  const language = () => lockMessageLanguage(options.dataDir, pickLanguage(undefined, process.env));
  if (!lock.held) console.error(describeUnlocked(lock, language()));
  let wired: Wired;
  try {
    wired = wireServices({ dataDir: options.dataDir, templatesDir: options.templatesDir, shell: 'preview', version: options.version, startupNotices: lock.held ? [] : [unlockedNotice(lock)] });
  } catch (error) {
    lock.release();
    throw error;
  }
  let port = options.port;
  /** Requests not yet answered: close() lets them finish (briefly) before cutting connections. */
  let inFlight = 0;
  let onAllAnswered: (() => void) | null = null;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) onAllAnswered?.();
    });
    void handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'errors.internal', { message }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      sendJson(res, 403, fail('forbidden', 'errors.forbidden'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return;
    }
    serveStatic(url.pathname, res);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    const given = req.headers[TOKEN_HEADER];
    const origin = req.headers.origin;
    const originOk = origin === undefined || [...allowedHosts()].some((h) => origin === `http://${h}`);
    if (req.method !== 'POST' || typeof given !== 'string' || !timingSafeEqualText(given, token) || !originOk) {
      sendJson(res, 403, fail('forbidden', 'errors.forbidden'));
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('invalid-payload', 'errors.invalidPayload', { channel, path: '', reason: 'content-type must be application/json' }));
      return;
    }
    let payload: unknown;
    try {
      const text = await readBody(req);
      payload = text.length === 0 ? undefined : (JSON.parse(text) as { input?: unknown }).input;
    } catch (error) {
      // Never echo the body back: the parser's message quotes it.
      const reason = error instanceof SyntaxError ? 'the body is not valid JSON' : error instanceof Error ? error.message : String(error);
      sendJson(res, 400, fail('invalid-payload', 'errors.invalidPayload', { channel, path: '', reason }));
      return;
    }
    sendJson(res, 200, await dispatch(wired.handlers, channel, payload));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    if (pathname === '/' || pathname === '/index.html') {
      send(res, 200, MIME['.html']!, servedIndex);
      return;
    }
    const file = path.resolve(rendererDir, `.${pathname}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await wired.close();
    lock.release();
    throw error;
  }
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;

  /**
   * Stop listening, let the answers in flight go out (up to CLOSE_GRACE_MS), then cut every
   * connection: Node's server.close() waits for all of them, and a browser left open holds a
   * preconnected socket or a keep-alive one indefinitely. Then flush the services' pending
   * durable writes (a request cut mid-way still completes its write) and release the lock.
   */
  const closeOnce = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        onAllAnswered = resolve;
        timer = setTimeout(resolve, CLOSE_GRACE_MS);
      });
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await closed;
    try {
      await wired.close();
    } finally {
      lock.release();
    }
  };
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () => (closing ??= closeOnce()),
  };
}

/** Entry point of `npm run preview`. */
async function main(): Promise<void> {
  const root = findPackageRoot(__dirname);
  const port = Number.parseInt(process.env.PORT ?? '5178', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be a number from 0 to 65535, not "${process.env.PORT}"`);
    process.exit(2);
  }
  const dataDir = path.resolve(process.env.GONGWEN_DATA_DIR ?? path.join(os.homedir(), '.gongwendesk-preview'));
  try {
    const preview = await startPreviewServer({
      port,
      dataDir,
      rendererDir: path.join(root, 'dist', 'renderer'),
      templatesDir: path.join(root, 'templates'),
      version: packageVersion(root),
    });
    console.log(`GongwenDesk preview ready at ${preview.url} (data folder: ${dataDir})`);
    const stop = () =>
      void preview.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`preview did not stop cleanly: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      const said = describeDataFolderInUse(error, lockMessageLanguage(dataDir, pickLanguage(undefined, process.env)));
      console.error(`${said.message}\n${said.detail}`);
      process.exit(EXIT_DATA_IN_USE);
    }
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `port ${port} is already in use: set PORT to another number` : `preview could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (require.main === module) void main();

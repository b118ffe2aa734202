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

export const TOKEN_HEADER = 'x-gongwen-token';
const TOKEN_META = '<meta name="gongwen-token" content="">';
const MAX_BODY_BYTES = 100 * 1024 * 1024;

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
  const wired: Wired = wireServices({ dataDir: options.dataDir, templatesDir: options.templatesDir, shell: 'preview', version: options.version });
  let port = options.port;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await wired.close();
    },
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
    const stop = () => void preview.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `port ${port} is already in use: set PORT to another number` : `preview could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (require.main === module) void main();

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('preview backend guard', () => {
  let server: PreviewServer;
  let dataDir: string;
  const TOKEN = 'test-token-0123456789';
  beforeAll(async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><meta name="gongwen-token" content=""></head><body></body></html>');
    fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-data-'));
    server = await startPreviewServer({ port: 0, dataDir, rendererDir, templatesDir: path.resolve(__dirname, '../../templates'), version: '0.0.0-test', token: TOKEN });
  });
  afterAll(async () => server.close());

  const api = (channel: string, headers: Record<string, string>, body = '{}') =>
    request(server.port, { method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', ...headers }, body });

  it('serves the page with its token and a strict CSP', async () => {
    const reply = await request(server.port, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(`<meta name="gongwen-token" content="${TOKEN}">`);
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).not.toMatch(/https?:/);
  });

  it('answers a call that carries the token', async () => {
    const reply = await api('app:info', { 'x-gongwen-token': TOKEN });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { shell: 'preview', version: '0.0.0-test' } });
  });

  it('refuses a call without the token, with a wrong one, or from another origin', async () => {
    expect((await api('app:info', {})).status).toBe(403);
    expect((await api('app:info', { 'x-gongwen-token': 'guess' })).status).toBe(403);
    expect((await api('app:info', { 'x-gongwen-token': TOKEN, origin: 'http://evil.example' })).status).toBe(403);
    const refused = JSON.parse((await api('app:info', {})).body);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a foreign Host (DNS rebinding) and non-POST API calls', async () => {
    const rebinding = await request(server.port, { method: 'POST', path: '/api/app:info', headers: { host: 'attacker.example', 'content-type': 'application/json', 'x-gongwen-token': TOKEN }, body: '{}' });
    expect(rebinding.status).toBe(403);
    const get = await request(server.port, { path: '/api/app:info', headers: { 'x-gongwen-token': TOKEN } });
    expect(get.status).toBe(403);
  });

  it('refuses a form post (no JSON content type), bad JSON, unknown channels and invalid payloads', async () => {
    const form = await request(server.port, { method: 'POST', path: '/api/app:info', headers: { 'content-type': 'text/plain', 'x-gongwen-token': TOKEN }, body: '{}' });
    expect(form.status).toBe(415);
    const badJson = await api('app:info', { 'x-gongwen-token': TOKEN }, ':{{secret');
    expect(badJson.status).toBe(400);
    expect(badJson.body).not.toContain('secret'); // the body is never echoed back
    const unknown = JSON.parse((await api('fs:delete', { 'x-gongwen-token': TOKEN })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const invalid = JSON.parse((await api('drafts:get', { 'x-gongwen-token': TOKEN }, JSON.stringify({ input: { id: '../../etc/passwd' } }))).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await request(server.port, { path: '/app.js' })).status).toBe(200);
    expect((await request(server.port, { path: '/../package.json' })).status).toBe(404);
    expect((await request(server.port, { path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });
});

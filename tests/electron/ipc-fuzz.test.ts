/**
 * IPC hardening, proved by fuzzing: random and malformed payloads (fast-check) go to every
 * IPC handler (through the very registration main.ts uses, with a mocked ipcMain) and to every
 * route of the preview backend (over real HTTP). Each one must be refused with a clear,
 * translatable error, and the data folder must be byte-for-byte unchanged afterwards.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const { handle } = vi.hoisted(() => ({ handle: vi.fn() }));
vi.mock('electron', () => ({ ipcMain: { handle } }));

import { registerIpc } from '../../electron/main/ipc';
import { wireServices, type Wired } from '../../electron/services/wire';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/ipc/channel-names';
import { channels } from '../../shared/ipc/contract';
import { createI18n } from '../../shared/i18n';
import { importText } from '../../shared/import/text';

const TEMPLATES = path.resolve(__dirname, '../../templates');
const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const APP_URL = 'file:///opt/gongwen/resources/app.asar/dist/renderer/index.html';
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** Fixed (house style); fast-check prints it with the failing path. FUZZ_SEED=n tries another. */
const SEED = Number(process.env.FUZZ_SEED ?? 9704);
const zh = createI18n('zh-CN').t;
const en = createI18n('en-US').t;

const document = importText(fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8'));

/** Values an attacker would try: traversal, device names, huge strings, prototype keys, odd numbers. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '../../../etc/passwd',
    '..\\..\\Windows\\win.ini',
    'C:\\Windows\\System32\\config\\SAM',
    '/etc/shadow',
    'CON',
    'abc\u0000def',
    '__proto__',
    'constructor',
    '<img src=x onerror=alert(1)>',
    'file:///etc/passwd',
    'x'.repeat(70_000),
    '',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: true, withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
  fc.constantFrom(null, true, false, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, [], {}, { __proto__: { polluted: true } }),
);

/** A value that is right for the key, to build payloads that are wrong in only one place. */
const validSample: Record<string, unknown> = {
  id: 'abcdef123',
  revisionId: 'r-2025-01-01',
  templateId: 'fazhi-annual',
  today: '2025-01-20',
  document,
  format: 'docx',
  variant: 'official',
  acceptWarnings: true,
  draftId: null,
  file: { name: 'a.txt', base64: Buffer.from('一、测试').toString('base64') },
  language: 'zh-CN',
  activeProfileId: null,
  profiles: [],
  lastExportDir: null,
};

function shapeKeys(channel: ChannelName): string[] {
  const schema = channels[channel] as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** Payloads for one channel that its schema refuses: random ones, and nearly valid ones. */
function malformed(channel: ChannelName): fc.Arbitrary<unknown> {
  const keys = shapeKeys(channel);
  const schema = channels[channel];
  const candidates: fc.Arbitrary<unknown>[] = [hostileValue];
  if (keys.length > 0) {
    // Every key present, each either right or hostile.
    candidates.push(fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(validSample[k]), hostileValue)]))));
    // Right values plus one unexpected key (strict schemas refuse it; others must ignore it harmlessly).
    candidates.push(fc.tuple(hostileString, hostileValue).map(([k, v]) => ({ ...Object.fromEntries(keys.map((key) => [key, validSample[key]])), [k]: v, document: 42 })));
    if (keys.includes('document')) {
      // A real report with one header field or the body broken.
      const headerKeys = Object.keys(document.header);
      candidates.push(
        fc.tuple(fc.constantFrom(...headerKeys), hostileValue).map(([k, v]) => ({
          ...Object.fromEntries(keys.map((key) => [key, validSample[key]])),
          document: { ...document, header: { ...document.header, [k]: v } },
        })),
        fc.tuple(fc.constantFrom('schemaVersion', 'kind', 'reportYear', 'body', 'header'), hostileValue).map(([k, v]) => ({
          ...Object.fromEntries(keys.map((key) => [key, validSample[key]])),
          document: { ...document, [k]: v },
        })),
      );
    }
  }
  return fc.oneof(...candidates).filter((payload) => !schema.safeParse(payload).success);
}

/** Every file under a folder with a hash of its bytes: "nothing written" made checkable. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

interface Refusal {
  ok: false;
  error: { code: string; messageKey: string; values?: Record<string, string | number> };
}

function expectClearRefusal(result: unknown, channel: string, code: string): void {
  const refusal = result as Refusal;
  expect(refusal.ok, `${channel} accepted a malformed payload`).toBe(false);
  expect(refusal.error.code).toBe(code);
  // A message the user can read in both languages, naming the channel.
  for (const t of [zh, en]) {
    const text = t(refusal.error.messageKey, refusal.error.values ?? {});
    expect(text).not.toBe(refusal.error.messageKey);
    // No placeholder left unfilled — a `{{` that came in with a value (a generated key such as
    // "a{{b") is the user's own text, not a missing interpolation.
    let template = text;
    for (const v of Object.values(refusal.error.values ?? {})) template = template.split(String(v)).join('');
    expect(template).not.toMatch(/\{\{/);
  }
  if (code === 'invalid-payload') expect(refusal.error.values?.channel).toBe(channel);
}

describe('every IPC handler refuses malformed payloads', () => {
  let dataDir: string;
  let wired: Wired;
  let before: Record<string, string>;
  const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const mainFrame = { url: APP_URL };
  const fromApp = { senderFrame: mainFrame, sender: { mainFrame } };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-ipc-fuzz-'));
    wired = wireServices({ dataDir, templatesDir: TEMPLATES, shell: 'electron', version: 'fuzz', today: () => '2025-01-20' });
    // A real draft, so the folder has something to protect.
    const { dispatch } = await import('../../electron/services/api');
    await dispatch(wired.handlers, 'drafts:create', { document });
    await wired.close();
    handle.mockClear();
    registerIpc(wired.handlers, () => APP_URL);
    for (const [channel, fn] of handle.mock.calls) registered.set(channel as string, fn as never);
    before = snapshot(dataDir);
    expect(Object.keys(before).length).toBeGreaterThan(0);
  });

  it('registers a handler for every channel of the contract', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each([...CHANNEL_NAMES])('%s: random and nearly valid payloads are refused with invalid-payload', async (channel) => {
    const handler = registered.get(channel)!;
    await fc.assert(
      fc.asyncProperty(malformed(channel), async (payload) => {
        expectClearRefusal(await handler(fromApp, payload), channel, 'invalid-payload');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('a message from any other page or frame is refused before its payload is read', async () => {
    const url = fc.oneof(fc.webUrl(), fc.constantFrom('file:///etc/passwd', 'file:///C:/evil/index.html', 'about:blank', 'devtools://devtools/bundled/inspector.html', `${APP_URL}/../x.html`, 'data:text/html,hi'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), url, fc.boolean(), async (channel, frameUrl, subFrame) => {
        const frame = { url: subFrame ? APP_URL : frameUrl };
        const event = { senderFrame: frame, sender: { mainFrame: subFrame ? mainFrame : frame } };
        expectClearRefusal(await registered.get(channel)!(event, { id: 'abcdef123' }), channel, 'forbidden');
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
  });

  it('wrote nothing to the data folder', async () => {
    await wired.close();
    expect(snapshot(dataDir)).toEqual(before);
  });
});

function post(port: number, route: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: route, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('every preview-backend route refuses malformed requests', () => {
  const TOKEN = 'fuzz-token-0123456789abcdef';
  let server: PreviewServer;
  let dataDir: string;
  let before: Record<string, string>;
  const headers = () => ({ 'content-type': 'application/json', 'x-gongwen-token': TOKEN, host: `127.0.0.1:${server.port}` });

  beforeAll(async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-fuzz-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><meta name="gongwen-token" content=""></head><body></body></html>');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-http-fuzz-'));
    server = await startPreviewServer({ port: 0, dataDir, rendererDir, templatesDir: TEMPLATES, version: 'fuzz', token: TOKEN });
    const made = await post(server.port, '/api/drafts:create', JSON.stringify({ input: { document } }), headers());
    expect(JSON.parse(made.body).ok).toBe(true);
    before = await settled(dataDir);
  });
  afterAll(async () => server?.close());

  it.each([...CHANNEL_NAMES])('/api/%s: malformed JSON bodies and payloads are refused', async (channel) => {
    const body = fc.oneof(
      malformed(channel).map((input) => JSON.stringify({ input })),
      // Not JSON at all, or JSON that is not an object.
      fc.string({ maxLength: 60 }).filter((s) => s.length > 0 && !isJson(s)),
      fc.constantFrom('null', '[]', '"x"', '{"input":', '\u0000', '{"input": NaN}'),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        fc.pre(!acceptedByRoute(channel, text));
        const reply = await post(server.port, `/api/${encodeURIComponent(channel)}`, text, headers());
        expect([200, 400]).toContain(reply.status);
        expectClearRefusal(JSON.parse(reply.body), channel, 'invalid-payload');
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  });

  it('unknown routes, and requests without the token, are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', '..%2F..%2Fetc%2Fpasswd', 'drafts:get/../settings:update')), async (route) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(route));
        const reply = await post(server.port, `/api/${encodeURIComponent(route)}`, '{}', headers());
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknownChannel' } });
      }),
      { numRuns: RUNS, seed: SEED },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), fc.string({ maxLength: 40 }), async (channel, token) => {
        fc.pre(token !== TOKEN);
        const reply = await post(server.port, `/api/${channel}`, JSON.stringify({ input: { id: 'abcdef123' } }), { ...headers(), 'x-gongwen-token': token });
        expect(reply.status).toBe(403);
        expectClearRefusal(JSON.parse(reply.body), channel, 'forbidden');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('wrote nothing to the data folder', async () => {
    expect(await settled(dataDir)).toEqual(before);
  });
});

/** The drafts index is written in the background after a save: wait until the folder is still. */
async function settled(dir: string): Promise<Record<string, string>> {
  let last = snapshot(dir);
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = snapshot(dir);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What the route would accept: the body decodes to an input the schema takes (e.g. no input for app:info). */
function acceptedByRoute(channel: ChannelName, text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { input?: unknown } | null;
    const input = text.length === 0 ? undefined : parsed!.input;
    return channels[channel].safeParse(input).success;
  } catch {
    return false;
  }
}

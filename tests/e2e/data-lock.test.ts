/**
 * One preview per data folder, end to end with the built backend (dist/preview/server.cjs):
 * a second preview on the same GONGWEN_DATA_DIR refuses in the user's language, naming the
 * first (pid, kind, host), and exits 3 while the first keeps working; a SIGKILLed holder does
 * not lock the folder; SIGTERM with a page still open ends the backend at once, lock released.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO, createReport, freshDataDir, launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

const SERVER = path.join(REPO, 'dist', 'preview', 'server.cjs');
const LOCK = 'gongwen.lock';

/** A second preview on `dataDir`: its exit code and what it wrote to stderr. */
function secondPreview(dataDir: string, lang: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', GONGWEN_DATA_DIR: dataDir, LANG: lang, LC_ALL: lang };
    delete env.GONGWEN_LANG;
    const child = spawn(process.execPath, [SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      // it must not start: if it does, stop it so the test fails on its exit code, not on a hang
      if (stdout.includes('ready at')) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

async function api(preview: PreviewProcess, channel: string, input?: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const html = await (await fetch(preview.url)).text();
  const token = /name="gongwen-token" content="([^"]+)"/.exec(html)![1]!;
  const res = await fetch(`${preview.url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input }) });
  return (await res.json()) as { ok: boolean; value?: unknown };
}

describe('one instance per data folder', () => {
  let browser: Browser;
  const previews: PreviewProcess[] = [];
  const start = async (dataDir?: string) => {
    const p = await startPreview(dataDir);
    previews.push(p);
    return p;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const p of previews.splice(0)) await p.stop();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a second preview on the same folder refuses, says by whom in the user’s language, exits 3; the first keeps working', async () => {
    const first = await start();
    const zh = await secondPreview(first.dataDir, 'zh_CN.UTF-8');
    expect(zh.code).toBe(3);
    expect(zh.stdout).not.toContain('ready at');
    expect(zh.stderr).toContain(`数据文件夹正被另一个公文写作台使用（预览服务，进程 ${first.child.pid}，计算机 ${os.hostname()}，自 `);
    expect(zh.stderr).toContain(first.dataDir);
    // the settings' language wins over the OS locale
    expect((await api(first, 'settings:update', { language: 'en-US' })).ok).toBe(true);
    const en = await secondPreview(first.dataDir, 'zh_CN.UTF-8');
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`The data folder is in use by another GongwenDesk (preview server, process ${first.child.pid} on computer ${os.hostname()}, since `);
    // the first is untouched: it answers and still holds the folder
    const listed = await api(first, 'drafts:list');
    expect(listed.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(first.dataDir, LOCK), 'utf8'))).toMatchObject({ pid: first.child.pid, kind: 'preview' });
  });

  it('a preview killed with SIGKILL does not lock its folder: the next one takes over at once', async () => {
    const dataDir = freshDataDir();
    const first = await start(dataDir);
    await first.stop('SIGKILL');
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK), 'utf8')).pid).toBe(first.child.pid);
    const again = await start(dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK), 'utf8')).pid).toBe(again.child.pid);
    expect((await api(again, 'drafts:list')).ok).toBe(true);
  });

  it('SIGTERM with the editor open ends the backend promptly (exit 0, not the harness’s SIGKILL) and releases the folder', async () => {
    const preview = await start();
    const page = await newPage(browser, preview.url);
    await createReport(page);
    await page.getByRole('textbox', { name: '正文' }).click();
    await page.keyboard.insertText('关闭前输入的一句');
    // a socket opened ahead of the next request and idle, as Chromium's preconnect leaves one: Node's
    // server.close() waits for it, which made the backend outlive SIGTERM until the harness killed it
    const port = Number(new URL(preview.url).port);
    const preconnect = await new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
      socket.on('error', reject);
    });
    const exit = await preview.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null, killed: false });
    expect(fs.existsSync(path.join(preview.dataDir, LOCK))).toBe(false);
    preconnect.destroy();
    await page.context().close();
  });
});

// `npm run docs:screenshots`: the user guide's pictures, taken from the browser preview (the
// same renderer as the desktop app) so they never go stale. Starts the built preview on a
// free port with a fresh data folder, drives Debian's Chromium (playwright-core, no browser
// download) and writes docs/images/*.png.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'images');
const fixtures = path.resolve(root, '..', 'shared', 'fixtures');

function startPreview(dataDir) {
  const server = path.join(root, 'dist', 'preview', 'server.cjs');
  if (!fs.existsSync(server)) throw new Error('dist/preview/server.cjs is missing: run npm run build first');
  const child = spawn(process.execPath, [server], { env: { ...process.env, PORT: '0', GONGWEN_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
  });
}

/** Imports a real report through the app's own API, as 导入 would. */
async function seed(page, file, today) {
  const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
  return page.evaluate(
    async ({ content, name, day }) => {
      const token = document.querySelector('meta[name="gongwen-token"]').content;
      const call = async (channel, input) =>
        (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input }) })).json();
      const bytes = new TextEncoder().encode(content);
      let binary = '';
      bytes.forEach((b) => (binary += String.fromCharCode(b)));
      const imported = await call('import:file', { file: { name, base64: btoa(binary) }, today: day });
      const created = await call('drafts:create', { document: imported.value });
      return created.value.document.header.title;
    },
    { content: text, name: file, day: today },
  );
}

async function shot(target, name) {
  const file = path.join(out, `${name}.png`);
  await target.screenshot({ path: file });
  console.log(`  docs/images/${name}.png`);
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-docs-'));
  const preview = await startPreview(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--hide-scrollbars'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(preview.url);
    await page.getByRole('button', { name: '新建报告' }).waitFor();
    await shot(page, 'home-empty');

    // 新建报告: the template choice.
    await page.getByRole('button', { name: '新建报告' }).click();
    await page.getByRole('radio', { name: /法治政府建设年度报告/ }).check();
    await shot(page, 'new-report');
    await page.getByRole('button', { name: '创建' }).click();
    const body = page.getByRole('textbox', { name: '正文' });
    await body.waitFor();
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await panel.getByText(/错误 \d+ 项/).first().waitFor({ timeout: 15_000 }).catch(() => {});
    await page.waitForTimeout(500);
    await shot(page, 'editor-template');
    await shot(panel, 'check-panel');

    // The header fields on the page: the top of the page itself.
    const workspace = page.locator('.editor-workspace');
    const box = await workspace.boundingBox();
    if (box) {
      await page.screenshot({ path: path.join(out, 'header-fields.png'), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 720) } });
      console.log('  docs/images/header-fields.png');
    }

    // A finished real report: no findings, the export dialog.
    await page.goto(preview.url);
    const finished = await seed(page, 'report-zhaishang-2023.txt', '2024-01-20');
    await seed(page, 'report-chengxi-2024.txt', '2025-01-20');
    await page.reload();
    await page.getByRole('button', { name: '新建报告' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'drafts-list');
    await page.getByText(finished, { exact: false }).first().click();
    await body.waitFor();
    await panel.getByText('未发现问题').first().waitFor({ timeout: 15_000 }).catch(() => {});
    await page.waitForTimeout(500);
    await shot(page, 'editor-finished');
    await page.getByRole('button', { name: '导出 Word' }).click();
    await page.getByRole('dialog', { name: '导出 Word' }).waitFor();
    await shot(page, 'export-dialog');
    await page.getByRole('dialog', { name: '导出 Word' }).getByRole('button', { name: '取消' }).click();

    // The yearly cycle: the 公开版 tab of the check panel, and 审核签字 (sign-off and secrecy review).
    await panel.getByRole('tab', { name: '公开版' }).click();
    await panel.locator('.check-summary, .check-ok').first().waitFor({ timeout: 15_000 }).catch(() => {});
    await shot(panel, 'check-panel-public');
    await page.getByRole('button', { name: '审核签字', exact: true }).click();
    const approvals = page.getByRole('dialog', { name: '审核签字与保密审查' });
    await approvals.getByLabel('签字人').fill('王建国');
    await approvals.getByLabel('职务').fill('街道党工委书记');
    await approvals.getByRole('button', { name: '记录签字' }).click();
    await approvals.getByRole('status').waitFor();
    await approvals.getByLabel('审查人').fill('李保密');
    await shot(approvals, 'approvals-dialog');
  } finally {
    await browser.close();
    preview.child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`docs:screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

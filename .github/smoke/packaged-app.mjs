// Release smoke test: launches the packaged desktop app with Playwright's _electron and goes
// through what a clerk does first — a new report from the template, typing, then a real
// report imported and exported as .docx — and reads the .docx back with the project's own
// reader (the `gongwen check` CLI). Usage: node .github/smoke/packaged-app.mjs PATH/TO/GongwenDesk.exe
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const executablePath = path.resolve(process.argv[2] ?? '');
if (!fs.existsSync(executablePath)) {
  console.error(`usage: node .github/smoke/packaged-app.mjs PATH/TO/GongwenDesk.exe (not found: ${executablePath})`);
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-smoke-'));
const outDocx = path.join(work, 'smoke-report.docx');
const shots = path.join(root, 'release-smoke', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

function step(text) {
  console.log(`smoke: ${text}`);
}

const app = await electron.launch({ executablePath, args: [], timeout: 90_000, env: { ...process.env, GONGWEN_NO_DEVTOOLS: '1' } });
let window;
try {
  window = await app.firstWindow();
  await window.getByRole('button', { name: '新建报告' }).waitFor({ timeout: 60_000 });
  step('the window opened in Chinese');

  // A new report from the template, and typing into 正文.
  await window.getByRole('button', { name: '新建报告' }).click();
  await window.getByRole('radio', { name: /法治政府建设年度报告/ }).check();
  await window.getByRole('button', { name: '创建' }).click();
  const body = window.getByRole('textbox', { name: '正文' });
  await body.waitFor();
  await body.click();
  await window.keyboard.press('Control+End');
  await window.keyboard.press('Enter');
  await window.keyboard.insertText('全面推进依法行政工作取得新成效');
  await window.getByText('全面推进依法行政工作取得新成效').first().waitFor();
  await window.getByRole('status').filter({ hasText: '已保存' }).first().waitFor({ timeout: 30_000 });
  await window.screenshot({ path: path.join(shots, '1-new-report.png') });
  step('a new report from the template took typing and was saved');

  // The export gate holds in the packaged app: the template still has errors.
  await window.getByRole('button', { name: '导出 Word' }).click();
  const gate = window.getByRole('dialog', { name: '导出 Word' });
  await gate.getByText(/还有 \d+ 项错误/).waitFor();
  await gate.getByRole('button', { name: '返回修改' }).click();
  step('export refused while errors remain');

  // A complete report, imported from a file, exported to a path the save dialog would give.
  await window.getByRole('button', { name: '返回首页' }).click();
  await window.locator('input[type="file"]').setInputFiles(path.join(here, 'report.txt'));
  const title = '测试街道办事处2024年度法治政府建设情况报告';
  await window.getByText(title, { exact: true }).first().click();
  await body.waitFor();
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath });
  }, outDocx);
  await window.getByRole('button', { name: '导出 Word' }).click();
  const dialog = window.getByRole('dialog', { name: '导出 Word' });
  const withWarnings = dialog.getByRole('button', { name: '我已了解，继续' });
  if (await withWarnings.count()) await withWarnings.click();
  else await dialog.getByRole('button', { name: '导出', exact: true }).click();
  for (let i = 0; i < 100 && !fs.existsSync(outDocx); i++) await new Promise((r) => setTimeout(r, 200));
  if (!fs.existsSync(outDocx)) throw new Error('the .docx was not written');
  await window.screenshot({ path: path.join(shots, '2-exported.png') });
  step(`exported ${fs.statSync(outDocx).size} bytes`);
} catch (error) {
  if (window) await window.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
  await app.close().catch(() => {});
  throw error;
}
await app.close();

// Read it back with the project's own reader.
const check = spawnSync(process.execPath, [path.join(root, 'bin', 'gongwen.cjs'), 'check', outDocx, '--json'], { encoding: 'utf8' });
if (check.status === 2) throw new Error(`gongwen could not read the exported file: ${check.stderr}`);
const result = JSON.parse(check.stdout);
const problems = [];
if (result.kind !== 'fazhi-annual') problems.push(`kind is ${result.kind}`);
if (!String(result.header?.title ?? '').includes('测试街道办事处2024年度法治政府建设情况报告')) problems.push(`title read back as ${result.header?.title}`);
for (const section of ['measures', 'shortcomings', 'plan']) if (!result.sections?.[section]) problems.push(`section ${section} lost`);
if (problems.length > 0) throw new Error(`the exported .docx did not read back: ${problems.join('; ')}`);
step('the .docx reads back with the project’s reader: kind, title and sections intact');
fs.rmSync(work, { recursive: true, force: true });

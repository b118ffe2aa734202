#!/usr/bin/env node
/**
 * npm run test:desktop — the desktop app's own path, end to end: the real built
 * dist/electron/main.cjs loaded with tests/desktop/electron-stand-in.cjs in place of
 * `electron` (see its header for what that proves and what not). Needs `npm run build`.
 * Ends with `desktop: N passed, N failed`.
 *
 * A first start is a process of its own: after the main run, the script runs itself again
 * (GW_DESKTOP_PHASE=first-start) on an empty userData, an English OS locale and a .gwdraft on
 * the command line, as Windows starts the app on a double-click; its results join this run's.
 * A third process (GW_DESKTOP_PHASE=data-in-use) starts the app on a data folder a real preview
 * server already holds: it must say so in a message box and quit, writing nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { spawn, spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const phase = ['first-start', 'data-in-use'].includes(process.env.GW_DESKTOP_PHASE) ? process.env.GW_DESKTOP_PHASE : 'main';
const require = createRequire(import.meta.url);
const standInPath = path.join(root, 'tests', 'desktop', 'electron-stand-in.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standInPath : resolve.call(this, request, ...rest);
};
const { standIn } = require(standInPath);
const { state, clickMenu } = standIn;

// a .gwdraft handed over on the command line, as Windows does on a double-click
const seed = path.join(state.root, 'from-argv.gwdraft');
const fixtureText = fs.readFileSync(path.join(root, '..', 'shared', 'fixtures', 'report-zhaishang-2023.txt'), 'utf8');
process.argv = phase === 'first-start' ? [process.argv[0], 'main.cjs', process.env.GW_DESKTOP_ARGV_DRAFT] : [process.argv[0], 'main.cjs'];

const results = [];
async function scenario(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push([name, error]);
    console.log(`  FAIL ${name}\n       ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n       ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function pdfPages(bytes) {
  return [...Buffer.from(bytes).toString('latin1').matchAll(/\/Type\s*\/Page[^s]/g)].length;
}
/** The PDF's text (poppler's pdftotext), whitespace removed: CJK headers are letter-spaced. */
function pdfText(file) {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext: ${r.error ?? r.stderr}`);
  return r.stdout.replace(/\s+/g, '');
}
async function until(fn, message, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

if (phase === 'data-in-use') {
  await scenario('a data folder held by a preview server: the app names the holder in a message box, quits and writes nothing', async () => {
    const userDataDir = path.join(state.root, 'userData');
    fs.mkdirSync(userDataDir, { recursive: true });
    const env = { ...process.env, PORT: '0', GONGWEN_DATA_DIR: userDataDir };
    delete env.NODE_EXTRA_CA_CERTS;
    const preview = spawn(process.execPath, [path.join(root, 'dist', 'preview', 'server.cjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let said = '';
      preview.stdout.on('data', (c) => (said += c));
      preview.stderr.on('data', (c) => (said += c));
      const url = (await until(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(said), `the preview starts: ${said}`, 30_000))[0];
      // The preview's own start-up (its folders, the index) goes on after it says it is ready:
      // wait until the folder has stayed the same for half a second, or the app gets the blame.
      let seen = '';
      let sameSince = Date.now();
      await until(() => {
        const now = JSON.stringify(fs.readdirSync(userDataDir).sort());
        if (now !== seen) [seen, sameSince] = [now, Date.now()];
        return Date.now() - sameSince >= 500;
      }, 'the preview finishes its start-up writes');
      const before = fs.readdirSync(userDataDir).sort();
      require(path.join(root, 'dist', 'electron', 'main.cjs'));
      await until(() => state.quits > 0, 'the app quits');
      const box = state.messageBoxes.at(-1);
      assert(box, 'a message box was shown');
      const text = `${box.title}\n${box.message}\n${box.detail}`;
      assert(box.type === 'error' && box.title === '数据文件夹正在使用', `title ${box.title}`);
      for (const part of ['数据文件夹正被另一个公文写作台使用', '预览服务', `进程 ${preview.pid}`, os.hostname(), userDataDir]) assert(text.includes(part), `the message names ${part}: ${text}`);
      assert(state.windows.length === 0, 'no window opened');
      await new Promise((r) => setTimeout(r, 500));
      assert(JSON.stringify(fs.readdirSync(userDataDir).sort()) === JSON.stringify(before), `the app wrote nothing: ${fs.readdirSync(userDataDir)} vs ${before}`);
      const lock = JSON.parse(fs.readFileSync(path.join(userDataDir, 'gongwen.lock'), 'utf8'));
      assert(lock.pid === preview.pid && lock.kind === 'preview', `the preview keeps the lock: ${JSON.stringify(lock)}`);
      const res = await fetch(url);
      assert(res.status === 200, `the preview still answers: ${res.status}`);
    } finally {
      preview.kill('SIGTERM');
      await until(() => preview.exitCode !== null || preview.signalCode !== null, 'the preview stops', 20_000);
    }
  });
  await standIn.close();
  fs.writeFileSync(process.env.GW_DESKTOP_RESULTS, JSON.stringify(results.map(([name, e]) => [name, e ? String(e?.stack ?? e) : null])));
  process.exit(0);
}

require(path.join(root, 'dist', 'electron', 'main.cjs'));
await until(() => state.windows[0]?.page, 'the window opens');
const win = state.windows[0];
const page = win.page;
const userData = path.join(state.root, 'userData');
const out = path.join(state.root, 'out');
fs.mkdirSync(out, { recursive: true });

if (phase === 'first-start') {
  await scenario('first start on an English OS: home, window title and menu in English', async () => {
    assert(!fs.existsSync(path.join(userData, 'settings.json')) || !fs.readFileSync(path.join(userData, 'settings.json'), 'utf8').includes('language'), 'a first start: no language chosen yet');
    await page.getByRole('heading', { name: /GongwenDesk/ }).first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await until(() => win.title === 'GongwenDesk', `window title ${win.title}`);
    await until(() => state.menu?.template.some((m) => m.label === 'File'), 'menu in English');
    assert(!state.menu.template.some((m) => /[\u4e00-\u9fff]/.test(String(m.label))), 'no Chinese top-level menu label');
    const lang = await page.evaluate(() => document.documentElement.lang);
    assert(lang === 'en-US', `<html lang> ${lang}`);
  });
  await scenario("a .gwdraft from the first start's argv opens as a draft", async () => {
    await page.locator('.gw-body').waitFor({ timeout: 20_000 });
    await until(async () => (await page.locator('.gw-body').innerText()).includes('桌面测试输入的一句话'), 'the draft from argv shows its text');
    // it is kept as a draft of this data folder, not only shown
    const drafts = path.join(userData, 'drafts');
    await until(() => fs.existsSync(drafts) && fs.readdirSync(drafts).some((f) => f.endsWith('.gwdraft') && fs.readFileSync(path.join(drafts, f), 'utf8').includes('桌面测试输入的一句话')), 'the opened draft is in userData/drafts');
  });
  await standIn.close();
  fs.writeFileSync(process.env.GW_DESKTOP_RESULTS, JSON.stringify(results.map(([name, e]) => [name, e ? String(e?.stack ?? e) : null])));
  process.exit(0);
}

await scenario('start → home in the OS language (zh-CN), the real CSP in force', async () => {
  await page.getByRole('button', { name: '新建报告' }).first().waitFor({ timeout: 20_000 });
  assert(page.url().startsWith('file://') && page.url().endsWith('/dist/renderer/index.html'), `url ${page.url()}`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert(csp?.includes("script-src 'self'"), 'CSP meta');
  const blocked = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline === undefined;
  });
  assert(blocked, 'an inline script is refused by the CSP');
  assert(win.title === '公文写作台', `window title ${win.title}`);
});

await scenario('the preload exposes exactly the contract and nothing of Node', async () => {
  const keys = await page.evaluate(() => [Object.keys(window.gongwen), typeof window.require, typeof window.process]);
  assert(JSON.stringify(keys[0]) === JSON.stringify(['invoke', 'on']), `bridge ${keys[0]}`);
  assert(keys[1] === 'undefined' && keys[2] === 'undefined', 'no require/process in the page');
});

await scenario('单位设置 saves a profile into userData/settings.json', async () => {
  const r = await page.evaluate(() => window.gongwen.invoke['settings:update']({ profiles: [{ id: 'p1', name: '金兰山街道', issuerLines: ['金兰山街道办事处'], agencyCode: '金街', recipient: '区人民政府', signers: [], signingOrgans: ['金兰山街道办事处'], printOrgan: '金兰山街道党政办公室' }], activeProfileId: 'p1' }));
  assert(r.ok, JSON.stringify(r));
  const files = fs.readdirSync(userData, { recursive: true }).map(String);
  const file = files.find((f) => f.endsWith('settings.json'));
  assert(file && fs.readFileSync(path.join(userData, file), 'utf8').includes('金兰山街道'), `settings.json in userData (${files.join(', ')})`);
});

let draftFile = null;
await scenario('菜单 新建报告 → template choice → the editor; typing autosaves into userData/drafts', async () => {
  clickMenu('新建报告');
  await page.getByRole('radio', { name: /法治政府建设年度报告/ }).check({ timeout: 10_000 });
  await page.getByRole('button', { name: '创建' }).click();
  const body = page.locator('.gw-body');
  await body.waitFor({ timeout: 15_000 });
  await body.click();
  await page.keyboard.type('桌面测试输入的一句话');
  const drafts = path.join(userData, 'drafts');
  draftFile = await until(() => fs.readdirSync(drafts).filter((f) => f.endsWith('.gwdraft')).map((f) => path.join(drafts, f)).find((f) => fs.readFileSync(f, 'utf8').includes('桌面测试输入的一句话')), 'the typed text reaches a .gwdraft');
});

await scenario('a message from a subframe or from another URL is refused', async () => {
  const fromFrame = await page.evaluate(async () => {
    const f = document.createElement('iframe');
    f.srcdoc = '<p>x</p>';
    document.body.append(f);
    await new Promise((r) => setTimeout(r, 300));
    try {
      return await f.contentWindow.__gwStandInInvoke('app:info', undefined);
    } catch (e) {
      return { thrown: String(e) };
    } finally {
      f.remove();
    }
  });
  // the call reaches main (the bridge is in every frame, as Electron's preload would be with
  // nodeIntegrationInSubFrames) and main refuses it by its sender frame
  assert(fromFrame && fromFrame.ok === false && fromFrame.error?.code === 'forbidden', `subframe: ${JSON.stringify(fromFrame)}`);
  const handler = standIn.handlers.get('app:info');
  const r = await handler({ sender: win.webContents, senderFrame: { url: 'https://example.invalid/' } }, undefined);
  assert(r.ok === false && r.error.code === 'forbidden', `a frame that is not the main frame: ${JSON.stringify(r)}`);
});

async function clearFindings() {
  // the standard template leaves guidance: a clean real report is loaded instead
  const doc = await page.evaluate(async (text) => {
    // the office profile set above would fill the imported header (0c62867): import it as it is
    await window.gongwen.invoke['settings:update']({ activeProfileId: null });
    const r = await window.gongwen.invoke['import:file']({ file: { name: 'r.txt', base64: btoa(String.fromCharCode(...new TextEncoder().encode(text))) }, today: '2025-01-20' });
    if (!r.ok) return r;
    // a red header to tell the two variants apart in the PDFs
    const h = r.value.header;
    Object.assign(h, { redHeader: true, issuerLines: ['寨上街道办事处文件'], docNumber: h.docNumber || '寨办〔2024〕1号' });
    if (h.direction === 'up' && h.signers.length === 0) h.signers = ['王明'];
    if (!h.recipient) h.recipient = '区人民政府';
    if (!h.printOrgan) Object.assign(h, { printOrgan: '寨上街道党政办公室', printDate: h.date || '2024年1月20日' });
    return window.gongwen.invoke['drafts:create']({ document: r.value });
  }, fixtureText);
  assert(doc.ok, JSON.stringify(doc).slice(0, 200));
  return doc.value;
}

await scenario('导出 Word: the save dialog path receives a .docx named after the title and the variant; cancel leaves nothing', async () => {
  const rec = await clearFindings();
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByText(rec.document.header.title).first().click();
  await page.locator('.gw-body').waitFor();
  state.saveAnswers.push(null);
  await page.getByRole('button', { name: '导出 Word' }).click();
  await page.getByRole('dialog', { name: '导出 Word' }).getByRole('button', { name: /^导出$|我已了解/ }).click();
  await page.getByText('已取消导出').first().waitFor({ timeout: 10_000 });
  assert(fs.readdirSync(out).length === 0, 'cancel wrote nothing');
  const target = path.join(out, 'report.docx');
  state.saveAnswers.push(target);
  await page.getByRole('button', { name: '导出 Word' }).click();
  await page.getByRole('dialog', { name: '导出 Word' }).getByRole('button', { name: /^导出$|我已了解/ }).click();
  await until(() => fs.existsSync(target), 'the .docx is written');
  assert(fs.readFileSync(target).subarray(0, 2).toString() === 'PK', 'a zip');
  const suggested = state.saveDialogs.at(-1).defaultPath;
  assert(path.basename(suggested) === `${rec.document.header.title}（正式版）.docx`, `suggested ${suggested}`);
});

await scenario('导出 PDF: the 公开版 PDF is written where the dialog says, A4, as many pages as the print view', async () => {
  const target = path.join(out, 'report.pdf');
  state.saveAnswers.push(target);
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const dialog = page.getByRole('dialog', { name: '导出 PDF' });
  await dialog.getByRole('radio', { name: /公开版/ }).check();
  await dialog.getByRole('button', { name: /^导出$|我已了解/ }).click();
  await until(() => fs.existsSync(target), 'the PDF is written');
  // the export is over (the page has put its print view back) when it says where it wrote
  await page.getByText(/已导出/).first().waitFor({ timeout: 10_000 });
  await until(() => page.evaluate(() => document.documentElement.dataset.printVariant === undefined), 'the print view is reset');
  const pdf = fs.readFileSync(target);
  assert(pdf.subarray(0, 5).toString() === '%PDF-', 'a PDF');
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  assert(boxes.length > 0 && boxes.every(([w, h]) => w === 595 && h === 842), `A4 pages: ${JSON.stringify(boxes)}`);
  // the print view of the same variant, as the user sees it in 打印
  const printView = await page.evaluate(() => (document.documentElement.dataset.printVariant = 'public')).then(() => page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.evaluate(() => delete document.documentElement.dataset.printVariant);
  const printed = pdfPages(printView);
  const written = pdfPages(pdf);
  assert(written === printed, `pages: PDF ${written}, print view ${printed}`);
  assert(path.basename(state.saveDialogs.at(-1).defaultPath).endsWith('（公开版）.pdf'), 'the name says 公开版');
  // 公开版 = the text without 版头 and 版记: the red 发文机关标志 is not in it; the 正式版 has it
  const publicText = pdfText(target);
  assert(publicText.includes('法治政府建设'), 'the PDF has the report text');
  assert(!publicText.includes('寨上街道办事处文件'), 'the 公开版 PDF has no red header');
  const official = path.join(out, 'report-official.pdf');
  state.saveAnswers.push(official);
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const again = page.getByRole('dialog', { name: '导出 PDF' });
  await again.getByRole('radio', { name: /正式版/ }).check();
  await again.getByRole('button', { name: /^导出$|我已了解/ }).click();
  await until(() => fs.existsSync(official), 'the 正式版 PDF is written');
  assert(pdfText(official).includes('寨上街道办事处文件'), `the 正式版 PDF has the red header: ${pdfText(official).slice(0, 200)}`);
  assert(path.basename(state.saveDialogs.at(-1).defaultPath).endsWith('（正式版）.pdf'), 'the name says 正式版');
});

await scenario('打印 opens the print dialog after the gate', async () => {
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => (window.__printed += 1);
  });
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('dialog', { name: '打印' }).getByRole('button', { name: /^打印$|我已了解/ }).click();
  await until(() => page.evaluate(() => window.__printed === 1), 'window.print called once');
});

await scenario('菜单 查找 / 放大 / 缩小 / 实际大小 reach the editor', async () => {
  clickMenu('查找和替换');
  await page.getByRole('search').waitFor({ timeout: 5000 });
  const zoom = () => page.locator('.gw-zoom-value').innerText();
  const before = await zoom();
  clickMenu('放大');
  await until(async () => (await zoom()) !== before, 'zoom in');
  clickMenu('实际大小');
  await until(async () => (await zoom()).includes('100'), 'zoom reset');
  clickMenu('缩小');
  await until(async () => (await zoom()).includes('90'), 'zoom out');
  await page.keyboard.press('Escape');
});

await scenario('菜单 保存 writes at once; 菜单 导出 Word and 打印 open their dialogs', async () => {
  // the page's timers stand still, so the autosave (after 1.5 s idle) cannot be what writes
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  const saves = [];
  const realSave = standIn.handlers.get('drafts:save');
  standIn.handlers.set('drafts:save', async (event, payload) => {
    saves.push(JSON.stringify(payload));
    return realSave(event, payload);
  });
  try {
    await page.locator('.gw-body p').last().click();
    await page.keyboard.type('菜单保存');
    await new Promise((r) => setTimeout(r, 300));
    assert(!saves.some((p) => p.includes('菜单保存')), 'nothing saved before 保存');
    clickMenu('保存');
    await until(() => saves.some((p) => p.includes('菜单保存')), 'the draft is saved with the typed text');
  } finally {
    standIn.handlers.set('drafts:save', realSave);
    await page.clock.resume();
  }
  clickMenu('导出 Word');
  const word = page.getByRole('dialog', { name: '导出 Word' });
  await word.waitFor({ timeout: 10_000 });
  await word.getByRole('button', { name: /取消|返回修改/ }).first().click();
  clickMenu('打印');
  const print = page.getByRole('dialog', { name: '打印' });
  await print.waitFor({ timeout: 10_000 });
  await print.getByRole('button', { name: /取消|返回修改/ }).first().click();
});

await scenario('菜单 打开 / 用户指南 / 关于 do what they say; a cancelled open leaves nothing', async () => {
  // Drafts only: the previous scenario's typing may still add or drop a journal file here.
  const drafts = () => fs.readdirSync(path.join(userData, 'drafts')).filter((n) => n.endsWith('.gwdraft')).sort().join('|');
  const before = drafts();
  state.openAnswers.push(null);
  clickMenu('打开…');
  await new Promise((r) => setTimeout(r, 500));
  assert(drafts() === before, 'cancelled open created nothing');
  clickMenu('用户指南');
  await until(() => state.openedPaths.some((p) => p.endsWith('用户指南.md')), 'the guide opens');
  clickMenu('关于公文写作台');
  await until(() => state.messageBoxes.some((m) => String(m.message).includes('公文写作台')), 'about box');
});

await scenario('language: switching to English in the page turns the menu and window title English, live', async () => {
  await page.getByRole('combobox', { name: /语言|Language/ }).selectOption('en-US');
  await until(() => win.title === 'GongwenDesk' || /[A-Za-z]/.test(win.title), `window title ${win.title}`);
  await until(() => state.menu.template.some((m) => m.label === 'File'), 'menu in English');
  const settingsFile = fs.readdirSync(userData).find((f) => f === 'settings.json');
  assert(settingsFile && fs.readFileSync(path.join(userData, settingsFile), 'utf8').includes('en-US'), 'saved in settings.json');
  await page.getByRole('combobox', { name: /语言|Language/ }).selectOption('zh-CN');
  await until(() => state.menu.template.some((m) => m.label === '文件'), 'menu back in Chinese');
});

await scenario('a .gwdraft from a second instance (argv) opens as a draft', async () => {
  fs.copyFileSync(draftFile, seed);
  state.messageBoxes.length = 0;
  const { app } = require(standInPath);
  app.emit('second-instance', {}, ['公文写作台.exe', seed], state.root);
  await until(async () => (await page.locator('.gw-body').innerText()).includes('桌面测试输入的一句话'), 'the opened draft shows the typed text');
});

await scenario('the window showing another URL (the preload runs there too) is refused', async () => {
  // last: it leaves the app page. The main frame itself, with the bridge, but not the app's file.
  await page.goto('data:text/html,<p>other</p>');
  const r = await page.evaluate(() => window.gongwen.invoke['app:info'](undefined));
  assert(r && r.ok === false && r.error?.code === 'forbidden', `another URL in the main frame: ${JSON.stringify(r)}`);
  await page.goto(win.url);
  const back = await page.evaluate(() => window.gongwen.invoke['app:info'](undefined));
  assert(back && back.ok === true, `the app's own page is answered again: ${JSON.stringify(back).slice(0, 200)}`);
});

await standIn.close();

// the first start, and a start on a data folder in use, each in a process of its own
for (const [childPhase, extraEnv] of [
  ['first-start', { GW_STANDIN_LOCALE: 'en-US', GW_DESKTOP_ARGV_DRAFT: seed }],
  ['data-in-use', { GW_STANDIN_LOCALE: 'zh-CN' }],
]) {
  const resultsFile = path.join(state.root, `${childPhase}.json`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, GW_DESKTOP_PHASE: childPhase, ...extraEnv, GW_DESKTOP_RESULTS: resultsFile },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 180_000,
  });
  if (fs.existsSync(resultsFile)) {
    for (const [name, error] of JSON.parse(fs.readFileSync(resultsFile, 'utf8'))) results.push([name, error]);
  } else {
    const name = `the ${childPhase} process ran`;
    console.log(`  FAIL ${name}: exit ${child.status} ${child.signal ?? ''} ${child.error ?? ''}`);
    results.push([name, new Error(`exit ${child.status}`)]);
  }
}

const failed = results.filter(([, e]) => e).length;
console.log(`\ndesktop: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

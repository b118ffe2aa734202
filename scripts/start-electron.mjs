// `npm start`: launch the desktop app. Where the Electron binary cannot be had (no
// network to download it, as on the build machines), say so in one line and start the
// browser preview itself (same PORT / GONGWEN_DATA_DIR rules; it prints its URL).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NO_ELECTRON =
  'Electron could not be started here (its binary is not installed and cannot be downloaded on this machine) — starting the same app as the browser preview instead:';

function startPreview() {
  console.error(NO_ELECTRON);
  const preview = spawn(process.execPath, [path.join(root, 'dist', 'preview', 'server.cjs')], { cwd: root, stdio: 'inherit', env: process.env });
  preview.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => preview.kill(sig));
}

// Recent Electron packages download the binary on first use, which needs the network
// and prints the downloader's own stack trace on failure: ask in a quiet child process.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 300_000,
});
const electronPath = probe.status === 0 ? probe.stdout.trim().split('\n').pop() : '';
if (!electronPath) startPreview();
else {
  const child = spawn(electronPath, [root], { stdio: 'inherit', windowsHide: false });
  child.on('error', () => startPreview());
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

// `npm start`: launch the desktop app. Where the Electron binary cannot be had (no
// network to download it, as on the build machines), say so in one line and point to
// the browser preview instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NO_ELECTRON =
  'Electron could not be started here (its binary is not installed and cannot be downloaded on this machine) — run "npm run preview" to use the same app in a browser.';

// Recent Electron packages download the binary on first use, which needs the network
// and prints the downloader's own stack trace on failure: ask in a quiet child process.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 300_000,
});
const electronPath = probe.status === 0 ? probe.stdout.trim().split('\n').pop() : '';
if (!electronPath) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
const child = spawn(electronPath, [root], { stdio: 'inherit', windowsHide: false });
child.on('error', () => {
  console.error(NO_ELECTRON);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));

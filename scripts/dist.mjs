// `npm run dist:win` / `npm run dist:linux`: package with electron-builder. These need
// Electron's release zips, which the build machines cannot download: then we stop with
// one clear sentence instead of the builder's stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
const args = { win: ['--win', 'nsis', '--x64'], linux: ['--linux', 'deb', 'AppImage', '--x64', '--arm64'] }[target];
if (!args) {
  console.error('usage: node scripts/dist.mjs win|linux');
  process.exit(2);
}
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const run = spawnSync(process.execPath, [builder, ...args, '--publish', 'never'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30 * 60_000 });
const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
if (run.status === 0) {
  process.stdout.write(run.stdout);
  process.exit(0);
}
if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|socket hang up|unable to download|cannot download|download.*(failed|error)/i.test(output)) {
  console.error(
    `The ${target === 'win' ? 'Windows installer' : 'Linux packages'} could not be built here: electron-builder must download Electron's release files and this machine has no internet access — the release pipeline (.github/workflows/release.yml) builds them instead.`,
  );
  process.exit(1);
}
process.stderr.write(output.split('\n').filter((l) => l.trim()).slice(-15).join('\n') + '\n');
process.exit(run.status ?? 1);

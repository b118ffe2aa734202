// Runs every vitest project, then the desktop scenarios (scripts/test-desktop.mjs, its own
// line `desktop: N passed, N failed`), and ends with one plain summary line ("tests: N passed,
// N failed, N skipped") over both, which CI reads; it fails when either fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(root, 'test-results', 'vitest.json');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });
// Every temporary file of the run (data folders of the previews, Chromium's profiles, LibreOffice's
// conversions, a test that forgot its cleanup) goes under one folder, removed when the run ends.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongwen-tests-'));
const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// Only a full run includes the desktop scenarios (a filtered run names vitest files).
const full = process.argv.length <= 2;
let desktop = { passed: 0, failed: 0, status: 0 };
if (full) {
  const d = spawnSync(process.execPath, [path.join(root, 'scripts', 'test-desktop.mjs')], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(d.stdout ?? '');
  const m = /desktop: (\d+) passed, (\d+) failed\s*$/.exec(d.stdout ?? '');
  desktop = m ? { passed: Number(m[1]), failed: Number(m[2]), status: d.status ?? 1 } : { passed: 0, failed: 1, status: 1 };
}
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  console.log(`\ntests: ${result.numPassedTests + desktop.passed} passed, ${result.numFailedTests + desktop.failed} failed, ${skipped} skipped`);
} else {
  console.log(`\ntests: ${desktop.passed} passed, ${1 + desktop.failed} failed (vitest wrote no report)`);
}
try {
  rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
} catch (error) {
  // a file system a test left mounted there: say so, the run's result stands
  console.warn(`could not remove ${tmp}: ${error.message}`);
}
process.exit((run.status ?? 1) || desktop.status);

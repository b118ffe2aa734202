#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (timings are printed, never asserted).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benches = [
  ['checks', 'scripts/bench-checks.mjs'],
  ['cli start-up (vs node -e 0 and pandoc)', 'scripts/bench-cli.mjs'],
  ['export (.docx vs pandoc)', 'scripts/bench-export.mjs'],
  ['autosave', 'scripts/bench-autosave.mjs'],
  ['editor (keystroke to paint)', 'scripts/bench-editor.mjs'],
];
let failed = 0;
for (const [name, script] of benches) {
  if (!existsSync(path.join(root, script))) {
    console.log(`\n== ${name}: ${script} missing`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, [path.join(root, script)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

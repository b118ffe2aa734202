/** The built CLI (dist/cli.cjs, from scripts/build-node.mjs) run as a real process; skipped until it is built. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const DIST = path.join(REPO, 'dist/cli.cjs');
const FIXTURES = path.resolve(REPO, '../shared/fixtures');

describe.skipIf(!fs.existsSync(DIST))('node dist/cli.cjs', () => {
  it('checks a fixture as JSON from another folder, exit 0', () => {
    const r = spawnSync(process.execPath, [DIST, 'check', path.join(FIXTURES, 'report-jinlanshan-2022.txt'), '--json'], { cwd: path.dirname(REPO), encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'fazhi-annual', sections: { reasons: false, responsibility: true } });
  });

  it('bin/gongwen.cjs runs the same bundle; a missing file → exit 2, one line', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/gongwen.cjs'), 'check', 'does-not-exist.txt'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

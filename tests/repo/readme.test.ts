import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './source-files';

describe('README and CI agree', () => {
  it('.ci/run runs the test line README.md gives', () => {
    const ci = fs.readFileSync(path.join(REPO, '.ci', 'run'), 'utf8');
    const line = ci.split('\n').find((l) => l.includes('npm test'));
    expect(line).toBeTruthy();
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(line!.trim());
  });

  it('package.json has the commands of the contract', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    for (const script of ['start', 'test', 'preview', 'dist:win', 'bench']) expect(pkg.scripts[script], script).toBeTruthy();
    expect(pkg.bin.gongwen).toBe('bin/gongwen.cjs');
  });
});

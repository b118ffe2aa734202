/** `gongwen check`: repeated findings of a rule are one entry listing its places; --json adds start/end/excerpt to where. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli';

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.resolve(REPO, '../shared/fixtures/report-zhaishang-2023.txt');
let dir: string;
let marked = 0;

async function run(argv: string[]) {
  let stdout = '';
  const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: () => {} }, cwd: dir, env: {}, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
  const code = await runCli(argv, io);
  return { code, stdout };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-places-'));
  const lines = fs.readFileSync(FIXTURE, 'utf8').split('\n');
  for (let i = 0; i < lines.length && marked < 4; i++) {
    if (lines[i]!.length > 60 && lines[i]!.includes('。') && i % 3 === 0) {
      lines[i] = lines[i]!.replace('。', '××。');
      marked++;
    }
  }
  fs.writeFileSync(path.join(dir, 'marks.txt'), lines.join('\n'));
});

describe('gongwen check: places', () => {
  it('the table gives one entry for the marks, with each place and an excerpt', async () => {
    const { code, stdout } = await run(['check', 'marks.txt']);
    expect(code).toBe(1);
    expect(marked).toBeGreaterThan(2);
    expect(stdout).toContain(`文中还有待填写的占位符（${marked}处）`);
    expect(stdout.match(/待填写的占位符/g)).toHaveLength(1);
    const places = stdout.split('\n').filter((l) => /^ {8}第\d+段 {2}“.*××.*”$/.test(l));
    expect(places).toHaveLength(marked);
  });

  it('--json keeps every finding and adds start, end and excerpt to where', async () => {
    const { stdout } = await run(['check', 'marks.txt', '--json']);
    const json = JSON.parse(stdout);
    const marks = json.findings.filter((f: { rule: string }) => f.rule === 'placeholder.remaining');
    expect(marks).toHaveLength(marked);
    for (const f of marks) {
      expect(f.where).toMatchObject({ text: '××', excerpt: expect.stringContaining('××') });
      expect(f.where.end - f.where.start).toBe(2);
    }
  });

  it('in English the count is plural', async () => {
    const { stdout } = await run(['check', 'marks.txt', '--lang', 'en-US']);
    expect(stdout).toContain(`Placeholders still to be filled in (${marked} places)`);
  });
});

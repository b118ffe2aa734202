/**
 * `gongwen check`: repeated findings of a rule are one entry listing its places; --json adds
 * start/end/excerpt to where; a .txt/.md input's places are its lines (第N行, `where.line`), a
 * .docx's its paragraphs (第N段).
 */
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
    const places = stdout.split('\n').filter((l) => /^ {8}第\d+行 {2}“.*××.*”$/.test(l));
    expect(places).toHaveLength(marked);
    // each line number points at the line of the file that holds the mark
    const file = fs.readFileSync(path.join(dir, 'marks.txt'), 'utf8').split('\n');
    for (const place of places) expect(file[Number(/第(\d+)行/.exec(place)![1]) - 1]).toContain('××');
  });

  it('--json gives the line of each place in a .txt; a Markdown file with CRLF, markup and a wrapped paragraph too', async () => {
    const { stdout } = await run(['check', 'marks.txt', '--json']);
    const file = fs.readFileSync(path.join(dir, 'marks.txt'), 'utf8').split('\n');
    const marks = JSON.parse(stdout).findings.filter((f: { rule: string }) => f.rule === 'placeholder.remaining');
    for (const f of marks) expect(file[f.where.line - 1]).toContain('××');
    const md = [
      '# 某某街道2023年度法治政府建设情况报告',
      '',
      '区人民政府：',
      '',
      '2023年，我街道深入贯彻落实**党中央**决策部署，现将有关情况报告如下：',
      '',
      '## 一、主要举措和成效',
      '',
      '（一）强化组织领导。召开专题会议研究部署法治政府建设工作，',
      '全年审查合同××份，重大行政决策均经合法性审查。',
      '',
      '## 二、存在的不足',
      '',
      '一是法治宣传形式单一。二是执法人员专业能力有待提升。【待核：3人】',
    ].join('\r\n');
    fs.writeFileSync(path.join(dir, 'wrapped.md'), md);
    const lines = JSON.parse((await run(['check', 'wrapped.md', '--json'])).stdout).findings.filter((f: { rule: string }) => f.rule === 'placeholder.remaining').map((f: { where: { line: number } }) => f.where.line);
    expect(lines).toEqual([10, 14]);
    const table = (await run(['check', 'wrapped.md'])).stdout;
    expect(table).toContain('第10行');
    expect(table).toContain('第14行');
  });

  it('a .docx input gives paragraphs (第N段) and no line', async () => {
    const out = path.join(dir, 'marks.docx');
    expect((await run(['export', 'marks.txt', '--out', out, '--force'])).code).toBe(0);
    const { stdout } = await run(['check', 'marks.docx']);
    expect(stdout.split('\n').filter((l) => /^ {8}第\d+段 {2}“.*××.*”$/.test(l))).toHaveLength(marked);
    expect(stdout).not.toMatch(/第\d+行/);
    const json = JSON.parse((await run(['check', 'marks.docx', '--json'])).stdout);
    for (const f of json.findings) expect(f.where.line).toBeNull();
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

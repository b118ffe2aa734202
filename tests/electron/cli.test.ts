/**
 * `gongwen check` and `gongwen export` run in-process through runCli (the same code the
 * bundle runs): contract JSON shape, tables, exit codes, and garbage in → exit 2 with one
 * clear line per bad file while the other files are still checked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli';
import { importText } from '../../shared/import/text';
import { buildDocx } from '../../shared/docx/build';
import { mountTinyFs, tinyFsUnavailable } from './services/tiny-fs';

const REPO = path.resolve(__dirname, '../..');
const FIXTURES = path.resolve(REPO, '../shared/fixtures');
let dir: string;

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, cwd: dir, env, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const fixture = (name: string) => path.join(FIXTURES, name);
const write = (name: string, data: string | Uint8Array) => {
  fs.writeFileSync(path.join(dir, name), data);
  return name;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-'));
  write('no-plan.txt', fs.readFileSync(fixture('report-zhaishang-2023.txt'), 'utf8').split('三、2024年度推进法治政府建设的主要安排')[0]!);
  write('empty.txt', '');
  write('binary.txt', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  write('one-line.txt', '法治'.repeat(900_000));
  const zip = new JSZip();
  zip.file('notes/readme.txt', 'not a Word document');
  write('fake.docx', await zip.generateAsync({ type: 'uint8array' }));
  write('broken.gwdraft', '{"format": "gongwen-draft", "document": ');
  write('report.pdf', '%PDF-1.4');
  write('notes.rtf', '{\\rtf1 x}');
  fs.mkdirSync(path.join(dir, 'folder.txt'));
  const doc = importText(fs.readFileSync(fixture('report-jinlanshan-2022.txt'), 'utf8'));
  write('jinlanshan.gwdraft', JSON.stringify(doc));
  write('jinlanshan.docx', await buildDocx(doc, { variant: 'official' }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('gongwen check', () => {
  it('a good report: table in zh-CN, exit 0', async () => {
    const r = await run(['check', fixture('report-zhaishang-2023.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('法治政府建设年度报告');
    // Its 第一责任人 part names no countable action: a hint (提示), which never blocks.
    expect(r.stdout).toContain('错误 0 项，警告 0 项，提示 1 项 — 可以导出');
    expect(r.stdout).toContain('quality.responsibilityConcrete');
  });

  it('--json has exactly the contract shape (jinlanshan, red header)', async () => {
    const r = await run(['check', fixture('report-jinlanshan-2022.txt'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['file', 'kind', 'sections', 'header', 'findings', 'exportable']);
    expect(json).toMatchObject({
      kind: 'fazhi-annual',
      sections: { measures: true, shortcomings: true, reasons: false, responsibility: true, plan: true, other: false },
      header: { issuer: ['中共新县金兰山街道工作委员会文件'], docNumber: '金文〔2023〕5号', signers: ['张健平', '余志强'], recipient: '县委、县政府', date: null },
      exportable: true,
    });
    expect(Object.keys(json.header)).toEqual(['issuer', 'docNumber', 'signers', 'recipient', 'title', 'date']);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'source', 'message', 'where']);
      expect(['规定', '条例', '国标', '实务']).toContain(f.source);
      // block and text always; field for a header finding (an extension; README).
      expect(Object.keys(f.where).filter((k) => k !== 'field' && k !== 'line')).toEqual(['block', 'text', 'start', 'end', 'excerpt']);
      expect(f.message).not.toMatch(/^checks\./);
    }
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('section.reasons');
  });

  it('absent header fields are null, signers []', async () => {
    const json = JSON.parse((await run(['check', fixture('report-chengxi-2024.txt'), '--json'])).stdout);
    expect(json.header).toMatchObject({ issuer: null, docNumber: null, signers: [], recipient: null, date: null });
    // Only a hint: its 不足 part is one sentence, about 2 % of the body.
    expect(json.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([['quality.shortcomingsToken', 'hint']]);
  });

  it('several files → a JSON array; an error finding → exit 1', async () => {
    const r = await run(['check', fixture('report-chengxi-2024.txt'), 'no-plan.txt', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(2);
    expect(json[1]).toMatchObject({ file: 'no-plan.txt', exportable: false, sections: { plan: false } });
    expect(json[1].findings[0]).toMatchObject({ rule: 'section.plan', severity: 'error', where: { block: null, text: '' } });
  });

  it('--lang en-US and LANG=en_US choose English', async () => {
    const a = await run(['check', 'no-plan.txt', '--lang', 'en-US']);
    expect(a.stdout).toContain("next year's plans is missing");
    const b = await run(['check', 'no-plan.txt'], { LANG: 'en_US.UTF-8' });
    expect(b.stdout).toContain('Error');
    const c = await run(['check', 'no-plan.txt'], { LANG: 'C.UTF-8' });
    expect(c.stdout).toContain('错误');
  });

  it('reads .gwdraft and .docx as well', async () => {
    const draft = JSON.parse((await run(['check', 'jinlanshan.gwdraft', '--json'])).stdout);
    expect(draft.header.docNumber).toBe('金文〔2023〕5号');
    expect(draft.sections).toMatchObject({ measures: true, shortcomings: true, responsibility: true, plan: true });
    const docx = await run(['check', 'jinlanshan.docx', '--json']);
    expect(docx.stderr).toBe('');
    expect(JSON.parse(docx.stdout).sections).toMatchObject({ measures: true, shortcomings: true, responsibility: true, plan: true });
  });

  it.each([
    ['empty.txt', /空/],
    ['binary.txt', /不是文本文件/],
    ['one-line.txt', /5\.1 MB的文字里没有一个换行/],
    ['fake.docx', /不是有效的 Word（\.docx）文档/],
    ['broken.gwdraft', /草稿文件已损坏/],
    ['report.pdf', /不是有效的 PDF/],
    ['notes.rtf', /不支持/],
    ['missing.txt', /找不到/],
    ['folder.txt', /文件夹/],
  ])('garbage %s → exit 2, one clear line naming the file, others still checked', async (name, why) => {
    const r = await run(['check', name, fixture('report-zhaishang-2023.txt')]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toMatch(why);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('report-zhaishang-2023.txt');
  });

  it('no English internals reach the Chinese messages (probe 7)', async () => {
    const r = await run(['check', 'fake.docx', 'broken.gwdraft', 'one-line.txt', fixture('report-zhaishang-2023.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).not.toMatch(/not-docx|corrupt-draft|Unexpected|JSON|个字符|[A-Za-z]{5,}(?!\.)[ :]/);
  });

  it('a device or a pipe is refused at once, never read (probe 7: check /dev/zero hung)', async () => {
    for (const special of ['/dev/zero', '/dev/urandom']) {
      const r = await run(['check', special, fixture('report-zhaishang-2023.txt')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${special}：不是普通文件`);
      expect(r.stdout).toContain('report-zhaishang-2023.txt');
    }
    if (process.platform !== 'win32') {
      const fifo = path.join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const r = await run(['check', 'pipe.txt']);
      expect(r.stderr).toContain('不是普通文件');
    }
  });

  it('usage errors → exit 2 with the usage line', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['check'])).stderr).toContain('gongwen check');
    expect((await run(['check', '--frobnicate', 'x.txt'])).code).toBe(2);
    expect((await run(['lint'])).stderr).toContain('lint');
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('gongwen check --public', () => {
  const withPersonal = () =>
    write(
      'personal.txt',
      fs.readFileSync(fixture('report-zhaishang-2023.txt'), 'utf8').replace('三、2024年度', '当事人张三因无证经营被处罚，其身份证号码522323198503124410，联系电话13800138000。\n三、2024年度'),
    );

  it('adds the public.* findings with rule id and place; exit 1 on the ID number; without --public none', async () => {
    const file = withPersonal();
    const plain = await run(['check', file, '--json']);
    expect(JSON.parse(plain.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('public.'))).toEqual([]);
    expect(plain.code).toBe(0);
    const r = await run(['check', file, '--json', '--public']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('public.'));
    expect(found.map((f: { rule: string; severity: string; source: string }) => [f.rule, f.severity, f.source])).toEqual([
      ['public.idNumber', 'error', '条例'],
      ['public.phone', 'warning', '条例'],
      ['public.personalName', 'warning', '条例'],
      // a text file carries no 保密审查 record: a hint, never blocking
      ['public.secrecyReview', 'hint', '条例'],
    ]);
    // 条例 here is 《政府信息公开条例》, not the source's default instrument: `basis` says which article.
    expect(found[0].basis).toContain('《中华人民共和国政府信息公开条例》（2019年修订）第十五条');
    expect(found[3].basis).toContain('第十七条');
    for (const f of found.slice(0, 3)) expect(typeof f.where.block).toBe('number');
    expect(found[0].where.text).toBe('522323198503124410');
    const table = await run(['check', file, '--public']);
    expect(table.stdout).toMatch(/public\.idNumber\s+〔条例〕\s+第\d+行/);
  });

  it('--allow-phone takes the office’s own line out; export --public refuses the ID number and writes nothing', async () => {
    const file = withPersonal();
    const allowed = JSON.parse((await run(['check', file, '--json', '--public', '--allow-phone', '138 0013 8000'])).stdout);
    expect(allowed.findings.map((f: { rule: string }) => f.rule)).not.toContain('public.phone');
    const r = await run(['export', file, '--out', 'public.docx', '--public']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('身份证号码');
    expect(fs.existsSync(path.join(dir, 'public.docx'))).toBe(false);
    expect((await run(['export', file, '--out', 'official.docx'])).code).toBe(0);
  });
});

describe('gongwen calendar', () => {
  it('prints the dates of a level and year; --json; a bad level or year → exit 2', async () => {
    const r = await run(['calendar', '--level', '县级部门', '--year', '2026']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026年度法治政府建设年度报告（县级部门）');
    expect(r.stdout).toMatch(/报送截止\s+2027年3月1日/);
    expect(r.stdout).toMatch(/公开截止\s+2027年4月1日/);
    const province = JSON.parse((await run(['calendar', '--level', '省级', '--year', '2025', '--json'])).stdout);
    expect(province).toEqual({ level: 'province', reportYear: 2025, deadlines: [{ id: 'submit', date: '2026-04-01' }, { id: 'publish', date: '2026-04-01' }] });
    const bad = await run(['calendar', '--level', '村级', '--year', '2026']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('村级');
    expect((await run(['calendar', '--level', '街道', '--year', '26'])).code).toBe(2);
  });
});

describe('gongwen export', () => {
  it('export of two files says it takes one at a time (zh-CN and en-US), writes nothing, exit 2', async () => {
    const zh = await run(['export', fixture('report-zhaishang-2023.txt'), fixture('report-chengxi-2024.txt'), '--out', 'two.docx']);
    expect(zh.code).toBe(2);
    expect(zh.stderr.split('\n')[0]).toBe('一次只能导出一个文件（给出了 2 个），请逐个导出。');
    const en = await run(['export', fixture('report-zhaishang-2023.txt'), fixture('report-chengxi-2024.txt'), '--out', 'two.docx', '--lang', 'en-US']);
    expect(en.stderr.split('\n')[0]).toBe('Export takes one file at a time (2 given); export them one by one.');
    expect(fs.existsSync(path.join(dir, 'two.docx'))).toBe(false);
  });

  it('export with no file asks for the file to export; --out that is not a .docx name is refused, nothing written', async () => {
    const none = await run(['export', '--out', 'x.docx']);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('请给出要导出的文件。');
    expect((await run(['export', '--out', 'x.docx', '--lang', 'en-US'])).stderr.split('\n')[0]).toBe('Give the file to export.');
    for (const name of ['out.txt', 'out.pdf', 'out']) {
      const r = await run(['export', fixture('report-zhaishang-2023.txt'), '--out', name, '--force']);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(`${name} 不是 .docx 文件名`);
      expect(fs.existsSync(path.join(dir, name)), name).toBe(false);
    }
    expect((await run(['export', fixture('report-zhaishang-2023.txt'), '--out', 'Out.DOCX'])).code).toBe(0);
  });

  it('writes a .docx for a report without errors, refuses to overwrite without --force', async () => {
    const first = await run(['export', fixture('report-zhaishang-2023.txt'), '--out', 'out.docx']);
    expect(first.code).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, 'out.docx'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const again = await run(['export', fixture('report-zhaishang-2023.txt'), '--out', 'out.docx']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await run(['export', fixture('report-zhaishang-2023.txt'), '--out', 'out.docx', '--force', '--public'])).code).toBe(0);
  });

  it('refuses a report with errors (exit 1, lists them, writes nothing) unless --force', async () => {
    const r = await run(['export', 'no-plan.txt', '--out', 'blocked.docx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('下一年度');
    expect(fs.existsSync(path.join(dir, 'blocked.docx'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('blocked'))).toEqual([]);
    expect((await run(['export', 'no-plan.txt', '--out', 'blocked.docx', '--force'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'blocked.docx'))).toBe(true);
  });

  it('refuses an --out that is the input itself: same path, through a symlink, a hard link (probe 4)', async () => {
    const report = fs.readFileSync(fixture('report-zhaishang-2023.txt'));
    write('in.txt', report);
    fs.symlinkSync(path.join(dir, 'in.txt'), path.join(dir, 'link.docx'));
    fs.linkSync(path.join(dir, 'in.txt'), path.join(dir, 'hard.docx'));
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const out of ['in.txt', './sub/../in.txt', path.join(dir, 'in.txt'), 'link.docx', 'hard.docx']) {
      const r = await run(['export', 'in.txt', '--out', out, '--force']);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain('就是要导出的文件本身');
      expect(fs.readFileSync(path.join(dir, 'in.txt')).equals(report)).toBe(true);
    }
    // and the other way round: the input named through a symlink
    expect((await run(['export', 'link.docx', '--out', 'in.txt', '--force'])).stderr).toContain('就是要导出的文件本身');
    expect(fs.readFileSync(path.join(dir, 'in.txt')).equals(report)).toBe(true);
  });

  it('--out DIR: one clear message, with or without --force, nothing written', async () => {
    fs.mkdirSync(path.join(dir, 'outdir'));
    for (const extra of [[], ['--force']]) {
      const r = await run(['export', fixture('report-zhaishang-2023.txt'), '--out', 'outdir', ...extra]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('“outdir”是一个文件夹');
      expect(r.stderr).not.toMatch(/--force|EISDIR|rename|tmp-/);
    }
    expect(fs.readdirSync(path.join(dir, 'outdir'))).toEqual([]);
  });

  it('--out where no file can go: each place says why in the user\'s language (/proc, no folder, a file as folder, a device), nothing raw', async () => {
    const report = fixture('report-zhaishang-2023.txt');
    write('afile.txt', 'x');
    fs.symlinkSync('/dev/null', path.join(dir, 'device.docx'));
    const cases: [string, string, string][] = [
      // /proc exists but refuses to create files (ENOENT): not "the folder does not exist"
      ...(fs.existsSync('/proc/self') ? [['/proc/x.docx', '不能在“/proc”中新建文件', 'Files cannot be created in “/proc”'] as [string, string, string]] : []),
      ['no-such-folder/x.docx', '“x.docx”所在的文件夹不存在', 'The folder of “x.docx” does not exist'],
      ['afile.txt/x.docx', '“x.docx”的路径中有一处是文件而不是文件夹', 'Part of the path to “x.docx” is a file'],
      ['device.docx', '“device.docx”不是普通文件', '“device.docx” is not an ordinary file'],
      [`${'法'.repeat(90)}.docx`, '文件名或路径太长', 'The file name or path is too long'],
      ['con.docx', '“con.docx”是 Windows 的设备名', '“con.docx” is a Windows device name'],
      ['LPT1.final.docx', '“LPT1.final.docx”是 Windows 的设备名', 'is a Windows device name'],
    ];
    for (const [out, zh, en] of cases) {
      for (const extra of [[], ['--force']]) {
        const r = await run(['export', report, '--out', out, ...extra]);
        expect(r.code, out).toBe(1);
        expect(r.stderr, out).toContain(zh);
        expect(r.stderr, out).not.toMatch(/--force|rename|tmp-|Error|errno|syscall|open '|at [a-z]/);
      }
      expect((await run(['export', report, '--out', out, '--lang', 'en-US'])).stderr, out).toContain(en);
    }
    expect(fs.readlinkSync(path.join(dir, 'device.docx'))).toBe('/dev/null');
    expect(fs.existsSync(path.join(dir, 'con.docx'))).toBe(false);
    // Names that only look like one stay allowed.
    expect((await run(['export', report, '--out', 'console.docx'])).code).toBe(0);
  });

  it.skipIf(tinyFsUnavailable !== null)('--out on a read-only file system says the disk is read-only (EROFS), not "no permission"', async () => {
    const disk = mountTinyFs(256);
    try {
      disk.setReadOnly(true);
      const out = path.join(disk.dir, 'x.docx');
      const zh = await run(['export', fixture('report-zhaishang-2023.txt'), '--out', out]);
      expect(zh.code).toBe(1);
      expect(zh.stderr).toContain('“x.docx”所在的磁盘是只读的');
      expect((await run(['export', fixture('report-zhaishang-2023.txt'), '--out', out, '--lang', 'en-US'])).stderr).toContain('The disk holding “x.docx” is read-only');
    } finally {
      disk.unmount();
    }
  });

  it('an unreadable input → exit 2; a missing --out → exit 2', async () => {
    expect((await run(['export', 'empty.txt', '--out', 'x.docx'])).code).toBe(2);
    expect((await run(['export', 'no-plan.txt'])).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
});

/**
 * The Node side of the contract, as the desktop app and the preview wire it: the checks
 * run again before anything is written, so no renderer can bypass the gate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/api';
import { wireServices, type Wired } from '../../electron/services/wire';
import { importText } from '../../shared/import/text';
import type { GongwenDocument } from '../../shared/model';

const TEMPLATES = path.resolve(__dirname, '../../templates');
const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const fixture = (name: string) => importText(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

describe('wired services', () => {
  let wired: Wired;
  let dataDir: string;
  let chosen: string | null;
  const call = (channel: string, payload?: unknown) => dispatch(wired.handlers, channel, payload);

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-wire-'));
    chosen = null;
    wired = wireServices({ dataDir, templatesDir: TEMPLATES, shell: 'preview', version: 't', today: () => '2025-01-20' });
  });

  it('a new report from the standard template is refused for export: guidance is left and the header is empty', async () => {
    const made = await call('templates:instantiate', { templateId: 'fazhi-annual', today: '2025-01-20' });
    expect(made.ok).toBe(true);
    const doc = (made as { value: GongwenDocument }).value;
    expect(doc.reportYear).toBe(2024);
    const refused = await call('export:run', { document: doc, format: 'docx', variant: 'official', acceptWarnings: true, draftId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'export-blocked' } });
    expect((refused as { error: { details: string[] } }).error.details.length).toBeGreaterThan(0);
  });

  it('the 公开版 export is screened: an ID number refuses it naming the place, the official one is not; removed, it exports', async () => {
    const clean = fixture('report-zhaishang-2023.txt');
    const doc: GongwenDocument = { ...clean, header: { ...clean.header, note: '联系人：王明，电话：0851-8221234' } };
    const tainted = importText(fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8').replace('三、2024年度', '当事人身份证号码522323198503124410已登记。\n三、2024年度'));
    const withNote: GongwenDocument = { ...tainted, header: { ...tainted.header, note: doc.header.note } };
    const refused = await call('export:run', { document: withNote, format: 'docx', variant: 'public', acceptWarnings: true, draftId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'export-blocked' } });
    expect((refused as { error: { details: string[] } }).error.details.join('\n')).toContain('5223**********4410');
    expect(wired.check(withNote, 'public').findings.find((f) => f.rule === 'public.idNumber')!.where.block).toBeGreaterThan(0);
    expect((await call('export:run', { document: withNote, format: 'docx', variant: 'official', acceptWarnings: true, draftId: null })).ok).toBe(true);
    // Without the number: the phone in 附注 is a warning to confirm, unless it is the office's published line.
    const needs = await call('export:run', { document: doc, format: 'docx', variant: 'public', acceptWarnings: false, draftId: null });
    expect(needs).toMatchObject({ ok: false, error: { code: 'export-needs-confirmation' } });
    const profile = { id: 'p1', name: '寨上街道', issuerLines: [], agencyCode: '', recipient: '', signers: [], signingOrgans: [], printOrgan: '', publicPhones: ['0851-8221234'], level: 'township' };
    expect((await call('settings:update', { profiles: [profile], activeProfileId: 'p1' })).ok).toBe(true);
    expect((await call('export:run', { document: doc, format: 'docx', variant: 'public', acceptWarnings: false, draftId: null })).ok).toBe(true);
  });

  it('a 公开版 export of a draft: kept screening warnings need a named person; the history records them with the 保密审查', async () => {
    const clean = fixture('report-zhaishang-2023.txt');
    const doc: GongwenDocument = { ...clean, header: { ...clean.header, note: '联系人：王明，电话：13800138000' } };
    const created = (await call('drafts:create', { document: doc })) as { ok: true; value: { id: string } };
    const id = created.value.id;
    const reviewed = (await call('drafts:approve', { id, document: doc, approval: { type: 'secrecyReview', reviewer: '李保密', date: '2025-01-18', conclusion: 'publish', note: '' } })) as { ok: true; value: { document: GongwenDocument } };
    const current = reviewed.value.document;
    const anonymous = await call('export:run', { document: current, format: 'docx', variant: 'public', acceptWarnings: true, draftId: id });
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'export-needs-acceptance', values: { count: 1 } } });
    const done = await call('export:run', { document: current, format: 'docx', variant: 'public', acceptWarnings: true, draftId: id, acceptance: { by: '李保密', reason: '联系人同意公开' } });
    expect(done.ok).toBe(true);
    const history = (done as { value: { history: { type: string; by: string; reason: string; accepted: { rule: string; text: string; message: string }[]; secrecyReview: { reviewer: string } | null; secrecyReviewCurrent: boolean } } }).value.history;
    expect(history).toMatchObject({ type: 'publicExport', by: '李保密', reason: '联系人同意公开', secrecyReview: { reviewer: '李保密' }, secrecyReviewCurrent: true });
    expect(history.accepted.find((a) => a.rule === 'public.phone')).toMatchObject({ text: '13800138000' });
    const saved = (await call('drafts:get', { id })) as { ok: true; value: { document: GongwenDocument } };
    expect(saved.value.document.approvals!.history.map((e) => e.type)).toEqual(['secrecyReview', 'publicExport']);
    // The official version needs no name and records nothing.
    const official = await call('export:run', { document: current, format: 'docx', variant: 'official', acceptWarnings: true, draftId: id });
    expect(official).toMatchObject({ ok: true, value: { history: null } });
  });

  it('the refusal names the place of each error (正文第 N 段, a header field)', async () => {
    const tainted = importText(fs.readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8').replace('三、2024年度', '当事人身份证号码522323198503124410已登记。\n三、2024年度'));
    const doc: GongwenDocument = { ...tainted, header: { ...tainted.header, secrecy: '秘密★1年' } };
    const block = wired.check(doc, 'public').findings.find((f) => f.rule === 'public.idNumber')!.where.block!;
    const refused = (await call('export:run', { document: doc, format: 'docx', variant: 'public', acceptWarnings: true, draftId: null })) as { ok: false; error: { details: string[] } };
    expect(refused.error.details.find((d) => d.includes('5223**********4410'))).toContain(`（位置：正文第 ${block + 1} 段）`);
    expect(refused.error.details.find((d) => d.includes('秘密★1年'))).toContain('（位置：密级和保密期限）');
  });

  it('a clean real report exports to a .docx the browser can download', async () => {
    const doc = fixture('report-zhaishang-2023.txt');
    const result = await call('export:run', { document: doc, format: 'docx', variant: 'official', acceptWarnings: false, draftId: null });
    expect(result.ok).toBe(true);
    const value = (result as { value: { base64: string; fileName: string } }).value;
    expect(value.fileName).toBe('寨上街道办事处2023年度法治政府建设情况报告（正式版）.docx');
    const zip = await JSZip.loadAsync(Buffer.from(value.base64, 'base64'));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('主要工作举措及成效');
  });

  it('warnings need the confirmation, which the renderer sends only after asking', async () => {
    const doc = fixture('report-jinlanshan-2022.txt'); // half-width (二) headings → warnings
    expect(wired.check(doc).counts.warning).toBeGreaterThan(0);
    const unconfirmed = await call('export:run', { document: doc, format: 'docx', variant: 'official', acceptWarnings: false, draftId: null });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'export-needs-confirmation' } });
    const confirmed = await call('export:run', { document: doc, format: 'docx', variant: 'public', acceptWarnings: true, draftId: null });
    expect(confirmed.ok).toBe(true);
  });

  it('in the desktop app the file goes where the save dialog says, and nothing is written when errors remain', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-out-'));
    wired = wireServices({
      dataDir,
      templatesDir: TEMPLATES,
      shell: 'electron',
      version: 't',
      today: () => '2025-01-20',
      chooseExportPath: async (name) => (chosen = path.join(outDir, name)),
    });
    const good = await call('export:run', { document: fixture('report-chengxi-2024.txt'), format: 'docx', variant: 'official', acceptWarnings: true, draftId: null });
    expect(good).toMatchObject({ ok: true, value: { base64: null } });
    expect(fs.existsSync(chosen!)).toBe(true);
    const settings = await call('settings:get');
    expect(settings).toMatchObject({ ok: true, value: { lastExportDir: outDir } });

    const broken = fixture('report-chengxi-2024.txt');
    broken.header.title = '';
    const before = fs.readdirSync(outDir).length;
    const refused = await call('export:run', { document: broken, format: 'docx', variant: 'official', acceptWarnings: true, draftId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'export-blocked' } });
    expect(fs.readdirSync(outDir).length).toBe(before);
  });

  it('导出 PDF: the preview says to use the print window; the desktop app re-checks and writes the requested variant where the dialog says', async () => {
    const doc = fixture('report-zhaishang-2023.txt');
    expect(await call('export:run', { document: doc, format: 'pdf', variant: 'official', acceptWarnings: true, draftId: null })).toMatchObject({ ok: false, error: { code: 'pdf-in-browser' } });
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-pdf-'));
    const printed: string[] = [];
    const formats: string[] = [];
    wired = wireServices({
      dataDir,
      templatesDir: TEMPLATES,
      shell: 'electron',
      version: 't',
      today: () => '2025-01-20',
      chooseExportPath: async (name, _dir, format) => {
        formats.push(format);
        return (chosen = path.join(outDir, name));
      },
      printToPdf: async (variant) => {
        printed.push(variant);
        return new Uint8Array([37, 80, 68, 70, 45]);
      },
    });
    const broken = { ...doc, header: { ...doc.header, title: '' } };
    expect(await call('export:run', { document: broken, format: 'pdf', variant: 'official', acceptWarnings: true, draftId: null })).toMatchObject({ ok: false, error: { code: 'export-blocked' } });
    expect(printed).toEqual([]);
    const done = await call('export:run', { document: doc, format: 'pdf', variant: 'public', acceptWarnings: true, draftId: null });
    expect(done).toMatchObject({ ok: true, value: { base64: null, fileName: '寨上街道办事处2023年度法治政府建设情况报告（公开版）.pdf' } });
    expect(printed).toEqual(['public']);
    expect(formats).toEqual(['pdf']);
    expect(fs.readFileSync(chosen!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a cancelled save dialog writes nothing and changes nothing', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-cancel-'));
    wired = wireServices({ dataDir, templatesDir: TEMPLATES, shell: 'electron', version: 't', today: () => '2025-01-20', chooseExportPath: async () => null });
    const r = await call('export:run', { document: fixture('report-zhaishang-2023.txt'), format: 'docx', variant: 'official', acceptWarnings: true, draftId: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(fs.readdirSync(outDir)).toEqual([]);
    expect(await call('settings:get')).toMatchObject({ ok: true, value: { lastExportDir: null } });
  });

  it('drafts round-trip through the handlers with their check state', async () => {
    const created = await call('drafts:create', { document: fixture('report-zhaishang-2023.txt') });
    expect(created.ok).toBe(true);
    const list = await call('drafts:list');
    expect(list).toMatchObject({ ok: true, value: { drafts: [{ title: '寨上街道办事处2023年度法治政府建设情况报告', checkState: 'ok', reportYear: 2023 }] } });
  });

  it('opens a .gwdraft the OS hands over (file association) as a new draft', async () => {
    const created = (await call('drafts:create', { document: fixture('report-zhaishang-2023.txt') })) as { value: { id: string } };
    const exported = (await call('drafts:exportFile', { id: created.value.id })) as { value: { base64: string } };
    const usb = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-usb-')), 'U盘 报告.gwdraft');
    fs.writeFileSync(usb, Buffer.from(exported.value.base64, 'base64'));
    const opened = await call('drafts:openPath', { path: usb });
    expect(opened).toMatchObject({ ok: true, value: { document: { header: { title: '寨上街道办事处2023年度法治政府建设情况报告' } } } });
    expect(await call('drafts:openPath', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await call('drafts:openPath', { path: path.join(path.dirname(usb), 'gone.gwdraft') })).toMatchObject({ ok: false, error: { code: 'read-failed', messageKey: 'drafts.errors.openFailed' } });
  });

  it('fills a new report from the office profile and suggests the next 文号 after an export', async () => {
    const profile = { id: 'jls', name: '金兰山街道', issuerLines: ['中共新县金兰山街道工作委员会文件'], agencyCode: '金文', recipient: '县委、县政府', signers: ['张健平', '余志强'], signingOrgans: ['中共新县金兰山街道工作委员会'], printOrgan: '金兰山街道党政办公室' };
    expect(await call('settings:update', { profiles: [profile], activeProfileId: 'jls' })).toMatchObject({ ok: true });
    const first = (await call('templates:instantiate', { templateId: 'fazhi-annual', today: '2025-01-20' })) as { value: GongwenDocument };
    expect(first.value.header).toMatchObject({ issuerLines: ['中共新县金兰山街道工作委员会文件'], docNumber: '金文〔2025〕1号', signers: ['张健平', '余志强'], recipient: '县委、县政府' });
    expect(first.value.header.title).toBe('中共新县金兰山街道工作委员会关于2024年度法治政府建设情况的报告');
    const report = fixture('report-jinlanshan-2022.txt');
    report.header.docNumber = '金文〔2025〕7号';
    expect((await call('export:run', { document: report, format: 'docx', variant: 'official', acceptWarnings: true, draftId: null })).ok).toBe(true);
    const next = (await call('templates:instantiate', { templateId: 'fazhi-annual', today: '2025-01-20' })) as { value: GongwenDocument };
    expect(next.value.header.docNumber).toBe('金文〔2025〕8号');
  });
});

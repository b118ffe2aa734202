import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HomeScreen } from '../../../renderer/features/home/HomeScreen';
import { docWith, fakePlatform, renderWith, summary } from './fake-platform';

const saved = docWith('报告', '上次保存的');
const recovered = docWith('报告', '崩溃前输入的');
const list = { drafts: [summary('draft-1', '报告')], trash: [], setAside: [] };

function withRecovery() {
  return fakePlatform(list, {
    'drafts:get': async () => ({ ok: true, value: { id: 'draft-1', document: saved, modifiedAt: '2025-01-10T08:00:00.000Z', recovered, revision: 6 } }),
    'drafts:save': async () => ({ ok: true, value: { modifiedAt: '2025-01-10T09:00:00.000Z', revision: 7 } }),
  });
}

async function openFirst() {
  const row = await screen.findByRole('listitem', { name: '报告' });
  fireEvent.click(within(row).getByRole('button', { name: '打开' }));
  return screen.findByRole('alertdialog', { name: '发现未保存的内容' });
}

describe('crash recovery on open', () => {
  it('恢复 saves the recovered text and opens it', async () => {
    const { platform, api } = withRecovery();
    const onOpen = vi.fn();
    renderWith(platform, <HomeScreen onOpen={onOpen} />);
    const prompt = await openFirst();
    expect(prompt.textContent).toContain('“报告”在上次保存');
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.click(within(prompt).getByRole('button', { name: '恢复' }));
    // the save names the revision the recovery was offered on; the editor opens at the saved one
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('draft-1', recovered, 7));
    expect(api['drafts:save']).toHaveBeenCalledWith({ id: 'draft-1', document: recovered, baseRevision: 6 });
  });

  it('放弃 opens the saved version (and the save clears the journal, so the question is not asked again)', async () => {
    const { platform, api } = withRecovery();
    const onOpen = vi.fn();
    renderWith(platform, <HomeScreen onOpen={onOpen} />);
    fireEvent.click(within(await openFirst()).getByRole('button', { name: '放弃' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('draft-1', saved, 7));
    expect(api['drafts:save']).toHaveBeenCalledWith({ id: 'draft-1', document: saved, baseRevision: 6 });
  });

  it('a draft without recovered typing opens straight away', async () => {
    const { platform } = fakePlatform(list, { 'drafts:get': async () => ({ ok: true, value: { id: 'draft-1', document: saved, modifiedAt: '', recovered: null, revision: 3 } }) });
    const onOpen = vi.fn();
    renderWith(platform, <HomeScreen onOpen={onOpen} />);
    const row = await screen.findByRole('listitem', { name: '报告' });
    fireEvent.click(within(row).getByRole('button', { name: '打开' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('draft-1', saved, 3));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

function pick(file: File) {
  const input = screen.getByLabelText('导入文件', { selector: 'input' }) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('导入文件', () => {
  it('a .gwdraft goes to drafts:importFile as base64', async () => {
    const made = { id: 'draft-9', document: docWith('导入的草稿'), modifiedAt: '', recovered: null };
    const { platform, api } = fakePlatform(list, { 'drafts:importFile': async () => ({ ok: true, value: made }) });
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    await screen.findByRole('listitem', { name: '报告' });
    pick(new File(['{"format":"gongwen-draft"}'], '去年.gwdraft'));
    expect(await screen.findByText('已导入“导入的草稿”，列在草稿最上面。')).toBeTruthy();
    const call = api['drafts:importFile']!.mock.calls[0]![0] as { file: { name: string; base64: string } };
    expect(call.file.name).toBe('去年.gwdraft');
    expect(atob(call.file.base64)).toBe('{"format":"gongwen-draft"}');
    expect(api['import:file']).toBeUndefined();
  });

  it('a .txt goes through import:file, then drafts:create', async () => {
    const doc = docWith('关于2024年度法治政府建设情况的报告');
    const { platform, api } = fakePlatform(list, {
      'import:file': async () => ({ ok: true, value: doc }),
      'drafts:create': async () => ({ ok: true, value: { id: 'draft-8', document: doc, modifiedAt: '', recovered: null } }),
    });
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    await screen.findByRole('listitem', { name: '报告' });
    pick(new File(['关于2024年度法治政府建设情况的报告'], 'report.txt', { type: 'text/plain' }));
    await screen.findByText(/已导入“关于2024年度/);
    expect(api['import:file']).toHaveBeenCalledWith(expect.objectContaining({ file: expect.objectContaining({ name: 'report.txt' }), today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
    expect(api['drafts:create']).toHaveBeenCalledWith({ document: doc });
  });

  it('a refused file shows the reason in Chinese and creates nothing', async () => {
    const { platform, api } = fakePlatform(list, {
      'import:file': async () => ({ ok: false, error: { code: 'pdf-scanned', messageKey: 'import.errors.pdfScanned', values: { name: 'old.pdf', count: 3 } } }),
      'drafts:create': async () => ({ ok: true, value: null }),
    });
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    await screen.findByRole('listitem', { name: '报告' });
    pick(new File(['x'], 'old.pdf'));
    expect((await screen.findByRole('alert')).textContent).toContain('这是扫描件，无法读取文字：文件“old.pdf”的 3 页都只有图片');
    expect(api['drafts:create']).not.toHaveBeenCalled();
  });
});

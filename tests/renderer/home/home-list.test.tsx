import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HomeScreen } from '../../../renderer/features/home/HomeScreen';
import { visibleDrafts } from '../../../renderer/features/home/sort';
import { docWith, fakePlatform, renderWith, summary } from './fake-platform';

const three = [
  summary('draft-b', '城西街道2024年度法治政府建设情况的报告', { modifiedAt: '2025-01-12T08:00:00.000Z', reportYear: 2024, checkState: 'errors' }),
  summary('draft-a', '金兰山街道2022年度报告', { modifiedAt: '2025-01-11T08:00:00.000Z', reportYear: 2022, checkState: 'warnings' }),
  summary('draft-c', '安全生产工作总结', { modifiedAt: '2025-01-10T08:00:00.000Z', reportYear: null, kind: 'generic', checkState: 'unknown' }),
];

const titles = () => screen.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));

describe('the drafts list', () => {
  it('shows each draft with its kind, year, time and check state in words', async () => {
    const { platform } = fakePlatform({ drafts: three, trash: [], setAside: [] });
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    const row = await screen.findByRole('listitem', { name: /城西街道/ });
    expect(within(row).getByText('法治政府建设年度报告')).toBeTruthy();
    expect(within(row).getByText('2024 年度')).toBeTruthy();
    expect(within(row).getByText('有错误').className).toContain('check-errors');
    expect(within(row).getByText(/^修改于 /)).toBeTruthy();
    const generic = screen.getByRole('listitem', { name: '安全生产工作总结' });
    expect(within(generic).getByText('通用报告')).toBeTruthy();
    expect(within(generic).getByText('未标年度')).toBeTruthy();
    expect(within(generic).getByText('未检查')).toBeTruthy();
    expect(screen.getByText('有提醒')).toBeTruthy();
    expect(screen.getByText('共 3 份')).toBeTruthy();
  });

  it('filters by title and sorts by modified, title and year', async () => {
    const { platform } = fakePlatform({ drafts: three, trash: [], setAside: [] });
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    await screen.findByRole('listitem', { name: /城西街道/ });
    expect(titles()).toEqual([three[0]!.title, three[1]!.title, three[2]!.title]);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索标题' }), { target: { value: '街道' } });
    expect(titles()).toHaveLength(2);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索标题' }), { target: { value: '不存在' } });
    expect(screen.getByText('没有标题包含“不存在”的草稿。')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索标题' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'year' } });
    expect(titles()).toEqual([three[0]!.title, three[1]!.title, three[2]!.title]);
    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'title' } });
    // pinyin order: an(全) < cheng(城) < jin(金)
    expect(titles()).toEqual([three[2]!.title, three[0]!.title, three[1]!.title]);
  });

  it('sorting helper: untitled last by title, no year last by year, spaces and width ignored in search', () => {
    const list = [summary('x1', '', { reportYear: 2023 }), summary('x2', 'Ｂ 报告', { reportYear: null }), summary('x3', 'A报告', { reportYear: 2021 })];
    expect(visibleDrafts(list, '', 'title', 'zh-CN').map((d) => d.id)).toEqual(['x3', 'x2', 'x1']);
    expect(visibleDrafts(list, '', 'year', 'zh-CN').map((d) => d.id)).toEqual(['x1', 'x3', 'x2']);
    expect(visibleDrafts(list, 'b报', 'modified', 'zh-CN').map((d) => d.id)).toEqual(['x2']);
  });

  it('删除 moves to the trash with an undo; 撤销 restores it', async () => {
    const { platform, api, state } = fakePlatform(
      { drafts: three, trash: [], setAside: [] },
      {
        'drafts:delete': async () => {
          state.list = { drafts: three.slice(1), trash: [{ ...three[0]!, deletedAt: '2025-01-13T08:00:00.000Z' }], setAside: [] };
          return { ok: true, value: { deletedAt: '2025-01-13T08:00:00.000Z' } };
        },
        'drafts:restoreFromTrash': async () => {
          state.list = { drafts: three, trash: [], setAside: [] };
          return { ok: true, value: three[0] };
        },
      },
    );
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    const row = await screen.findByRole('listitem', { name: /城西街道/ });
    fireEvent.click(within(row).getByRole('button', { name: '删除' }));
    const notice = await screen.findByText(/已将“城西街道.*”移到回收站/);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /城西街道/ })).toBeNull());
    expect(screen.getByRole('button', { name: '回收站（1）' })).toBeTruthy();
    fireEvent.click(within(notice.closest('.home-notice') as HTMLElement).getByRole('button', { name: '撤销' }));
    await screen.findByRole('listitem', { name: /城西街道/ });
    expect(api['drafts:restoreFromTrash']).toHaveBeenCalledWith({ id: 'draft-b' });
  });

  it('回收站 lists deleted drafts with the 30-day note and 恢复', async () => {
    const { platform, api } = fakePlatform(
      { drafts: [], trash: [{ ...three[1]!, deletedAt: '2025-01-13T08:00:00.000Z' }], setAside: [] },
      { 'drafts:restoreFromTrash': async () => ({ ok: true, value: three[1] }) },
    );
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: '回收站（1）' }));
    expect(screen.getByText('回收站中的草稿保留 30 天，之后自动清除。')).toBeTruthy();
    const row = screen.getByRole('listitem', { name: /金兰山/ });
    expect(within(row).getByText(/^删除于 /)).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(api['drafts:restoreFromTrash']).toHaveBeenCalledWith({ id: 'draft-a' }));
    expect(await screen.findByText(/已从回收站恢复/)).toBeTruthy();
  });

  it('drafts set aside as corrupt are explained, and the note says the file was kept', async () => {
    const { platform } = fakePlatform({ drafts: three, trash: [], setAside: [
        { fileName: 'abc123.gwdraft', reasonKey: 'drafts.corrupt.parse', where: 'drafts/quarantine/abc123.gwdraft', moved: true },
        { fileName: 'ro0001.gwdraft', reasonKey: 'drafts.corrupt.tooLarge', where: 'drafts/ro0001.gwdraft', moved: false },
      ],
    });
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    expect(await screen.findByText('无法打开的草稿')).toBeTruthy();
    expect(screen.getByText('文件：abc123.gwdraft')).toBeTruthy();
    expect(screen.getByText(/已损坏，无法读取/)).toBeTruthy();
    expect(screen.getByText('已移到 drafts/quarantine/abc123.gwdraft（没有删除）。')).toBeTruthy();
    expect(screen.getByText(/过大（超过 50 MB）/)).toBeTruthy();
    expect(screen.getByText(/暂时无法移开，文件仍在 drafts\/ro0001.gwdraft/)).toBeTruthy();
  });

  it('复制 and 以去年报告新建 report what they made (the rollover with its count of figures to review)', async () => {
    const copy = { id: 'draft-d', document: docWith('城西街道2024年度法治政府建设情况的报告'), modifiedAt: '', recovered: null };
    const rolled = { id: 'draft-e', document: docWith('城西街道2025年度法治政府建设情况的报告', '正文', 2025), modifiedAt: '', recovered: null, figuresMarked: 7 };
    const { platform, api } = fakePlatform(
      { drafts: three, trash: [], setAside: [] },
      { 'drafts:duplicate': async () => ({ ok: true, value: copy }), 'drafts:rollover': async () => ({ ok: true, value: rolled }) },
    );
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />);
    const row = await screen.findByRole('listitem', { name: /城西街道/ });
    fireEvent.click(within(row).getByRole('button', { name: '复制' }));
    expect(await screen.findByText('已复制为新草稿“城西街道2024年度法治政府建设情况的报告”。')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '以去年报告新建' }));
    expect(await screen.findByText(/7 处数字已标为【待核：…】/)).toBeTruthy();
    expect(api['drafts:rollover']).toHaveBeenCalledWith({ id: 'draft-b' });
    expect(api['drafts:list']!.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('an error is shown in the user’s language', async () => {
    const { platform } = fakePlatform(
      { drafts: three, trash: [], setAside: [] },
      { 'drafts:get': async () => ({ ok: false, error: { code: 'draft-not-found', messageKey: 'drafts.errors.notFound', values: { id: 'draft-b' } } }) },
    );
    renderWith(platform, <HomeScreen onOpen={vi.fn()} />, 'en-US');
    const row = await screen.findByRole('listitem', { name: /城西街道/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This draft was not found');
  });
});

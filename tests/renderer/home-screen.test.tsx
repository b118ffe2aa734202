import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../shared/i18n';
import { PlatformContext } from '../../renderer/platform/context';
import type { Platform } from '../../renderer/platform/client';
import { HomeScreen } from '../../renderer/features/home/HomeScreen';
import { fromBlocks, emptyHeader, type GongwenDocument } from '../../shared/model';

const doc: GongwenDocument = { schemaVersion: 1, kind: 'generic', reportYear: 2025, header: emptyHeader(), body: fromBlocks([{ type: 'paragraph', text: '正文' }]) };

function fakePlatform(): Platform {
  const api = {
    'drafts:list': vi.fn(async () => ({ ok: true, value: { drafts: [], trash: [], setAside: [] } })),
    'settings:get': vi.fn(async () => ({ ok: true, value: { language: 'zh-CN', activeProfileId: null, profiles: [], lastExportDir: null, nextDocNumbers: {} } })),
    'templates:list': vi.fn(async () => ({ ok: true, value: [{ id: 'fazhi-annual', name: { 'zh-CN': '法治政府建设年度报告', 'en-US': 'Annual report' }, description: { 'zh-CN': '标准模板', 'en-US': 'Standard' } }] })),
    'templates:instantiate': vi.fn(async () => ({ ok: true, value: doc })),
    'drafts:create': vi.fn(async () => ({ ok: true, value: { id: 'draft01', document: doc, modifiedAt: '', recovered: null, revision: 1 } })),
  };
  return { api: api as never, shell: 'preview', on: () => () => {} };
}

describe('HomeScreen', () => {
  it('新建报告 → choose the template → 创建 opens the new draft', async () => {
    const platform = fakePlatform();
    const onOpen = vi.fn();
    render(
      <PlatformContext.Provider value={platform}>
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <HomeScreen onOpen={onOpen} />
        </I18nextProvider>
      </PlatformContext.Provider>,
    );
    expect(await screen.findByText('还没有草稿。点击“新建报告”，从标准模板开始。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '新建报告' }));
    fireEvent.click(await screen.findByRole('button', { name: '创建' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith('draft01', doc, 1));
    expect(platform.api['templates:instantiate']).toHaveBeenCalledWith(expect.objectContaining({ templateId: 'fazhi-annual' }));
  });
});

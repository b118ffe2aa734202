import { vi } from 'vitest';
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n';
import { PlatformContext } from '../../../renderer/platform/context';
import type { Platform } from '../../../renderer/platform/client';
import type { DraftList, DraftSummary } from '../../../shared/ipc/contract';
import { emptyHeader, fromBlocks, type GongwenDocument } from '../../../shared/model';

export function docWith(title: string, text = '正文', year = 2024): GongwenDocument {
  return { schemaVersion: 1, kind: 'fazhi-annual', reportYear: year, header: { ...emptyHeader(), title }, body: fromBlocks([{ type: 'paragraph', text }]) };
}

export function summary(id: string, title: string, over: Partial<DraftSummary> = {}): DraftSummary {
  return { id, title, kind: 'fazhi-annual', reportYear: 2024, modifiedAt: '2025-01-10T08:00:00.000Z', checkState: 'ok', ...over };
}

type Handler = (input: never) => Promise<unknown>;

/** A platform whose drafts:list answers `list` (mutable by the test) and whose other channels are vi.fn()s. */
export function fakePlatform(list: DraftList, overrides: Record<string, Handler> = {}) {
  const state = { list };
  const api: Record<string, ReturnType<typeof vi.fn>> = {
    'drafts:list': vi.fn(async () => ({ ok: true, value: state.list })),
    // No office profile: the home screen shows no reporting calendar.
    'settings:get': vi.fn(async () => ({ ok: true, value: { language: 'zh-CN', activeProfileId: null, profiles: [], lastExportDir: null, nextDocNumbers: {} } })),
    'templates:list': vi.fn(async () => ({
      ok: true,
      value: [
        { id: 'fazhi-annual', name: { 'zh-CN': '法治政府建设年度报告', 'en-US': 'Annual rule-of-law report' }, description: { 'zh-CN': '标准模板', 'en-US': 'Standard' } },
        { id: 'generic', name: { 'zh-CN': '通用报告', 'en-US': 'Generic report' }, description: { 'zh-CN': '通用', 'en-US': 'Generic' } },
      ],
    })),
  };
  for (const [name, fn] of Object.entries(overrides)) api[name] = vi.fn(fn);
  const platform: Platform = { api: api as never, shell: 'preview', on: () => () => {} };
  return { platform, api, state };
}

export function renderWith(platform: Platform, ui: ReactNode, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  return render(
    <PlatformContext.Provider value={platform}>
      <I18nextProvider i18n={createI18n(lang)}>{ui}</I18nextProvider>
    </PlatformContext.Provider>,
  );
}

import { describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { usePublicChecks } from '../../../renderer/features/checks/use-public-checks';
import { fromBlocks, emptyHeader, type GongwenDocument } from '../../../shared/model';

const doc = (text: string): GongwenDocument => ({ schemaVersion: 1, kind: 'generic', reportYear: 2025, header: emptyHeader(), body: fromBlocks([{ type: 'paragraph', text }]) });

describe('usePublicChecks', () => {
  it('hands out one object while its report and runNow stay the same (the screen re-renders on every body sync)', async () => {
    const settings = vi.fn(async () => ({ ok: true, value: { language: 'zh-CN', activeProfileId: null, profiles: [], lastExportDir: null, nextDocNumbers: {} } }));
    const api = { 'settings:get': settings } as never;
    const { result, rerender } = renderHook(({ document }) => usePublicChecks(api, document, null, false), { initialProps: { document: doc('一') } });
    await waitFor(() => expect(settings).toHaveBeenCalled());
    const first = result.current;
    rerender({ document: doc('一二') });
    rerender({ document: doc('一二三') });
    expect(result.current).toBe(first);
    expect(result.current.runNow()).toBeNull();
  });
});

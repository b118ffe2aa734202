/**
 * While typing, the body reaches the editor screen every 0.5 s (DocumentSyncPlugin); each sync
 * renders the screen once. The save state turns 'dirty' on the first change only: setting it
 * again, even to an equal state, rendered the whole screen a second time after every sync.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GongwenApi } from '../../../shared/ipc/contract';
import { useAutosave } from '../../../renderer/features/shell/use-autosave';
import { makeDoc } from './docs';

const backend = {
  'drafts:save': vi.fn(async () => ({ ok: true, value: { modifiedAt: 't', revision: 2 } })),
  'drafts:journal': vi.fn(async () => ({ ok: true, value: { journaledAt: 'x', base: 1 } })),
} as unknown as GongwenApi;

describe('useAutosave: one render a sync', () => {
  it('renders once for each new document while dirty, and shows dirty', async () => {
    vi.useFakeTimers();
    try {
      let renders = 0;
      const { result, rerender, unmount } = renderHook(
        ({ doc }) => {
          renders++;
          return useAutosave(backend, 'draft001', doc, { revision: 1 });
        },
        { initialProps: { doc: makeDoc('一') } },
      );
      rerender({ doc: makeDoc('一二') });
      expect(result.current.state.status).toBe('dirty');
      const before = renders;
      for (const title of ['一二三', '一二三四', '一二三四五']) {
        await act(async () => {
          rerender({ doc: makeDoc(title) });
          await Promise.resolve();
        });
      }
      expect(renders - before).toBe(3);
      expect(result.current.state.status).toBe('dirty');
      unmount();
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * Saves on blur, hide and close take the editor's document as it is now, not the last one the
 * editor handed on: the body reaches the screen only after a pause in typing
 * (DocumentSyncPlugin), and the keys typed just before the window lost focus must be saved.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GongwenApi } from '../../../shared/ipc/contract';
import { useAutosave } from '../../../renderer/features/shell/use-autosave';
import { makeDoc } from './docs';

function api(titles: string[]): GongwenApi {
  return {
    'drafts:save': vi.fn(async (input: { document: { header: { title: string } } }) => {
      titles.push(input.document.header.title);
      return { ok: true, value: { modifiedAt: 't', revision: titles.length + 1 } };
    }),
    'drafts:journal': vi.fn(async () => ({ ok: true, value: { journaledAt: 'x', base: 1 } })),
  } as unknown as GongwenApi;
}

describe('useAutosave: blur and close save what the editor holds now', () => {
  it('on blur, saves current() although the rendered document is older', async () => {
    const saved: string[] = [];
    let now = makeDoc('刚打完的字');
    const backend = api(saved);
    const { unmount } = renderHook(({ doc }) => useAutosave(backend, 'draft001', doc, { revision: 1, current: () => now }), {
      initialProps: { doc: makeDoc('旧') },
    });
    await act(async () => {
      window.dispatchEvent(new Event('blur'));
      await Promise.resolve();
    });
    expect(saved).toEqual(['刚打完的字']);
    now = makeDoc('关闭前又打的字');
    await act(async () => {
      unmount();
      await Promise.resolve();
    });
    expect(saved).toEqual(['刚打完的字', '关闭前又打的字']);
  });

  it('without current(), saves the rendered document (as before)', async () => {
    const saved: string[] = [];
    const backend = api(saved);
    const { rerender } = renderHook(({ doc }) => useAutosave(backend, 'draft001', doc, { revision: 1 }), { initialProps: { doc: makeDoc('旧') } });
    rerender({ doc: makeDoc('新') });
    await act(async () => {
      window.dispatchEvent(new Event('blur'));
      await Promise.resolve();
    });
    expect(saved).toEqual(['新']);
  });
});

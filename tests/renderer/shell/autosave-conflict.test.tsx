/**
 * The editor's side of versioned saves: every save names the revision it was based on, the
 * answer's revision is the base of the next one, and after a conflict the editor saves (and
 * journals) into the copy — never again onto the draft whose newer save it did not overwrite.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GongwenApi, SaveConflict } from '../../../shared/ipc/contract';
import { useAutosave } from '../../../renderer/features/shell/use-autosave';
import { makeDoc } from './docs';

describe('useAutosave: versioned saves', () => {
  it('sends the base revision, moves it on, and after a conflict goes on in the copy', async () => {
    const calls: { id: string; baseRevision?: number; title: string }[] = [];
    const answers = [
      { ok: true, value: { modifiedAt: 't1', revision: 4 } },
      { ok: true, value: { modifiedAt: 't2', revision: 1, conflict: { reason: 'newer', id: 'copy0001', revision: 1 } } },
      { ok: true, value: { modifiedAt: 't3', revision: 2 } },
    ];
    const api = {
      'drafts:save': vi.fn(async (input: { id: string; baseRevision?: number; document: { header: { title: string } } }) => {
        calls.push({ id: input.id, ...(input.baseRevision !== undefined ? { baseRevision: input.baseRevision } : {}), title: input.document.header.title });
        return answers.shift();
      }),
      'drafts:journal': vi.fn(async () => ({ ok: true, value: { journaledAt: 'x' } })),
    } as unknown as GongwenApi;
    const conflicts: SaveConflict[] = [];
    const { result, rerender } = renderHook(({ doc }) => useAutosave(api, 'draft001', doc, { revision: 3, onConflict: (c) => conflicts.push(c) }), {
      initialProps: { doc: makeDoc('开始') },
    });
    for (const title of ['一', '二', '三']) {
      rerender({ doc: makeDoc(title) });
      await act(() => result.current.saveNow());
    }
    expect(calls).toEqual([
      { id: 'draft001', baseRevision: 3, title: '一' },
      { id: 'draft001', baseRevision: 4, title: '二' },
      { id: 'copy0001', baseRevision: 1, title: '三' },
    ]);
    expect(conflicts).toEqual([{ reason: 'newer', id: 'copy0001', revision: 1 }]);
    expect(result.current.state).toEqual({ status: 'saved' });
  });

  it('without a revision (an older backend) saves as before, with no base', async () => {
    const save = vi.fn(async () => ({ ok: true, value: { modifiedAt: 't', revision: 1 } }));
    const api = { 'drafts:save': save, 'drafts:journal': vi.fn() } as unknown as GongwenApi;
    const { result, rerender } = renderHook(({ doc }) => useAutosave(api, 'draft002', doc), { initialProps: { doc: makeDoc('a') } });
    rerender({ doc: makeDoc('b') });
    await act(() => result.current.saveNow());
    expect(save).toHaveBeenCalledWith({ id: 'draft002', document: makeDoc('b') });
  });
});

/**
 * The journal while typing: only the blocks changed since the last journal write cross to the
 * Node side (the others by index, shared/model/block-delta.ts), one write at a time; when the
 * Node side says it no longer holds the body (journal-base-missing) every block goes again at once.
 */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GongwenApi } from '../../../shared/ipc/contract';
import type { DocumentDelta } from '../../../shared/model/block-delta';
import { fromBlocks } from '../../../shared/model/lexical-json';
import { JOURNAL_EVERY_MS, useAutosave } from '../../../renderer/features/shell/use-autosave';
import { makeDoc } from './docs';

type Sent = { id: string; delta: DocumentDelta & { base: number } };
const shape = (sent: Sent) => ({ base: sent.delta.base, blocks: sent.delta.blocks.map((b) => (typeof b === 'number' ? b : 'block')) });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Three paragraphs; `changed` gets a new block object, the others stay the same objects (as the editor's body cache keeps them). */
function bodies() {
  const body = fromBlocks(['甲', '乙', '丙'].map((text) => ({ type: 'paragraph' as const, text })));
  const base = { ...makeDoc('题'), body };
  const withSecond = (text: string) => {
    const children = [...body.root.children];
    children[1] = fromBlocks([{ type: 'paragraph', text }]).root.children[0]!;
    return { ...base, body: { root: { ...body.root, children } } };
  };
  return { base, withSecond };
}

async function tick() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(JOURNAL_EVERY_MS + 300);
  });
}

describe('useAutosave: the journal sends block deltas', () => {
  it('sends every block first, then only the changed one, each against the base the last answer named', async () => {
    const sent: Sent[] = [];
    let base = 40;
    const api = {
      'drafts:save': vi.fn(async () => ({ ok: true, value: { modifiedAt: 't', revision: 2 } })),
      'drafts:journal': vi.fn(async (input: Sent) => {
        sent.push(input);
        return { ok: true, value: { journaledAt: 'x', base: ++base } };
      }),
    } as unknown as GongwenApi;
    const { base: start, withSecond } = bodies();
    const { rerender, unmount } = renderHook(({ doc }) => useAutosave(api, 'draft001', doc, { revision: 1 }), { initialProps: { doc: start } });
    rerender({ doc: withSecond('乙1') });
    await tick();
    rerender({ doc: withSecond('乙12') });
    await tick();
    expect(sent.map((s) => s.id)).toEqual(['draft001', 'draft001']);
    expect(sent.map(shape)).toEqual([
      { base: 0, blocks: ['block', 'block', 'block'] },
      { base: 41, blocks: [0, 'block', 2] },
    ]);
    expect(sent[1]!.delta.document.header.title).toBe('题');
    unmount();
  });

  it('after journal-base-missing sends every block again at once; after another failure, with the next change', async () => {
    const sent: Sent[] = [];
    const answers: unknown[] = [
      { ok: true, value: { journaledAt: 'x', base: 7 } },
      { ok: false, error: { code: 'journal-base-missing', messageKey: 'drafts.errors.journalBaseMissing' } },
      { ok: true, value: { journaledAt: 'x', base: 9 } },
      { ok: false, error: { code: 'write-failed', messageKey: 'drafts.errors.diskFull' } },
      { ok: true, value: { journaledAt: 'x', base: 11 } },
    ];
    const api = {
      'drafts:save': vi.fn(async () => ({ ok: true, value: { modifiedAt: 't', revision: 2 } })),
      'drafts:journal': vi.fn(async (input: Sent) => {
        sent.push(input);
        return answers.shift();
      }),
    } as unknown as GongwenApi;
    const { base: start, withSecond } = bodies();
    const { rerender, unmount } = renderHook(({ doc }) => useAutosave(api, 'draft001', doc, { revision: 1 }), { initialProps: { doc: start } });
    rerender({ doc: withSecond('a') });
    await tick();
    rerender({ doc: withSecond('ab') });
    await tick();
    rerender({ doc: withSecond('abc') });
    await tick();
    rerender({ doc: withSecond('abcd') });
    await tick();
    expect(sent.map(shape)).toEqual([
      { base: 0, blocks: ['block', 'block', 'block'] },
      { base: 7, blocks: [0, 'block', 2] },
      // refused: again at once, every block
      { base: 0, blocks: ['block', 'block', 'block'] },
      { base: 9, blocks: [0, 'block', 2] },
      // that write failed: the next one carries every block
      { base: 0, blocks: ['block', 'block', 'block'] },
    ]);
    unmount();
  });
});

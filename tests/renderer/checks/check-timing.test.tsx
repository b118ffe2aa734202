/**
 * When the live check runs: while the body keeps arriving at the body sync's cadence of
 * continuous typing (every SYNC_MAX_WAIT_MS plus its idle wait and a key gap), only every
 * CHECK_MAX_WAIT_MS — each changed report is a frame of its own; once it stops arriving,
 * CHECK_DEBOUNCE_MS later. Counted at the worker's door (a stand-in Worker).
 */
import fs from 'node:fs';
import path from 'node:path';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kindRulesFrom, runChecks } from '../../../shared/checks';
import { emptyHeader, fromBlocks, type GongwenDocument } from '../../../shared/model';
import { CHECK_DEBOUNCE_MS, CHECK_MAX_WAIT_MS, useChecks } from '../../../renderer/features/checks/use-checks';
import { SYNC_IDLE_WAIT_MS, SYNC_MAX_WAIT_MS } from '../../../renderer/editor/plugins/DocumentSyncPlugin';

const REPO = path.resolve(__dirname, '../../..');
const RULES = kindRulesFrom(
  'fazhi-annual',
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'template.json'), 'utf8')),
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'checks.json'), 'utf8')),
);
const doc = (text: string): GongwenDocument => ({ schemaVersion: 1, kind: 'fazhi-annual', reportYear: 2025, header: emptyHeader(), body: fromBlocks([{ type: 'paragraph', text }]) });

const REPORT = runChecks(doc('起'), { today: '2025-03-01', ruleset: RULES.ruleset, guidanceTexts: RULES.guidanceTexts });

/** Times (fake ms) at which a document was posted to the worker for checking. */
let checkedAt: number[] = [];
/** Counts the checks posted and answers each 50 ms later (a reply lets the next check go). */
class CountingWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: (() => void) | null = null;
  postMessage(message: { type: string; id?: number }) {
    if (message.type !== 'check') return;
    checkedAt.push(Date.now());
    setTimeout(() => this.onmessage?.({ data: { id: message.id, report: REPORT } } as MessageEvent), 50);
  }
  terminate() {}
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  checkedAt = [];
  vi.stubGlobal('Worker', CountingWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('useChecks: when the live check runs', () => {
  it('runs every CHECK_MAX_WAIT_MS while the body syncs of continuous typing arrive, and CHECK_DEBOUNCE_MS after the last', async () => {
    const api = { 'checks:rules': vi.fn(async () => ({ ok: true, value: RULES })) } as never;
    const { rerender, unmount } = renderHook(({ document }) => useChecks(api, document), { initialProps: { document: doc('起') } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    // The first check, once the rules are there.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS);
    });
    // Body syncs of continuous typing for 6 s, each as late as it can come.
    const syncGap = SYNC_MAX_WAIT_MS + SYNC_IDLE_WAIT_MS + 190;
    const start = Date.now();
    checkedAt = [];
    let text = '起';
    let lastChange = 0;
    while (Date.now() - start < 6000) {
      text += '字';
      lastChange = Date.now();
      rerender({ document: doc(text) });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(syncGap);
      });
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5000);
    });
    const during = checkedAt.filter((t) => t < lastChange).length;
    expect(during, `checks at ${checkedAt.join(', ')}`).toBeGreaterThanOrEqual(Math.floor(6000 / CHECK_MAX_WAIT_MS) - 1);
    expect(during, `checks at ${checkedAt.join(', ')}`).toBeLessThanOrEqual(Math.ceil(6000 / CHECK_MAX_WAIT_MS));
    // The last document is checked, within CHECK_DEBOUNCE_MS, and nothing after it.
    expect(checkedAt.length).toBe(during + 1);
    expect(checkedAt.at(-1)! - lastChange).toBeLessThanOrEqual(CHECK_DEBOUNCE_MS);
    unmount();
  });
});

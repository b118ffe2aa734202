/**
 * When the body reaches the screen (and so the autosave): after a pause in typing, or at the
 * latest SYNC_MAX_WAIT_MS after the oldest unflushed edit while typing goes on, and at once
 * on flush(). The autosave's crash window (README "Drafts") is built on these two numbers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import type { SerializedBody } from '../../../shared/model';
import { createGongwenHeadlessEditor } from '../../../renderer/editor/bridge';
import { SYNC_MAX_WAIT_MS, SYNC_PAUSE_MS, registerDocumentSync } from '../../../renderer/editor/plugins/DocumentSyncPlugin';

/** One keystroke's worth of change: a character appended to the last paragraph. */
function typeChar(editor: LexicalEditor, char: string): void {
  editor.update(
    () => {
      const last = $getRoot().getLastChild();
      if (!$isElementNode(last)) {
        $getRoot().append($createParagraphNode().append($createTextNode(char)));
        return;
      }
      const text = last.getLastDescendant();
      if ($isTextNode(text)) text.setTextContent(last.getTextContent() + char);
    },
    { discrete: true },
  );
}

function textOf(body: SerializedBody): string {
  return JSON.stringify(body).match(/"text":"([^"]*)"/g)?.map((m) => m.slice(8, -1)).join('') ?? '';
}

describe('document sync', () => {
  let editor: LexicalEditor;
  let bodies: SerializedBody[];
  let sync: ReturnType<typeof registerDocumentSync>;

  beforeEach(() => {
    vi.useFakeTimers();
    editor = createGongwenHeadlessEditor();
    editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('起'))), { discrete: true, tag: 'gw-load' });
    bodies = [];
    sync = registerDocumentSync(editor, (body) => bodies.push(body));
  });

  afterEach(() => {
    sync.dispose();
    vi.useRealTimers();
  });

  it('flushes once after a pause in typing, not on every key', () => {
    for (const char of '依法行政') {
      typeChar(editor, char);
      vi.advanceTimersByTime(50);
    }
    expect(bodies).toHaveLength(0);
    vi.advanceTimersByTime(SYNC_PAUSE_MS + 100);
    expect(bodies).toHaveLength(1);
    expect(textOf(bodies[0]!)).toBe('起依法行政');
    vi.advanceTimersByTime(5000);
    expect(bodies).toHaveLength(1);
  });

  it('still flushes while typing never pauses, within SYNC_MAX_WAIT_MS plus the idle wait', () => {
    const keyGapMs = 60;
    let typed = '起';
    let elapsed = 0;
    let firstFlushAt = -1;
    for (let i = 0; i < 40; i += 1) {
      typeChar(editor, '字');
      typed += '字';
      vi.advanceTimersByTime(keyGapMs);
      elapsed += keyGapMs;
      if (bodies.length > 0 && firstFlushAt < 0) firstFlushAt = elapsed;
    }
    expect(firstFlushAt).toBeGreaterThan(0);
    // whenIdle's fallback under Node is a short timer; in Chromium the idle wait is ≤ 100 ms.
    expect(firstFlushAt).toBeLessThanOrEqual(SYNC_MAX_WAIT_MS + 100 + keyGapMs);
    // Two and a half seconds of continuous typing reach the screen several times, not once at the end.
    expect(bodies.length).toBeGreaterThanOrEqual(Math.floor((40 * keyGapMs) / (SYNC_MAX_WAIT_MS + 100 + keyGapMs)));
    vi.advanceTimersByTime(SYNC_PAUSE_MS + 100);
    expect(textOf(bodies.at(-1)!)).toBe(typed);
  });

  it('flush() delivers at once and leaves no timer that would deliver again', () => {
    typeChar(editor, '甲');
    sync.flush();
    expect(bodies).toHaveLength(1);
    expect(textOf(bodies[0]!)).toBe('起甲');
    vi.advanceTimersByTime(5000);
    expect(bodies).toHaveLength(1);
  });

  it('does not flush for a load or a selection-only update', () => {
    editor.update(
      () => {
        const first = $getRoot().getFirstChild();
        const text = $isElementNode(first) ? first.getLastDescendant() : null;
        if ($isTextNode(text)) text.setTextContent('换');
      },
      { discrete: true, tag: 'gw-load' },
    );
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
    vi.advanceTimersByTime(5000);
    expect(bodies).toHaveLength(0);
  });
});

/**
 * The incremental paths give what a full recompute gives: after every step of a seeded
 * random edit session (typing, splitting, deleting, inserting, heading levels, undo/redo,
 * whole-state swaps) the block-by-block body equals the editor state's JSON, and the
 * numbers on the headings' DOM and the status bar's counts equal those worked out from the
 * whole document.
 */
import { describe, expect, it } from 'vitest';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, REDO_COMMAND, UNDO_COMMAND, createEditor, type LexicalEditor } from 'lexical';
import { displayLabels, emptyHeader, fromBlocks, toBlocks, type Block } from '../../../shared/model';
import { createIncrementalStats, documentStats } from '../../../renderer/editor/plugins/StatusBarPlugin/count';
import { EDITOR_THEME, bodyFromEditorState, createGongwenHeadlessEditor, parseBody } from '../../../renderer/editor/bridge';
import { $readHeadings } from '../../../renderer/editor/heading-index';
import { EDITOR_NODES } from '../../../renderer/editor/nodes';
import { registerNumbering } from '../../../renderer/editor/plugins/NumberingPlugin';
import { createBodyCache } from '../../../renderer/editor/body-cache';
import { $createGwHeadingNode, $isGwHeadingNode } from '../../../renderer/editor/nodes';
import { registerGuidance } from '../../../renderer/editor/plugins/GuidancePlugin';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const START: Block[] = [
  { type: 'heading', level: 1, label: null, text: '工作开展情况', runIn: null },
  { type: 'paragraph', text: '今年以来，我区坚持依法行政。' },
  { type: 'guidance', text: '在此简述主要举措。' },
  { type: 'heading', level: 2, label: null, text: '强化组织领导。', runIn: '一是健全机制。' },
  { type: 'paragraph', text: '二是压实责任。' },
  { type: 'heading', level: 1, label: '二、', text: '存在的不足', runIn: null },
  { type: 'paragraph', text: '结尾。' },
];

/** One random edit of the kind a user makes; returns what it did (for the failure message). */
export function randomEdit(editor: LexicalEditor, random: () => number): string {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const op = pick(['type', 'type', 'type', 'split', 'delete', 'insert', 'level', 'undo', 'redo', 'swap'] as const);
  if (op === 'undo' || op === 'redo') {
    editor.dispatchCommand(op === 'undo' ? UNDO_COMMAND : REDO_COMMAND, undefined);
    return op;
  }
  if (op === 'swap') {
    editor.setEditorState(parseBody(editor, bodyFromEditorState(editor.getEditorState())));
    return op;
  }
  editor.update(
    () => {
      const root = $getRoot();
      const blocks = root.getChildren();
      const block = pick(blocks);
      if (op === 'type') {
        const texts = $isElementNode(block) ? block.getAllTextNodes() : [];
        const text = texts.length ? pick(texts) : null;
        if (text && $isTextNode(text)) {
          const at = Math.floor(random() * (text.getTextContentSize() + 1));
          text.select(at, at).insertText(pick(['法', '治', '政府', 'a', '2024年']));
        } else if ($isElementNode(block)) block.append($createTextNode('新'));
      } else if (op === 'split' && $isElementNode(block)) {
        block.selectEnd().insertParagraph();
      } else if (op === 'delete' && blocks.length > 1) {
        block.remove();
      } else if (op === 'insert') {
        const fresh = random() < 0.5 ? $createParagraphNode().append($createTextNode('插入的段落。')) : $createGwHeadingNode(pick([1, 2, 3] as const)).append($createTextNode('插入的标题'));
        block.insertAfter(fresh);
      } else if (op === 'level' && $isGwHeadingNode(block)) {
        block.setLevel(pick([1, 2, 3, 4] as const)).setLabel(null);
      }
    },
    { discrete: true },
  );
  return op;
}

export function session(seed: number) {
  const editor = createGongwenHeadlessEditor();
  registerGuidance(editor);
  registerHistory(editor, createEmptyHistoryState(), 0);
  editor.setEditorState(parseBody(editor, fromBlocks(START)));
  return { editor, random: rng(seed) };
}

describe('body cache (block by block)', () => {
  for (const seed of [1, 7, 42, 2024]) {
    it(`equals the full serialisation after every edit (seed ${seed})`, () => {
      const { editor, random } = session(seed);
      const cache = createBodyCache(editor);
      const done: string[] = [];
      for (let step = 0; step < 300; step++) {
        done.push(randomEdit(editor, random));
        // Not read after every step: changes pile up between reads, as between idle flushes.
        if (random() < 0.6) expect(cache.body(), `seed ${seed}, after ${done.join(' ')}`).toEqual(bodyFromEditorState(editor.getEditorState()));
      }
      expect(cache.body(), `seed ${seed}`).toEqual(bodyFromEditorState(editor.getEditorState()));
      cache.dispose();
    });
  }

  it('hands back the same object for a block that did not change', () => {
    const { editor } = session(1);
    const cache = createBodyCache(editor);
    const before = cache.body();
    editor.update(
      () => {
        const last = $getRoot().getLastChild();
        if ($isElementNode(last)) last.selectEnd().insertText('再加一句。');
      },
      { discrete: true },
    );
    const after = cache.body();
    expect(after.root.children[0]).toBe(before.root.children[0]);
    expect(after.root.children.at(-1)).not.toBe(before.root.children.at(-1));
    cache.dispose();
  });
});

describe('numbering (only when a heading changes)', () => {
  for (const seed of [3, 11, 99]) {
    it(`every heading shows the number a full recompute gives (seed ${seed})`, () => {
      const editor = createEditor({ namespace: 'gongwen', nodes: [...EDITOR_NODES], theme: EDITOR_THEME, onError: (e) => { throw e; } });
      const root = document.createElement('div');
      root.contentEditable = 'true';
      document.body.append(root);
      editor.setRootElement(root);
      registerGuidance(editor);
      registerHistory(editor, createEmptyHistoryState(), 0);
      const off = registerNumbering(editor);
      editor.setEditorState(parseBody(editor, fromBlocks(START)));
      const random = rng(seed);
      const done: string[] = [];
      for (let step = 0; step < 200; step++) {
        done.push(randomEdit(editor, random));
        const expected = editor.getEditorState().read(() => $readHeadings(false).map((h) => [h.key, h.label]));
        const shown = expected.map(([key]) => [key, editor.getElementByKey(key!)?.getAttribute('data-gw-label') ?? null]);
        expect(shown, `seed ${seed}, after ${done.join(' ')}`).toEqual(expected);
      }
      off();
      root.remove();
    });
  }
});

describe('status bar counts (only the blocks that changed)', () => {
  for (const seed of [5, 17]) {
    it(`equal documentStats over the whole body (seed ${seed})`, () => {
      const { editor, random } = session(seed);
      const cache = createBodyCache(editor);
      const counter = createIncrementalStats();
      const header = { ...emptyHeader(), title: '关于2024年度法治政府建设情况的报告', redHeader: true, issuerLines: ['某区人民政府'] };
      const done: string[] = [];
      for (let step = 0; step < 200; step++) {
        done.push(randomEdit(editor, random));
        const blocks = toBlocks(bodyFromEditorState(editor.getEditorState()));
        expect(counter(header, cache.body()), `seed ${seed}, after ${done.join(' ')}`).toEqual(documentStats(header, blocks, displayLabels(blocks)));
      }
      cache.dispose();
    });
  }
});

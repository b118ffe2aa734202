/**
 * Guidance behaves like a placeholder: typing in it leaves a normal paragraph holding only
 * what was typed; undo brings the guidance back.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $getRoot, $isParagraphNode, $isTextNode, INSERT_PARAGRAPH_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { fromBlocks, toBlocks } from '../../../shared/model';
import { bodyFromEditorState, createGongwenHeadlessEditor, parseBody } from '../../../renderer/editor/bridge';
import { $isGwGuidanceNode } from '../../../renderer/editor/nodes';
import { registerGuidance, typedInto } from '../../../renderer/editor/plugins/GuidancePlugin';

const GUIDE = '在此简述本年度推进法治政府建设的主要举措。';

function setup(): LexicalEditor {
  const editor = createGongwenHeadlessEditor();
  registerGuidance(editor);
  registerHistory(editor, createEmptyHistoryState(), 0);
  editor.setEditorState(parseBody(editor, fromBlocks([{ type: 'paragraph', text: '开头。' }, { type: 'guidance', text: GUIDE }, { type: 'paragraph', text: '结尾。' }])));
  return editor;
}

const blocks = (editor: LexicalEditor) => toBlocks(bodyFromEditorState(editor.getEditorState()));

function typeAt(editor: LexicalEditor, offset: number, text: string) {
  editor.update(
    () => {
      const guidance = $getRoot().getChildAtIndex(1);
      if (!$isGwGuidanceNode(guidance)) throw new Error('no guidance');
      const textNode = guidance.getFirstChild();
      if (!$isTextNode(textNode)) throw new Error('no text');
      textNode.select(offset, offset).insertText(text);
    },
    { discrete: true },
  );
}

describe('GuidancePlugin', () => {
  it('finds what was typed into a text', () => {
    expect(typedInto('abcdef', 'abcXYdef')).toBe('XY');
    expect(typedInto('abc', 'abcX')).toBe('X');
    expect(typedInto('abc', 'Xabc')).toBe('X');
    expect(typedInto('abc', 'ab')).toBe('');
  });

  it('typing into guidance leaves a paragraph with only the typed text, caret after it', () => {
    const editor = setup();
    typeAt(editor, 5, '我街');
    expect(blocks(editor)).toEqual([
      { type: 'paragraph', text: '开头。' },
      { type: 'paragraph', text: '我街' },
      { type: 'paragraph', text: '结尾。' },
    ]);
    // The caret stays in the new paragraph: typing more extends it.
    editor.update(
      () => {
        const p = $getRoot().getChildAtIndex(1);
        if (!$isParagraphNode(p)) throw new Error('not a paragraph');
        const sel = p.selectEnd();
        sel.insertText('坚持');
      },
      { discrete: true },
    );
    expect(blocks(editor)[1]).toEqual({ type: 'paragraph', text: '我街坚持' });
  });

  it('typing at the very start or end works the same', () => {
    const editor = setup();
    typeAt(editor, GUIDE.length, '一');
    expect(blocks(editor)[1]).toEqual({ type: 'paragraph', text: '一' });
    const editor2 = setup();
    typeAt(editor2, 0, '二');
    expect(blocks(editor2)[1]).toEqual({ type: 'paragraph', text: '二' });
  });

  it('deleting inside guidance clears it to an empty paragraph', () => {
    const editor = setup();
    editor.update(
      () => {
        const guidance = $getRoot().getChildAtIndex(1);
        const textNode = $isGwGuidanceNode(guidance) ? guidance.getFirstChild() : null;
        if (!$isTextNode(textNode)) throw new Error('no text');
        textNode.select(3, 4).removeText();
      },
      { discrete: true },
    );
    expect(blocks(editor)[1]).toEqual({ type: 'paragraph', text: '' });
  });

  it('undo brings the guidance back', async () => {
    const editor = setup();
    typeAt(editor, 2, '我');
    expect(blocks(editor)[1]!.type).toBe('paragraph');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await vi.waitFor(() => expect(blocks(editor)[1]).toEqual({ type: 'guidance', text: GUIDE }));
  });

  it('guidance that is not touched stays guidance', () => {
    const editor = setup();
    editor.update(() => $getRoot().getChildAtIndex(0)?.selectEnd().insertText('续'), { discrete: true });
    expect(blocks(editor)).toEqual([
      { type: 'paragraph', text: '开头。续' },
      { type: 'guidance', text: GUIDE },
      { type: 'paragraph', text: '结尾。' },
    ]);
  });

  it('Enter inside guidance opens an empty paragraph after it, leaving the guidance whole', () => {
    const editor = setup();
    editor.update(() => {
      const guidance = $getRoot().getChildAtIndex(1);
      const textNode = $isGwGuidanceNode(guidance) ? guidance.getFirstChild() : null;
      if ($isTextNode(textNode)) textNode.select(4, 4);
    }, { discrete: true });
    editor.update(() => void editor.dispatchCommand(INSERT_PARAGRAPH_COMMAND, undefined), { discrete: true });
    expect(blocks(editor)).toEqual([
      { type: 'paragraph', text: '开头。' },
      { type: 'guidance', text: GUIDE },
      { type: 'paragraph', text: '' },
      { type: 'paragraph', text: '结尾。' },
    ]);
  });
});

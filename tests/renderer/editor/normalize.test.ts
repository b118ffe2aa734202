/**
 * The one door in the editor: a stored body with hiding styles loads without them; typed
 * text that gets italic/underline or a style is set back (node transform); a paste of
 * application/x-lexical-editor JSON goes through the normaliser.
 */
import { describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { FORMAT_BOLD, toBlocks, type SerializedBody } from '../../../shared/model';
import { bodyFromEditorState, createGongwenHeadlessEditor, parseBody } from '../../../renderer/editor/bridge';
import { registerNormalize } from '../../../renderer/editor/plugins/NormalizePlugin';
import { $insertLexicalNodes, lexicalClipboardNodes } from '../../../renderer/editor/plugins/PastePlugin';

const HIDDEN = { type: 'text', text: '隐藏', format: 1 | 2 | 8, style: 'font-size:0;color:transparent', mode: 'token', detail: 0, version: 1 };
const stored = {
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: [{ type: 'paragraph', format: 'center', indent: 3, direction: 'ltr', version: 1, textFormat: 2, textStyle: 'background:url(http://x/y)', children: [HIDDEN] }],
  },
} as unknown as SerializedBody;

function update(editor: LexicalEditor, fn: () => void) {
  editor.update(fn, { discrete: true });
}

function allJson(editor: LexicalEditor): string {
  return JSON.stringify(bodyFromEditorState(editor.getEditorState()));
}

describe('the one door in the editor', () => {
  it('loads a stored body without styles, alignment or foreign marks, keeping text and bold', () => {
    const editor = createGongwenHeadlessEditor();
    editor.setEditorState(parseBody(editor, stored));
    const json = allJson(editor);
    expect(json).not.toMatch(/font-size|transparent|url\(|center|token/);
    expect(toBlocks(bodyFromEditorState(editor.getEditorState()))).toEqual([{ type: 'paragraph', text: '隐藏', runs: [{ text: '隐藏', bold: true }] }]);
  });

  it('sets typed italic, underline and styles back at once', () => {
    const editor = createGongwenHeadlessEditor();
    registerNormalize(editor);
    update(editor, () => {
      const p = $createParagraphNode();
      p.append($createTextNode('一是').setFormat(FORMAT_BOLD | 2 | 8).setStyle('color:transparent'));
      p.setFormat('center');
      $getRoot().clear().append(p);
    });
    const p = bodyFromEditorState(editor.getEditorState()).root.children[0]!;
    expect(p.format).toBe('');
    expect(p.children[0]).toMatchObject({ text: '一是', format: FORMAT_BOLD, style: '' });
  });

  it('a paste of application/x-lexical-editor goes through the normaliser', () => {
    const editor = createGongwenHeadlessEditor();
    update(editor, () => {
      const p = $createParagraphNode();
      $getRoot().clear().append(p);
      p.select();
    });
    const payload = JSON.stringify({ namespace: 'gongwen', nodes: [{ ...(stored.root.children[0] as object) }, { type: 'image', src: 'http://x/y.png', version: 1 }] });
    const nodes = lexicalClipboardNodes(payload)!;
    expect(nodes).toHaveLength(2);
    update(editor, () => $insertLexicalNodes(nodes));
    const json = allJson(editor);
    expect(json).toContain('隐藏');
    expect(json).not.toMatch(/font-size|transparent|url\(|http|center/);
    expect(lexicalClipboardNodes('not json')).toBeNull();
  });
});

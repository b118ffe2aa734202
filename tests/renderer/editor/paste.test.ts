/**
 * Paste: Word/WPS/web HTML and plain text become our blocks (headings by their numbers,
 * paragraphs), with no foreign fonts, colours or sizes. A whole report lands in two undo
 * steps: as pasted, then with its title/版头/主送机关/落款 lines in the header fields; undo
 * gives back the paste exactly as it was and the header as it was, redo moves them again.
 * A paragraph or two never moves anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $getRoot, PASTE_COMMAND, type ElementNode, type TextNode, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { emptyHeader, fromBlocks, tableBlock, toBlocks, type Block, type ReportHeader } from '../../../shared/model';
import { readPaste } from '../../../shared/import/paste';
import { importText } from '../../../shared/import/text';
import { bodyFromEditorState, createGongwenHeadlessEditor, parseBody } from '../../../renderer/editor/bridge';
import { $insertReading, registerPaste, type PasteHost } from '../../../renderer/editor/plugins/PastePlugin';
import { registerGuidance } from '../../../renderer/editor/plugins/GuidancePlugin';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:"Calibri"}</style></head><body>
<p class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="font-size:16.0pt;font-family:仿宋_GB2312;color:#C00000">一、主要举措和成效</span></p>
<p class=MsoNormal><span style='font-size:16.0pt;font-family:"Times New Roman"'>（一）强化组织领导。</span><span style="font-size:16.0pt;color:blue">街道党工委书记履行第一责任人职责。</span></p>
<p class=MsoNormal><span style="font-size:22pt">二、存在的不足和原因</span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span style="font-family:宋体">执法人员培训不足。</span></p>
</body></html>`;

function editorWith(blocks: Block[]) {
  const editor = createGongwenHeadlessEditor();
  registerGuidance(editor);
  editor.setEditorState(parseBody(editor, fromBlocks(blocks)));
  return editor;
}

const body = (editor: LexicalEditor) => toBlocks(bodyFromEditorState(editor.getEditorState()));
const texts = (blocks: Block[]) => blocks.map((b) => (b.type === 'heading' ? `${b.label ?? ''}${b.text}${b.runIn ?? ''}` : b.text));

/** An editor with history and the paste plugin, a header as a template leaves it, the caret at the end. */
function pasteRig(blocks: Block[], header: Partial<ReportHeader> = {}) {
  const editor = editorWith(blocks);
  const history = createEmptyHistoryState();
  registerHistory(editor, history, 0);
  history.current = { editor, editorState: editor.getEditorState() };
  const state = { header: { ...emptyHeader(), title: '××关于2024年度法治政府建设情况的报告', recipient: '××委、××政府', date: '2025年1月5日', ...header } as ReportHeader, notices: [] as unknown[] };
  const host: PasteHost = {
    getHeader: () => state.header,
    setHeaderFields: (patch) => (state.header = { ...state.header, ...patch }),
    onNotice: (n) => state.notices.push(n),
  };
  registerPaste(editor, host, history);
  editor.update(() => $getRoot().getLastChild()!.selectEnd(), { discrete: true });
  // The move is its own update, committed after the paste's (a microtask later).
  const paste = async (data: Record<string, string>) => {
    editor.update(
      () => {
        const event = { clipboardData: { types: Object.keys(data), getData: (type: string) => data[type] ?? '' }, preventDefault() {} } as unknown as ClipboardEvent;
        editor.dispatchCommand(PASTE_COMMAND, event);
      },
      { discrete: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const command = (cmd: typeof UNDO_COMMAND | typeof REDO_COMMAND) => editor.update(() => editor.dispatchCommand(cmd, undefined), { discrete: true });
  return { editor, state, paste, undo: () => command(UNDO_COMMAND), redo: () => command(REDO_COMMAND) };
}

describe('paste conversion', () => {
  it('turns Word HTML into headings and paragraphs without foreign formatting', () => {
    const reading = readPaste({ html: WORD_HTML, text: 'ignored' })!;
    expect(reading.inline).toBeNull();
    expect(reading.whole).toBe(false);
    const shown = reading.blocks.map((b) => (b.type === 'heading' ? `H${b.level}:${b.text}` : `P:${b.text}`));
    expect(shown[0]).toBe('H1:主要举措和成效');
    expect(shown.some((t) => t.startsWith('H2:强化组织领导'))).toBe(true);
    expect(shown).toContain('H1:存在的不足和原因');
    expect(JSON.stringify(reading.blocks)).not.toMatch(/font|color|Calibri|仿宋|pt/);
  });

  it('inserts the blocks at the caret as our nodes, text without style', () => {
    const editor = editorWith([{ type: 'paragraph', text: '开头。' }, { type: 'paragraph', text: '' }]);
    editor.update(() => {
      $getRoot().getLastChild()!.selectEnd();
      $insertReading(readPaste({ html: WORD_HTML })!);
    }, { discrete: true });
    const blocks = body(editor);
    expect(blocks[0]).toEqual({ type: 'paragraph', text: '开头。' });
    expect(blocks[1]).toMatchObject({ type: 'heading', level: 1, text: '主要举措和成效' });
    expect(JSON.stringify(bodyFromEditorState(editor.getEditorState()))).not.toMatch(/"style":"[^"]/);
  });

  it('a single line goes into the current paragraph as text, bold kept', () => {
    const editor = editorWith([{ type: 'paragraph', text: '我们' }]);
    editor.update(() => {
      $getRoot().getFirstChild()!.selectEnd();
      $insertReading(readPaste({ text: '坚持依法行政' })!);
    }, { discrete: true });
    expect(body(editor)).toEqual([{ type: 'paragraph', text: '我们坚持依法行政' }]);
    expect(readPaste({ html: '<b>重点</b>任务' })!.inline).toEqual({ text: '重点任务', runs: [{ text: '重点', bold: true }, { text: '任务' }] });
  });

  it('pasting into guidance replaces the guidance', () => {
    const editor = editorWith([{ type: 'guidance', text: '在此填写主要举措。' }]);
    editor.update(() => {
      $getRoot().getFirstChild()!.selectEnd();
      $insertReading(readPaste({ text: '（一）强化领导\n街道成立领导小组。' })!);
    }, { discrete: true });
    const blocks = body(editor);
    expect(blocks.some((b) => b.type === 'guidance')).toBe(false);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 2, text: '强化领导' });
    expect(blocks[1]).toEqual({ type: 'paragraph', text: '街道成立领导小组。' });
  });

  it('keeps bold from Word/WPS HTML (<strong>, font-weight spans)', () => {
    const reading = readPaste({ html: '<p>第一段<strong>一是</strong>加强领导。</p><p><span style="font-weight:700">二是</span>完善制度。</p>' })!;
    expect(reading.blocks).toEqual([
      { type: 'paragraph', text: '第一段一是加强领导。', runs: [{ text: '第一段' }, { text: '一是', bold: true }, { text: '加强领导。' }] },
      { type: 'paragraph', text: '二是完善制度。', runs: [{ text: '二是', bold: true }, { text: '完善制度。' }] },
    ]);
  });
});

describe('whole-report paste in the editor', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'report-jinlanshan-2022.txt'), 'utf8') + '\n中共新县金兰山街道工作委员会\n2023年1月10日\n';
  const imported = importText(text);
  const TEMPLATE: Block[] = [{ type: 'heading', level: 1, label: null, text: '主要举措和成效', runIn: null }, { type: 'guidance', text: '在此填写。' }];

  it('moves the header lines, then one undo gives the paste back as pasted and the header as it was; redo moves again', async () => {
    const rig = pasteRig([{ type: 'paragraph', text: '' }]);
    const before = rig.state.header;
    await rig.paste({ 'text/plain': text });
    // Moved: the body is the import's body, the header fields hold the pasted values.
    expect(body(rig.editor)).toEqual(toBlocks(imported.body));
    expect(rig.state.header).toMatchObject({
      title: imported.header.title,
      docNumber: '金文〔2023〕5号',
      signers: ['张健平', '余志强'],
      issuerLines: ['中共新县金兰山街道工作委员会文件'],
      recipient: '县委、县政府',
      signingOrgans: ['中共新县金兰山街道工作委员会'],
      date: '2023年1月10日',
    });
    expect(rig.state.notices.at(-1)).toMatchObject({ canUndo: true, moved: expect.arrayContaining([{ field: 'title', value: imported.header.title }]) });
    rig.undo();
    // As pasted: every line in the body, title and 版头 first, 落款 and date last.
    const asPasted = texts(body(rig.editor));
    expect(asPasted.slice(0, 5)).toEqual(['中共新县金兰山街道工作委员会文件', '金文〔2023〕5号', '签发人：张健平 余志强', imported.header.title, '县委、县政府：']);
    expect(asPasted.slice(-2)).toEqual(['中共新县金兰山街道工作委员会', '2023年1月10日']);
    expect(body(rig.editor)).toEqual(readPaste({ text })!.blocks);
    expect(rig.state.header).toEqual(before);
    expect(rig.state.notices.at(-1)).toBeNull();
    rig.redo();
    expect(body(rig.editor)).toEqual(toBlocks(imported.body));
    expect(rig.state.header.title).toBe(imported.header.title);
    // A second undo, after the first, takes the paste away altogether.
    rig.undo();
    rig.undo();
    expect(texts(body(rig.editor))).toEqual(['']);
    expect(rig.state.header).toEqual(before);
  });

  it('into a template: the report goes after the caret block, the header move is undone when the undo reaches it', async () => {
    const rig = pasteRig(TEMPLATE);
    rig.editor.update(() => $getRoot().getFirstChild()!.selectEnd(), { discrete: true });
    await rig.paste({ 'text/html': `<p>${imported.header.title}</p><p>县委、县政府：</p>` + toBlocks(imported.body).map((b) => `<p>${texts([b])[0]}</p>`).join('') });
    const after = texts(body(rig.editor));
    expect(after[0]).toBe('主要举措和成效');
    expect(after).not.toContain(imported.header.title);
    expect(rig.state.header.recipient).toBe('县委、县政府');
    // Typing after the move: 撤销 in the notice no longer applies, Ctrl+Z walks back to it.
    rig.editor.update(() => $getRoot().getLastChild()!.selectEnd(), { discrete: true });
    rig.editor.update(() => $getRoot().getLastChildOrThrow<ElementNode>().getLastDescendant<TextNode>()!.setTextContent('改过的最后一段。'), { discrete: true, tag: 'history-push' });
    expect(rig.state.notices.at(-1)).toMatchObject({ canUndo: false });
    rig.undo();
    expect(rig.state.header.recipient).toBe('县委、县政府');
    rig.undo();
    expect(rig.state.header.recipient).toBe('××委、××政府');
    expect(texts(body(rig.editor))).toContain(imported.header.title);
  });

  it('a paragraph or two, even into a blank document, moves nothing and is one undo step', async () => {
    const rig = pasteRig([{ type: 'paragraph', text: '' }]);
    const before = rig.state.header;
    await rig.paste({ 'text/plain': `${imported.header.title}\n2022年在县委、县政府的坚强领导下，金兰山街道扎实推进法治政府建设。` });
    expect(texts(body(rig.editor))).toEqual([imported.header.title, '2022年在县委、县政府的坚强领导下，金兰山街道扎实推进法治政府建设。']);
    expect(rig.state.header).toEqual(before);
    expect(rig.state.notices).toEqual([]);
    rig.undo();
    expect(texts(body(rig.editor))).toEqual(['']);
  });

  it('from inside a table cell (even an empty table) the report goes after the table, the table stays', async () => {
    const rig = pasteRig([{ type: 'paragraph', text: '前文。' }, tableBlock([['', ''], ['', '']], 1)]);
    rig.editor.update(() => $getRoot().getLastChildOrThrow<ElementNode>().getFirstDescendant<ElementNode>()!.selectEnd(), { discrete: true });
    await rig.paste({ 'text/plain': text });
    const after = body(rig.editor);
    expect(after.map((b) => b.type).slice(0, 4), JSON.stringify(after).slice(0, 300)).toEqual(['paragraph', 'table', 'paragraph', 'heading']);
    expect(after[0]).toEqual({ type: 'paragraph', text: '前文。' });
    expect(after[1]).toMatchObject({ type: 'table', headerRows: 1 });
    expect(after.slice(2)).toEqual(toBlocks(imported.body));
  });

  it('in the middle of a paragraph the paragraph is split around the report', async () => {
    const rig = pasteRig([{ type: 'paragraph', text: '前半后半' }]);
    rig.editor.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().getFirstDescendant<TextNode>()!.select(2, 2), { discrete: true });
    await rig.paste({ 'text/plain': text });
    const after = texts(body(rig.editor));
    expect(after[0]).toBe('前半');
    expect(after.at(-1)).toBe('后半');
    expect(after).not.toContain('金文〔2023〕5号');
  });
});

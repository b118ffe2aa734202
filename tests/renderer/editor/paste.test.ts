/**
 * Paste: Word/WPS/web HTML and plain text become our blocks (headings by their numbers,
 * paragraphs), with no foreign fonts, colours or sizes; a whole report pasted into a blank
 * document also fills the empty header fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $getRoot } from 'lexical';
import { fromBlocks, toBlocks } from '../../../shared/model';
import { bodyFromEditorState, createGongwenHeadlessEditor, parseBody } from '../../../renderer/editor/bridge';
import { $insertPasted, convertPaste, linesToBlocks } from '../../../renderer/editor/plugins/PastePlugin';
import { registerGuidance } from '../../../renderer/editor/plugins/GuidancePlugin';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:"Calibri"}</style></head><body>
<p class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="font-size:16.0pt;font-family:仿宋_GB2312;color:#C00000">一、主要举措和成效</span></p>
<p class=MsoNormal><span style='font-size:16.0pt;font-family:"Times New Roman"'>（一）强化组织领导。</span><span style="font-size:16.0pt;color:blue">街道党工委书记履行第一责任人职责。</span></p>
<p class=MsoNormal><span style="font-size:22pt">二、存在的不足和原因</span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span style="font-family:宋体">执法人员培训不足。</span></p>
</body></html>`;

function editorWith(blocks: Parameters<typeof fromBlocks>[0]) {
  const editor = createGongwenHeadlessEditor();
  registerGuidance(editor);
  editor.setEditorState(parseBody(editor, fromBlocks(blocks)));
  return editor;
}

describe('paste conversion', () => {
  it('turns Word HTML into headings and paragraphs without foreign formatting', () => {
    const content = convertPaste({ html: WORD_HTML, text: 'ignored' }, false)!;
    expect(content.inline).toBeNull();
    const texts = content.blocks.map((b) => (b.type === 'heading' ? `H${b.level}:${b.text}` : `P:${b.text}`));
    expect(texts[0]).toBe('H1:主要举措和成效');
    expect(texts.some((t) => t.startsWith('H2:强化组织领导'))).toBe(true);
    expect(texts).toContain('H1:存在的不足和原因');
    expect(texts.join('|')).toContain('执法人员培训不足。');
    expect(JSON.stringify(content.blocks)).not.toMatch(/font|color|Calibri|仿宋|pt/);
  });

  it('inserts the blocks at the caret as our nodes, text without style', () => {
    const editor = editorWith([{ type: 'paragraph', text: '开头。' }, { type: 'paragraph', text: '' }]);
    const content = convertPaste({ html: WORD_HTML }, false)!;
    editor.update(() => {
      $getRoot().getLastChild()!.selectEnd();
      $insertPasted(content);
    }, { discrete: true });
    const json = bodyFromEditorState(editor.getEditorState());
    const blocks = toBlocks(json);
    expect(blocks[0]).toEqual({ type: 'paragraph', text: '开头。' });
    expect(blocks[1]).toMatchObject({ type: 'heading', level: 1, text: '主要举措和成效' });
    expect(JSON.stringify(json)).not.toMatch(/"style":"[^"]/);
  });

  it('a single line goes into the current paragraph as text', () => {
    const editor = editorWith([{ type: 'paragraph', text: '我们' }]);
    const content = convertPaste({ text: '坚持依法行政' }, false)!;
    expect(content.inline).toBe('坚持依法行政');
    editor.update(() => {
      $getRoot().getFirstChild()!.selectEnd();
      $insertPasted(content);
    }, { discrete: true });
    expect(toBlocks(bodyFromEditorState(editor.getEditorState()))).toEqual([{ type: 'paragraph', text: '我们坚持依法行政' }]);
  });

  it('pasting into guidance replaces the guidance', () => {
    const editor = editorWith([{ type: 'guidance', text: '在此填写主要举措。' }]);
    const content = convertPaste({ text: '（一）强化领导\n街道成立领导小组。' }, false)!;
    editor.update(() => {
      $getRoot().getFirstChild()!.selectEnd();
      $insertPasted(content);
    }, { discrete: true });
    const blocks = toBlocks(bodyFromEditorState(editor.getEditorState()));
    expect(blocks.some((b) => b.type === 'guidance')).toBe(false);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 2, text: '强化领导' });
    expect(blocks[1]).toEqual({ type: 'paragraph', text: '街道成立领导小组。' });
  });

  it('a whole report pasted into a blank document brings its header; into text it keeps every line', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'report-jinlanshan-2022.txt'), 'utf8');
    const blank = convertPaste({ text }, true)!;
    expect(blank.header?.docNumber).toBe('金文〔2023〕5号');
    expect(blank.blocks.filter((b) => b.type === 'heading').length).toBeGreaterThan(3);
    const into = convertPaste({ text: '关于2024年度法治政府建设情况的报告\n县委、县政府：\n一、主要举措\n正文一段。' }, false)!;
    const all = into.blocks.map((b) => (b.type === 'heading' ? `${b.label}${b.text}` : b.text)).join('');
    expect(all).toContain('县委、县政府');
    expect(all).toContain('关于2024年度法治政府建设情况的报告');
  });

  it('linesToBlocks reads heading numbers and strips bold marks', () => {
    expect(linesToBlocks(['**一、总体情况**', '　　正文。', ''])).toEqual([
      { type: 'heading', level: 1, label: '一、', text: '总体情况', runIn: null },
      { type: 'paragraph', text: '正文。' },
    ]);
  });

  it('keeps bold from Word/WPS HTML (<strong>, font-weight spans) in blocks and in a one-line paste', () => {
    const html = '<p>第一段<strong>一是</strong>加强领导。</p><p><span style="font-weight:700">二是</span>完善制度。</p>';
    const content = convertPaste({ html }, false)!;
    expect(content.blocks).toEqual([
      { type: 'paragraph', text: '第一段一是加强领导。', runs: [{ text: '第一段' }, { text: '一是', bold: true }, { text: '加强领导。' }] },
      { type: 'paragraph', text: '二是完善制度。', runs: [{ text: '二是', bold: true }, { text: '完善制度。' }] },
    ]);
    const one = convertPaste({ html: '<b>重点</b>任务' }, false)!;
    expect(one.inline).toBe('重点任务');
    expect(one.inlineRuns).toEqual([{ text: '重点', bold: true }, { text: '任务' }]);
  });
});

/**
 * The bridge: a body written by shared/ (fromBlocks) loads into an editor with our nodes
 * and comes back out of `getEditorState().toJSON()` as the same blocks — for the three
 * real reports (imported as text) and for the shapes templates use (guidance, run-in).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $getRoot } from 'lexical';
import { fromBlocks, toBlocks, type Block } from '../../../shared/model';
import { importText } from '../../../shared/import/text';
import { bodyFromEditorState, createGongwenHeadlessEditor, parseBody } from '../../../renderer/editor/bridge';
import { $isGwGuidanceNode, $isGwHeadingNode, $isGwRunInNode } from '../../../renderer/editor/nodes';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

function roundTrip(blocks: Block[]) {
  const editor = createGongwenHeadlessEditor();
  const body = fromBlocks(blocks);
  editor.setEditorState(parseBody(editor, body));
  return { editor, json: bodyFromEditorState(editor.getEditorState()) };
}

const templateLike: Block[] = [
  { type: 'paragraph', text: '2023年，在县委、县政府的坚强领导下，现将有关情况报告如下：' },
  { type: 'heading', level: 1, label: null, text: '主要举措和成效', runIn: null },
  { type: 'guidance', text: '（在此概述本年度推进法治政府建设的主要举措和取得的成效。）' },
  { type: 'heading', level: 2, label: '(一)', text: '强化组织领导，推进依法行政。', runIn: '一是加强组织领导。二是精准靶向发力。' },
  { type: 'heading', level: 3, label: null, text: '落实第一责任人职责', runIn: null },
  { type: 'heading', level: 4, label: '（1）', text: '建立台账', runIn: null },
  { type: 'paragraph', text: '' },
  { type: 'guidance', text: '' },
];

describe('editor state ⇄ document body', () => {
  it('keeps headings, labels, run-ins and guidance of a template-like body', () => {
    const { editor, json } = roundTrip(templateLike);
    expect(toBlocks(json)).toEqual(templateLike);
    editor.getEditorState().read(() => {
      const children = $getRoot().getChildren();
      expect($isGwHeadingNode(children[1])).toBe(true);
      expect($isGwGuidanceNode(children[2])).toBe(true);
      const runIn = $isGwHeadingNode(children[3]) ? children[3].getChildren()[1] : null;
      expect($isGwRunInNode(runIn)).toBe(true);
    });
  });

  it('writes exactly the JSON shape of shared/model/lexical-json.ts for our nodes', () => {
    const { json } = roundTrip(templateLike);
    const heading = json.root.children[3]!;
    expect(heading).toMatchObject({ type: 'gw-heading', level: 2, label: '(一)', version: 1, indent: 0, format: '' });
    expect(heading.children[1]).toMatchObject({ type: 'gw-run-in', version: 1 });
    expect(json.root.children[2]).toMatchObject({ type: 'gw-guidance', version: 1 });
  });

  it('survives a JSON round trip of the loaded state (as drafts are saved and reopened)', () => {
    const { json } = roundTrip(templateLike);
    const again = roundTrip(toBlocks(JSON.parse(JSON.stringify(json))));
    expect(again.json).toEqual(json);
  });

  for (const file of ['report-jinlanshan-2022.txt', 'report-chengxi-2024.txt', 'report-zhaishang-2023.txt']) {
    it(`round-trips the body of ${file}`, () => {
      const doc = importText(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      const blocks = toBlocks(doc.body);
      expect(blocks.filter((b) => b.type === 'heading').length).toBeGreaterThan(3);
      const { json } = roundTrip(blocks);
      expect(toBlocks(json)).toEqual(blocks);
    });
  }
});

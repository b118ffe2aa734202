/** Findings' line numbers in a .txt/.md input: every block of the real reports is found back on its own line. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../shared/import/text';
import { toBlocks } from '../../../shared/model/lexical-json';
import { blockText } from '../../../shared/checks/analysis';
import { mapSourceLines } from '../../../shared/checks/source-lines';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
const files = [
  ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURES, f)),
  ...fs.readdirSync(path.join(FIXTURES, 'openings')).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURES, 'openings', f)),
];
const squeeze = (s: string) => s.replace(/[\s\u3000*`#>|]+/g, ''); // as the import drops markup

describe('mapSourceLines', () => {
  it.each(files.map((f) => [path.basename(f), f]))('%s: each block starts on the line that holds its first words', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const doc = importText(source);
    const blocks = toBlocks(doc.body);
    const map = mapSourceLines(source, blocks, doc.header);
    const lines = source.split(/\r\n|\r|\n/);
    expect(blocks.length).toBeGreaterThan(0);
    map.blockStarts.forEach((start, i) => {
      expect(start, `block ${i} "${blockText(blocks[i]!).slice(0, 20)}" found`).not.toBeNull();
      expect(squeeze(lines[start! - 1]!), `block ${i}`).toContain(squeeze(blockText(blocks[i]!)).slice(0, 12));
    });
    // in order, each on a line of its own
    const found = map.blockStarts as number[];
    for (let i = 1; i < found.length; i++) expect(found[i]!).toBeGreaterThan(found[i - 1]!);
    // the title field is found on a line of the file's head
    if (doc.header.title.trim()) expect(map.lineOf({ block: null, field: 'title', start: null, end: null }, null)).toBeLessThan(found[0] ?? Infinity);
  });

  it('an offset inside a paragraph wrapped over lines gives the line of the offending text', () => {
    const source = '一、主要举措和成效\n\n（一）强化组织领导。召开专题会议研究部署法治政府建设工作，\n全年审查合同××份，重大行政决策均经合法性审查。\n';
    const doc = importText(source);
    const blocks = toBlocks(doc.body);
    const map = mapSourceLines(source, blocks, doc.header);
    const b = blocks.findIndex((x) => blockText(x).includes('××'));
    const text = blockText(blocks[b]!);
    const at = text.indexOf('××');
    expect(map.lineOf({ block: b, start: at, end: at + 2 }, text)).toBe(4);
    expect(map.lineOf({ block: b, start: null, end: null }, text)).toBe(3);
    expect(map.lineOf({ block: 999, start: 0, end: 1 }, text)).toBeNull();
  });
});

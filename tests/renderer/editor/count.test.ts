import { describe, expect, it } from 'vitest';
import { countChars, createIncrementalStats, documentStats, linesFor, textWidth } from '../../../renderer/editor/plugins/StatusBarPlugin/count';
import { displayLabels, emptyHeader, fromBlocks, toBlocks, type Block } from '../../../shared/model';

describe('字数 and page estimate', () => {
  it('counts every non-space character once: 汉字, punctuation, letters, digits', () => {
    expect(countChars('一、总体情况')).toBe(6);
    expect(countChars('2024年 GDP 增长 3.5%。')).toBe(15);
    expect(countChars(' \u3000\n\t')).toBe(0);
  });

  it('measures lines of 28 characters, half-width counting half, with the 2-character indent', () => {
    expect(textWidth('ab12')).toBe(2);
    expect(linesFor('字'.repeat(26))).toBe(1);
    expect(linesFor('字'.repeat(27))).toBe(2);
    expect(linesFor('字'.repeat(28), 0)).toBe(1);
  });

  it('estimates 22 lines a page and ignores guidance in the count', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, label: null, text: '主要举措', runIn: null },
      { type: 'guidance', text: '在此填写' },
      ...Array.from({ length: 30 }, () => ({ type: 'paragraph' as const, text: '字'.repeat(26) })),
    ];
    const header = { ...emptyHeader(), redHeader: false };
    const stats = documentStats(header, blocks, ['一、', null, ...blocks.slice(2).map(() => null)]);
    expect(stats.chars).toBe(2 + 4 + 30 * 26);
    expect(stats.lines).toBe(32);
    expect(stats.pages).toBe(2);
  });
});

describe('status bar counts kept block by block', () => {
  it('a heading unchanged as an object but moved to another number (十、 → 十一、) is counted with its new number', () => {
    const heading = (text: string) => fromBlocks([{ type: 'heading', level: 1, label: null, text, runIn: null }]).root.children[0]!;
    const ten = Array.from({ length: 10 }, (_, i) => heading(`第${i + 1}部分`));
    const before = fromBlocks([]);
    const stats = createIncrementalStats();
    const header = emptyHeader();
    const first = stats(header, { root: { ...before.root, children: ten } });
    expect(first).toEqual(documentStats(header, toBlocks({ root: { ...before.root, children: ten } }), displayLabels(toBlocks({ root: { ...before.root, children: ten } }))));
    // One more heading in front: the same ten objects now show 二、 … 十一、
    const eleven = [heading('新的一部分'), ...ten];
    const body = { root: { ...before.root, children: eleven } };
    const blocks = toBlocks(body);
    expect(displayLabels(blocks).at(-1)).toBe('十一、');
    expect(stats(header, body)).toEqual(documentStats(header, blocks, displayLabels(blocks)));
  });
});

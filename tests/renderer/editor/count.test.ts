import { describe, expect, it } from 'vitest';
import { countChars, documentStats, linesFor, textWidth } from '../../../renderer/editor/plugins/StatusBarPlugin/count';
import { emptyHeader, type Block } from '../../../shared/model';

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

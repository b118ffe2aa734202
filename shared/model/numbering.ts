/**
 * Heading numbers of GB/T 9704 (7.3.3): 一、 （一） 1. （1）. Generated numbers count up
 * within their parent and restart under a new parent.
 */
import type { Block, HeadingLevel } from './blocks';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 一 → 1, 十二 → 12; NaN when not a Chinese numeral 1–99. */
export function parseChineseNumeral(s: string): number {
  const t = s.replace(/〇/g, '零');
  if (!/^[一二三四五六七八九十]+$/.test(t)) return Number.NaN;
  const tenAt = t.indexOf('十');
  if (tenAt < 0) return t.length === 1 ? DIGITS.indexOf(t) : Number.NaN;
  const tens = tenAt === 0 ? 1 : DIGITS.indexOf(t.slice(0, tenAt));
  const rest = t.slice(tenAt + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? DIGITS.indexOf(rest) : Number.NaN;
  if (tenAt > 1 || tens < 1 || Number.isNaN(ones) || ones < 0) return Number.NaN;
  return tens * 10 + ones;
}

/** The standard label of the n-th heading (1-based) at a level. */
export function headingLabel(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** The position (1-based, within its parent) of every heading in a list of blocks; null for non-headings. */
export function headingOrdinals(blocks: readonly Block[]): (number | null)[] {
  const counters = [0, 0, 0, 0];
  return blocks.map((block) => {
    if (block.type !== 'heading') return null;
    const i = block.level - 1;
    counters[i] = (counters[i] ?? 0) + 1;
    for (let deeper = i + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    return counters[i]!;
  });
}

/** The label to show: the written one, or the generated one when the heading has none. */
export function displayLabels(blocks: readonly Block[]): (string | null)[] {
  const ordinals = headingOrdinals(blocks);
  return blocks.map((block, i) => (block.type === 'heading' ? (block.label ?? headingLabel(block.level, ordinals[i]!)) : null));
}

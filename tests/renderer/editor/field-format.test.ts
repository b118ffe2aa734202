import { describe, expect, it } from 'vitest';
import { chineseDateToIso, isoToChineseDate, normalizeDate, normalizeDocNumber, splitNames, stripTrailingColon } from '../../../renderer/features/header-form/field-format';

describe('发文字号 input help', () => {
  it.each([
    ['金文2024 5', '金文〔2024〕5号'],
    ['金文[2024]5号', '金文〔2024〕5号'],
    ['金文【2024】第05号', '金文〔2024〕5号'],
    ['金文(2024)5', '金文〔2024〕5号'],
    ['金文（２０２４）１２号', '金文〔2024〕12号'],
    ['  金文〔2024〕5号 ', '金文〔2024〕5号'],
    ['黔城西街办发2024年第3号', '黔城西街办发〔2024〕3号'],
  ])('%s → %s', (typed, standard) => expect(normalizeDocNumber(typed)).toBe(standard));

  it('leaves what it cannot read without guessing', () => {
    expect(normalizeDocNumber('金文[24]5号')).toBe('金文[24]5号');
    expect(normalizeDocNumber('待定')).toBe('待定');
    expect(normalizeDocNumber('   ')).toBe('');
  });
});

describe('dates', () => {
  it('writes the picker value the GB way, without leading zeros', () => {
    expect(isoToChineseDate('2024-01-05')).toBe('2024年1月5日');
    expect(isoToChineseDate('2023-12-31')).toBe('2023年12月31日');
    expect(isoToChineseDate('')).toBe('');
  });
  it('reads typed dates back for the picker', () => {
    expect(chineseDateToIso('2024年1月5日')).toBe('2024-01-05');
    expect(chineseDateToIso('二〇二四年一月五日')).toBe('2024-01-05');
    expect(chineseDateToIso('2024年2月30日')).toBe('');
    expect(chineseDateToIso('不是日期')).toBe('');
  });
  it('normalises loosely typed dates when the field is left', () => {
    expect(normalizeDate('2024年01月05日')).toBe('2024年1月5日');
    expect(normalizeDate('2024-1-5')).toBe('2024年1月5日');
    expect(normalizeDate('明天')).toBe('明天');
  });
});

describe('other fields', () => {
  it('splits signer names and strips the recipient colon', () => {
    expect(splitNames('张健平 余志强')).toEqual(['张健平', '余志强']);
    expect(splitNames('张健平、余志强，')).toEqual(['张健平', '余志强']);
    expect(stripTrailingColon('县委、县政府：')).toBe('县委、县政府');
    expect(stripTrailingColon('县委、县政府:')).toBe('县委、县政府');
  });
});

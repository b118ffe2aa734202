/** 文号 and date parsing, the pieces the header rules and fixes stand on. */
import { describe, expect, it } from 'vitest';
import { parseDocNumber } from '../../../shared/checks/doc-number';
import { parseWritingDate, isStandardDate } from '../../../shared/checks/dates';
import { parseLabel } from '../../../shared/checks/labels';

describe('parseDocNumber', () => {
  it.each([
    ['金文〔2023〕5号', [], '金文〔2023〕5号', 2023],
    ['金文 〔2023〕 5 号', [], '金文〔2023〕5号', 2023],
    ['金文【2023】5号', ['brackets'], '金文〔2023〕5号', 2023],
    ['金文（2023）第05号', ['brackets', 'di', 'leadingZero'], '金文〔2023〕5号', 2023],
    ['金文〔23〕5号', ['shortYear'], null, null],
    ['〔2023〕5号', ['noCode'], null, 2023],
    ['第五号', ['unrecognized'], null, null],
  ])('%s', (input, problems, standard, year) => {
    const p = parseDocNumber(input);
    expect(p.problems).toEqual(problems);
    expect(p.standard).toBe(standard);
    expect(p.year).toBe(year);
  });
});

describe('parseWritingDate', () => {
  it.each([
    ['2024年1月5日', [], '2024年1月5日'],
    ['２０２４年１月５日', ['numericForm'], '2024年1月5日'],
    ['二〇二四年一月五日', ['chineseNumerals'], '2024年1月5日'],
    ['二〇二三年十二月三十一日', ['chineseNumerals'], '2023年12月31日'],
    ['2024-01-05', ['numericForm'], '2024年1月5日'],
    ['2024.1.5', ['numericForm'], '2024年1月5日'],
    ['2024年01月5日', ['leadingZero'], '2024年1月5日'],
    ['2024年1月', ['noDay'], null],
    ['24年1月5日', ['shortYear'], null],
    ['2023年2月29日', ['notADate'], null],
    ['明天', ['unrecognized'], null],
  ])('%s', (input, problems, standard) => {
    const p = parseWritingDate(input);
    expect(p.problems).toEqual(problems);
    expect(p.standard).toBe(standard);
  });

  it('isStandardDate', () => {
    expect(isStandardDate('2024年1月5日')).toBe(true);
    expect(isStandardDate('2024年01月05日')).toBe(false);
  });
});

describe('parseLabel', () => {
  it.each([
    ['一、', { style: 'cn-sep', n: 1, sep: '、' }],
    ['十二、', { style: 'cn-sep', n: 12 }],
    ['(二) ', { style: 'cn-paren', n: 2, open: '(', close: ')' }],
    ['（三)', { style: 'cn-paren', n: 3, open: '（', close: ')' }],
    ['1．', { style: 'num-sep', n: 1, sep: '．' }],
    ['（１）', { style: 'num-paren', n: 1 }],
  ])('%s', (raw, expected) => {
    expect(parseLabel(raw)).toMatchObject(expected);
  });
  it('unreadable labels are null', () => {
    expect(parseLabel('一是')).toBeNull();
    expect(parseLabel('第一')).toBeNull();
  });
});

/**
 * 发文字号 (GB/T 9704 7.2.4): 机关代字 + 年份 in 〔〕 + 发文顺序号 + 号, e.g. 金文〔2023〕5号.
 * The full year, no leading zero, no 第, hexagonal brackets 〔〕 (not 【】 [] () （）).
 */
import { toHalfWidthDigits } from './text';

export type DocNumberProblem = 'brackets' | 'shortYear' | 'leadingZero' | 'di' | 'noHao' | 'noCode' | 'unrecognized';

export interface ParsedDocNumber {
  code: string;
  year: number | null;
  serial: number | null;
  problems: DocNumberProblem[];
  /** The standard form when it can be written without guessing, else null. */
  standard: string | null;
}

const OPEN = '〔\\[【(（［｛{〈<「';
const CLOSE = '〕\\]】)）］｝}〉>」';
const FORM = new RegExp(`^(.*?)([${OPEN}])(\\d{2}|\\d{4})([${CLOSE}])(第)?(\\d+)(号)?$`);

export function parseDocNumber(input: string): ParsedDocNumber {
  const s = toHalfWidthDigits(input.replace(/[\s\u3000]/g, ''));
  const m = FORM.exec(s);
  if (!m) return { code: '', year: null, serial: null, problems: ['unrecognized'], standard: null };
  const [, code = '', open, yearText = '', close, di, serialText = '', hao] = m;
  const problems: DocNumberProblem[] = [];
  if (open !== '〔' || close !== '〕') problems.push('brackets');
  if (yearText.length === 2) problems.push('shortYear');
  if (di) problems.push('di');
  if (/^0\d/.test(serialText)) problems.push('leadingZero');
  if (!hao) problems.push('noHao');
  if (!code) problems.push('noCode');
  const serial = Number(serialText);
  const year = yearText.length === 4 ? Number(yearText) : null;
  const standard = year !== null && code && serial > 0 ? `${code}〔${year}〕${serial}号` : null;
  return { code, year, serial: serial > 0 ? serial : null, problems, standard };
}

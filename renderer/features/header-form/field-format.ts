/**
 * Input help for header fields: 发文字号 and dates typed loosely are written the way
 * GB/T 9704 wants them when the field is left. Pure functions, tested in tests/renderer.
 */
import { parseDocNumber } from '../../../shared/checks/doc-number';
import { parseWritingDate } from '../../../shared/checks/dates';

const toHalf = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * 金文2024 5 / 金文[2024]5号 / 金文【2024】第05号 / 金文(2024)5 → 金文〔2024〕5号.
 * Left as typed when it cannot be read without guessing (e.g. a two-digit year).
 */
export function normalizeDocNumber(input: string): string {
  const trimmed = input.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (!trimmed) return '';
  const parsed = parseDocNumber(trimmed);
  if (parsed.standard) return parsed.standard;
  // No brackets at all: 代字, a four-digit year, then the serial number.
  const m = /^(.*?[^\d\s\u3000])[\s\u3000]*(\d{4})[\s\u3000]*年?[\s\u3000]*第?[\s\u3000]*0*(\d+)[\s\u3000]*号?$/.exec(toHalf(trimmed));
  if (m && Number(m[3]) > 0) return `${m[1]}〔${m[2]}〕${Number(m[3])}号`;
  return trimmed;
}

/** 'YYYY-MM-DD' → 2024年1月5日 (no leading zeros), '' when not a date. */
export function isoToChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** Any readable date (2024年01月05日, 2024-1-5, 二〇二四年一月五日) → 'YYYY-MM-DD', or ''. */
export function chineseDateToIso(text: string): string {
  const p = parseWritingDate(text);
  if (p.year === null || p.month === null || p.day === null || p.standard === null) return '';
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** A typed date in the standard form when it can be read, else as typed. */
export function normalizeDate(text: string): string {
  const trimmed = text.trim();
  return parseWritingDate(trimmed).standard ?? trimmed;
}

/** Names typed with spaces, 、 or commas → a list. */
export function splitNames(text: string): string[] {
  return text.split(/[\s\u3000、，,；;]+/).filter(Boolean);
}

/** Lines of a multi-line field; empty lines dropped. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** 主送机关 is stored without its colon (the page adds a full-width one). */
export function stripTrailingColon(text: string): string {
  return text.trim().replace(/[：:]+$/, '');
}

/**
 * Personal numbers a public version must not carry, recognised by their own check digits
 * so that ordinary long numbers (统一社会信用代码, 文号, amounts, phone numbers) are not
 * mistaken for them. Pure functions; `today` is passed in.
 */

/** 居民身份证号码 province codes (GB/T 2260 first two digits, 11 北京 … 82 澳门). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * An 18-character 居民身份证号码: a known province, a real date of birth between 1900 and
 * `today`, and the right check character. Anything else (a number whose check digit fails)
 * is not one.
 */
export function isIdNumber(raw: string, today: string): boolean {
  const s = raw.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || !validDate(y, m, d)) return false;
  if (s.slice(6, 14) > today.replace(/-/g, '')) return false;
  return idCheckChar(s) === s[17];
}

/** The Luhn (ISO/IEC 7812) check that bank card numbers carry in their last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 (GB 32100-2015) with a valid check character. */
export function isCreditCode(raw: string): boolean {
  const s = raw.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === s[17];
}

/**
 * A bank card number: 16–19 digits, a card-scheme first digit (3 JCB/AmEx, 4 Visa, 5
 * Mastercard, 6 银联, 9 older domestic debit cards) and the Luhn check. An ID number or a
 * credit code that happens to pass Luhn is not a card.
 */
export function isBankCard(digits: string, today: string): boolean {
  if (!/^[34569]\d{15,18}$/.test(digits)) return false;
  if (!luhnValid(digits)) return false;
  if (digits.length === 18 && (isIdNumber(digits, today) || isCreditCode(digits))) return false;
  return true;
}

/** Full-width digits and letters to ASCII, one character for one (offsets are kept). */
export function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export interface NumberRun {
  /** Offset in the text and length of the run as written (separators included). */
  start: number;
  length: number;
  /** Digits only (and a final X of an ID number). */
  digits: string;
  /** Written with spaces or hyphens between groups (6222 0210 …, 138-0013-8000). */
  grouped: boolean;
}

/**
 * Runs of digits in a text, with single spaces or hyphens between groups of digits taken as
 * one number (that is how card and phone numbers are written). A final X joins an 18-digit
 * run. Decimal numbers are left whole so that 12345.67 is not read as a number run.
 */
export function numberRuns(text: string): NumberRun[] {
  const s = halfWidth(text);
  const out: NumberRun[] = [];
  const re = /\d+(?:[ \u00a0-]\d+)*(?:[xX](?![A-Za-z]))?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s[m.index - 1] ?? '';
    const after = s[m.index + m[0].length] ?? '';
    // Part of a decimal number or of a code with letters (ABC1234…): not a personal number.
    if (/[.．A-Za-z]/.test(before) && /\d/.test(s[m.index - 2] ?? '') || /[A-Za-z]/.test(before)) continue;
    if ((after === '.' || after === '．') && /\d/.test(s[m.index + m[0].length + 1] ?? '')) continue;
    if (/[A-Za-z]/.test(after)) continue;
    out.push({ start: m.index, length: m[0].length, digits: m[0].replace(/[ \u00a0-]/g, '').toUpperCase(), grouped: /[ \u00a0-]/.test(m[0]) });
  }
  return out;
}

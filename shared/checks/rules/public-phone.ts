/**
 * public.phone (warning): mobile numbers (1[3-9]x, 11 digits, also +86 and grouped 138 0013
 * 8000) and landlines (0851-8221234, （0851）8221234, or digits after 电话/座机) of persons.
 * The office's own published contact line (PublicScreening.allowedPhones) is not a finding;
 * the one in 附注 can be marked so from the panel.
 */
import type { CheckRule, Finding } from '../types';
import { compact, make } from '../finding';
import { halfWidth, numberRuns } from '../public/numbers';
import { screenTargets } from '../public/targets';

const MOBILE = /^(?:0?86)?1[3-9]\d{9}$/;
const LANDLINE = /(?<![\d-])(?:[(（]0\d{2,3}[)）][ \u00a0]?|0\d{2,3}[-—－ ][ \u00a0]?)\d{7,8}(?:[-—－]\d{1,5})?(?![\d-])/g;
const PHONE_CONTEXT = /(电话|座机|手机|联系方式|传真|热线|Tel|TEL|tel)[号码]*[：:\s]*$/;

/** Digits only, without a leading 86 country code, for comparing two writings of one number. */
export function phoneDigits(raw: string): string {
  const d = halfWidth(raw).replace(/\D/g, '');
  return d.length === 13 && d.startsWith('86') ? d.slice(2) : d;
}

function allowed(digits: string, list: readonly string[]): boolean {
  return list.some((raw) => {
    const a = phoneDigits(raw);
    if (a.length < 7) return false;
    return a === digits || (digits.length > a.length ? digits.endsWith(a) : a.endsWith(digits) && digits.length >= 7);
  });
}

/** The phone numbers written in a text: what was written and its digits. */
export function phonesIn(text: string): { found: string; digits: string }[] {
  const s = halfWidth(text);
  const out: { found: string; digits: string; start: number }[] = [];
  LANDLINE.lastIndex = 0;
  for (let m = LANDLINE.exec(s); m; m = LANDLINE.exec(s)) out.push({ found: text.slice(m.index, m.index + m[0].length), digits: phoneDigits(m[0]), start: m.index });
  for (const run of numberRuns(text)) {
    if (out.some((o) => run.start >= o.start && run.start < o.start + o.found.length)) continue;
    const plus = s[run.start - 1] === '+' ? 1 : 0;
    const found = text.slice(run.start - plus, run.start + run.length);
    if (MOBILE.test(run.digits)) out.push({ found, digits: phoneDigits(run.digits), start: run.start - plus });
    else if (/^0\d{9,11}$|^[2-9]\d{6,7}$/.test(run.digits) && PHONE_CONTEXT.test(s.slice(Math.max(0, run.start - 10), run.start))) {
      out.push({ found, digits: run.digits, start: run.start });
    }
  }
  return out.sort((a, b) => a.start - b.start).map(({ found, digits }) => ({ found, digits }));
}

export const publicPhoneRule: CheckRule = {
  ids: ['public.phone'],
  basis: { 'public.phone': { source: '条例', ref: 'checks.basisRef.privacy' } },
  run(input) {
    const screening = input.ctx.public;
    if (!screening) return [];
    const out: (Finding | null)[] = [];
    for (const target of screenTargets(input)) {
      for (const phone of phonesIn(target.text)) {
        if (allowed(phone.digits, screening.allowedPhones)) continue;
        out.push(make(input, { rule: 'public.phone', severity: 'warning', messageKey: target.field === 'note' ? 'checks.public.phone.note' : 'checks.public.phone.text', values: { found: phone.found, digits: phone.digits }, block: target.block, field: target.field, text: phone.found }));
      }
    }
    return compact(out);
  },
};

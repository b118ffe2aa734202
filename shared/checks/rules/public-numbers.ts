/**
 * public.idNumber and public.bankCard (errors): an 18-digit 居民身份证号码 whose date and
 * GB 11643 check character are right, and a 16–19-digit card number that passes the Luhn
 * check, must not reach the public version. Long numbers that are neither (a 统一社会信用代码,
 * an 18-digit number whose check digit fails, a 文号, an amount) are left alone. The quick fix
 * masks the number (5221**********1234), keeping the first and last four characters.
 */
import type { CheckRule, Finding } from '../types';
import { compact, make } from '../finding';
import { isBankCard, isIdNumber, numberRuns } from '../public/numbers';
import { replaceInField, screenTargets } from '../public/targets';
import { replaceInBlock } from '../edit';

/** Words just before a number that say what it is: none of these is a card number. */
const NOT_A_CARD_BEFORE = /(信用代码|组织机构代码|代码|文号|编号|案号|单号|登记号|许可证号|证号|流水号|批次号|工号|邮编|税号)[：:\s]*$/;

export function maskNumber(digits: string): string {
  return digits.length <= 8 ? digits : `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

export const publicNumbersRule: CheckRule = {
  ids: ['public.idNumber', 'public.bankCard'],
  // 政府信息公开条例 第十五条: personal privacy is not disclosed.
  basis: { 'public.idNumber': { source: '条例', ref: 'checks.basisRef.privacy' }, 'public.bankCard': { source: '条例', ref: 'checks.basisRef.privacy' } },
  run(input) {
    if (!input.ctx.public) return [];
    const out: (Finding | null)[] = [];
    const today = input.ctx.today;
    for (const target of screenTargets(input)) {
      for (const run of numberRuns(target.text)) {
        const found = target.text.slice(run.start, run.start + run.length);
        const at = { block: target.block, field: target.field, text: found, fix: 'public.mask' };
        if (run.digits.length === 18 && isIdNumber(run.digits, today)) {
          out.push(make(input, { rule: 'public.idNumber', severity: 'error', messageKey: 'checks.public.idNumber', values: { found, masked: maskNumber(run.digits) }, ...at }));
        } else if (isBankCard(run.digits, today) && !NOT_A_CARD_BEFORE.test(target.text.slice(Math.max(0, run.start - 12), run.start))) {
          out.push(make(input, { rule: 'public.bankCard', severity: 'error', messageKey: 'checks.public.bankCard', values: { found, masked: maskNumber(run.digits) }, ...at }));
        }
      }
    }
    return compact(out);
  },
  fixes: {
    'public.mask': (doc, finding) => {
      const { found, masked } = finding.values;
      if (typeof found !== 'string' || typeof masked !== 'string' || !found) return doc;
      if (finding.where.block !== null) return replaceInBlock(doc, finding.where.block, found, masked);
      if (finding.where.field) return replaceInField(doc, finding.where.field, found, masked);
      return doc;
    },
  },
};

/** header.signer: an up-going document (报告, 请示) in red-header form names its 签发人. */
import type { CheckRule } from '../types';
import { compact, make } from '../finding';
import { blank, headerRuleApplies } from './presence';

export const headerSignerRule: CheckRule = {
  ids: ['header.signer'],
  basis: { 'header.signer': { source: '条例' } },
  run(input) {
    const { header } = input.doc;
    if (header.direction !== 'up' || !headerRuleApplies(input.ruleset.header.signerWhenUp, input.doc)) return [];
    if (header.signers.some((s) => !blank(s))) return [];
    return compact([make(input, { rule: 'header.signer', severity: 'error', messageKey: 'checks.header.signer.missing', field: 'signers' })]);
  },
};

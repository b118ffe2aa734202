/** header.issuer: the red-header version needs the 发文机关标志 (e.g. ××街道工作委员会文件). */
import type { CheckRule } from '../types';
import { compact, make } from '../finding';
import { blank, headerRuleApplies } from './presence';

export const headerIssuerRule: CheckRule = {
  ids: ['header.issuer'],
  basis: { 'header.issuer': { source: '条例' } },
  run(input) {
    const { header } = input.doc;
    if (!headerRuleApplies(input.ruleset.header.issuer, input.doc) || header.issuerLines.some((l) => !blank(l))) return [];
    return compact([make(input, { rule: 'header.issuer', severity: 'error', messageKey: 'checks.header.issuer.missing', field: 'issuerLines' })]);
  },
};

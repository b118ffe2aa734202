/** header.title: every report has a title (发文机关 + 关于 + 事由 + 文种). */
import type { CheckRule } from '../types';
import { compact, make } from '../finding';
import { blank, headerRuleApplies } from './presence';

export const headerTitleRule: CheckRule = {
  ids: ['header.title'],
  basis: { 'header.title': { source: '条例' } },
  run(input) {
    if (!blank(input.doc.header.title) || !headerRuleApplies(input.ruleset.header.title, input.doc)) return [];
    return compact([make(input, { rule: 'header.title', severity: 'error', messageKey: 'checks.header.title.missing', field: 'title' })]);
  },
};

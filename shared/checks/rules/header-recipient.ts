/**
 * header.recipient: the 主送机关 (县委、县政府：). A 请示 goes to one superior organ only
 * (ruleset header.singleRecipient): several is a warning.
 */
import type { CheckRule } from '../types';
import { compact, make } from '../finding';
import { blank, headerRuleApplies } from './presence';

export const headerRecipientRule: CheckRule = {
  ids: ['header.recipient'],
  basis: { 'header.recipient': { source: '条例' } },
  run(input) {
    const { recipient } = input.doc.header;
    if (blank(recipient)) {
      if (!headerRuleApplies(input.ruleset.header.recipient, input.doc)) return [];
      return compact([make(input, { rule: 'header.recipient', severity: 'error', messageKey: 'checks.header.recipient.missing', field: 'recipient' })]);
    }
    if (input.ruleset.header.singleRecipient && /[、，,；;]/.test(recipient.trim())) {
      return compact([
        make(input, { rule: 'header.recipient', severity: 'warning', messageKey: 'checks.header.recipient.several', values: { recipient }, field: 'recipient', text: recipient }),
      ]);
    }
    return [];
  },
};

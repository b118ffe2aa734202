/**
 * header.docNumber: the red-header version needs a 发文字号, and any 文号 must have the form
 * 代字〔YYYY〕N号 (〔〕 not 【】 [] （）, full year, no leading zero, no 第). The fix
 * rewrites it in the standard form when nothing has to be guessed.
 */
import type { CheckRule } from '../types';
import { compact, make } from '../finding';
import { parseDocNumber } from '../doc-number';
import { setHeader } from '../edit';
import { blank, headerRuleApplies } from './presence';

export const headerDocNumberRule: CheckRule = {
  ids: ['header.docNumber'],
  basis: { 'header.docNumber': { source: '条例' } },
  run(input) {
    const { docNumber } = input.doc.header;
    if (blank(docNumber)) {
      if (!headerRuleApplies(input.ruleset.header.docNumber, input.doc)) return [];
      return compact([make(input, { rule: 'header.docNumber', severity: 'error', messageKey: 'checks.header.docNumber.missing', field: 'docNumber' })]);
    }
    const parsed = parseDocNumber(docNumber);
    const fix = parsed.standard && parsed.standard !== docNumber ? 'docNumber.normalize' : null;
    return compact(
      parsed.problems.map((problem) =>
        make(input, {
          rule: 'header.docNumber',
          severity: 'warning',
          messageKey: `checks.header.docNumber.${problem}`,
          values: { found: docNumber, expected: parsed.standard ?? '' },
          field: 'docNumber',
          text: docNumber,
          fix: parsed.standard ? fix : null,
        }),
      ),
    );
  },
  fixes: {
    'docNumber.normalize': (doc) => {
      const standard = parseDocNumber(doc.header.docNumber).standard;
      return standard && standard !== doc.header.docNumber ? setHeader(doc, { docNumber: standard }) : doc;
    },
  },
};

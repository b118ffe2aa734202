/**
 * section.measures / section.shortcomings / section.plan / section.responsibility (as a
 * heading) / section.other: every required section of the ruleset must be there with text.
 * Sections are found by meaning (analysis.ts); the 第一责任人 statement is its own rule.
 */
import type { CheckRule } from '../types';
import { sectionPresent } from '../analysis';
import { compact, make } from '../finding';

export const statutorySectionsRule: CheckRule = {
  ids: ['section.measures', 'section.shortcomings', 'section.plan', 'section.other'],
  basis: { 'section.measures': { source: '规定' }, 'section.shortcomings': { source: '规定' }, 'section.plan': { source: '规定' }, 'section.other': { source: '规定' } },
  run(input) {
    return compact(
      input.ruleset.sections
        .filter((s) => s.required && s.id !== 'responsibility')
        .map((section) => {
          if (sectionPresent(input, section.id)) return null;
          const hollow = input.hits.find((h) => h.id === section.id);
          return make(input, {
            rule: `section.${section.id}`,
            severity: section.severity,
            messageKey: hollow ? `checks.section.${section.id}.empty` : `checks.section.${section.id}.missing`,
            values: hollow ? { heading: hollow.text } : {},
            block: hollow?.block ?? null,
            text: hollow?.text ?? '',
          });
        }),
    );
  },
};

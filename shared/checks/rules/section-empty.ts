/**
 * section.empty: a heading (level 1 by default) with no substantive text under it.
 * A statutory section missing for want of text is reported once, as section.<id>, not here.
 */
import type { CheckRule } from '../types';
import { sectionPresent } from '../analysis';
import { compact, make } from '../finding';

export const sectionEmptyRule: CheckRule = {
  ids: ['section.empty'],
  basis: { 'section.empty': { source: '实务' } },
  run(input) {
    const statutory = new Set(
      input.hits
        .filter((h) => input.ruleset.sections.some((s) => s.id === h.id && s.required) && !sectionPresent(input, h.id))
        .map((h) => h.block),
    );
    return compact(
      [...input.emptyHeadings]
        .filter((index) => !statutory.has(index))
        .map((index) => {
          const h = input.headingByIndex.get(index)!;
          return make(input, {
            rule: 'section.empty',
            severity: 'warning',
            messageKey: 'checks.section.empty',
            values: { label: h.shown, heading: h.block.text, min: input.ruleset.emptySection.minChars },
            block: index,
            text: `${h.shown}${h.block.text}`,
          });
        }),
    );
  },
};

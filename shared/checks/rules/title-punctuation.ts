/**
 * title.punctuation: a 公文 title ends without punctuation (GB/T 9704 7.3.1 practice);
 * closing quotes and brackets are fine. The fix drops the trailing marks.
 */
import type { CheckRule } from '../types';
import { compact, make } from '../finding';
import { setHeader } from '../edit';

const TRAILING = /[。，、；：！？.,;:!?…]+$/;

export const titlePunctuationRule: CheckRule = {
  ids: ['title.punctuation'],
  basis: { 'title.punctuation': { source: '实务' } },
  run(input) {
    const title = input.doc.header.title.trim();
    const m = TRAILING.exec(title);
    if (!m || m[0].length === title.length) return [];
    return compact([
      make(input, { rule: 'title.punctuation', severity: 'warning', messageKey: 'checks.title.punctuation', values: { mark: m[0] }, field: 'title', text: title, fix: 'title.trimPunctuation' }),
    ]);
  },
  fixes: {
    'title.trimPunctuation': (doc) => {
      const title = doc.header.title.trim().replace(TRAILING, '');
      return title && title !== doc.header.title ? setHeader(doc, { title }) : doc;
    },
  },
};

/**
 * genre.requestInReport: 《党政机关公文处理工作条例》 第十五条 — a 报告 must not carry a request
 * (不得在报告等非请示性公文中夹带请示事项). A report kind whose text asks for approval
 * (妥否，请批示 / 请予批准 / 特此请示 / 请审批…) gets an error at each place; the words are
 * data (checks.json `requestPhrases`), so a 请示 template simply lists none.
 */
import type { CheckRule, Finding } from '../types';
import { make } from '../finding';

export const genreRequestRule: CheckRule = {
  ids: ['genre.requestInReport'],
  basis: { 'genre.requestInReport': { source: '条例' } },
  run(input) {
    const out: Finding[] = [];
    const matcher = input.compiled.requests;
    input.blocks.forEach((block, index) => {
      if (block.type === 'guidance') return;
      const phrase = matcher.longest(input.squeezed[index]!);
      if (!phrase) return;
      const f = make(input, { rule: 'genre.requestInReport', severity: 'error', messageKey: 'checks.genre.requestInReport', values: { phrase }, block: index, text: phrase });
      if (f) out.push(f);
    });
    return out;
  },
};

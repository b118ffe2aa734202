/**
 * The draft's approvals (shared/model/approvals.ts) as findings, so panel, gate and CLI agree:
 * - approval.signOffStale (warning): the text changed after 主要负责人审核签字; exporting it needs
 *   the user's yes (some places require the principal leaders' signature before sending: 实务).
 * - public.secrecyReview, 公开版 only: no 保密审查 on record (hint), one for an older text
 *   (warning), or one that concluded 不予公开 (error) — 《政府信息公开条例》第十七条: information
 *   is reviewed before it is published.
 */
import type { CheckRule, Finding } from '../types';
import { compact, make } from '../finding';
import { approvalState } from '../../model/approval-state';

export const approvalsRule: CheckRule = {
  ids: ['approval.signOffStale', 'public.secrecyReview'],
  basis: {
    'approval.signOffStale': { source: '实务' },
    'public.secrecyReview': { source: '条例', ref: 'checks.basisRef.publicReview' },
  },
  run(input) {
    const state = approvalState(input.doc);
    const out: (Finding | null)[] = [];
    if (state.signOff && state.signOffStale) {
      out.push(make(input, { rule: 'approval.signOffStale', severity: 'warning', messageKey: 'checks.approval.signOffStale', values: { name: state.signOff.name, date: state.signOff.date } }));
    }
    if (input.ctx.public) {
      const review = state.secrecyReview;
      if (!review) out.push(make(input, { rule: 'public.secrecyReview', severity: 'hint', messageKey: 'checks.public.secrecyReview.missing' }));
      else if (review.conclusion === 'withhold') out.push(make(input, { rule: 'public.secrecyReview', severity: 'error', messageKey: 'checks.public.secrecyReview.withhold', values: { reviewer: review.reviewer, date: review.date } }));
      else if (state.secrecyReviewStale) out.push(make(input, { rule: 'public.secrecyReview', severity: 'warning', messageKey: 'checks.public.secrecyReview.stale', values: { reviewer: review.reviewer, date: review.date } }));
    }
    return compact(out);
  },
};

/**
 * What a 公开版 export records in the draft's history, and the one extra condition of its gate:
 * the screening's warnings (a phone number, a 当事人's name…) are accepted by a named person.
 * Errors never reach here (the pipeline's gate refused them).
 */
import type { CheckReport } from '../../shared/checks';
import { formatFinding, type Translate } from '../../shared/checks/format';
import { fail, ok, type Result } from '../../shared/ipc/contract';
import { documentFingerprint, type HistoryEntry } from '../../shared/model/approvals';
import type { GongwenDocument } from '../../shared/model/document';

export function isPublicRule(rule: string): boolean {
  return rule.startsWith('public.');
}

/** 公开版 with public.* warnings: the user accepted them (acceptWarnings) and says who they are. */
export function publicAcceptance(report: CheckReport, variant: 'official' | 'public', acceptance: { by: string; reason: string } | undefined): Result<true> {
  if (variant !== 'public') return ok(true);
  const count = report.findings.filter((f) => f.severity === 'warning' && isPublicRule(f.rule)).length;
  if (count > 0 && !acceptance?.by.trim()) return fail('export-needs-acceptance', 'export.errors.needsAcceptance', { count });
  return ok(true);
}

export function publicExportEntry(
  document: GongwenDocument,
  report: CheckReport,
  info: { fileName: string; format: 'docx' | 'pdf'; by: string; reason: string; recordedAt: string; t: Translate },
): HistoryEntry {
  const fingerprint = documentFingerprint(document);
  const review = document.approvals?.secrecyReview ?? null;
  return {
    type: 'publicExport',
    recordedAt: info.recordedAt,
    fileName: info.fileName.slice(0, 300),
    format: info.format,
    by: info.by.trim().slice(0, 50),
    reason: info.reason.trim().slice(0, 500),
    accepted: report.findings
      .filter((f) => f.severity === 'warning')
      .slice(0, 200)
      .map((f) => ({ rule: f.rule, text: f.where.text.slice(0, 200), block: f.where.block, field: f.where.field, message: formatFinding(f, info.t).slice(0, 500) })),
    secrecyReview: review,
    secrecyReviewCurrent: review !== null && review.fingerprint === fingerprint,
    fingerprint,
  };
}

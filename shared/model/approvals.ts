/**
 * The draft's approvals: the principal leader's sign-off (主要负责人审核签字), the secrecy
 * review (保密审查) and their history, with every 公开版 export and the findings the user
 * accepted for it. Stored in the document (`GongwenDocument.approvals`), so the record travels
 * with a .gwdraft on a USB stick.
 *
 * A sign-off and a review are for one text: each keeps the fingerprint of the text it saw
 * (`documentFingerprint`), and once the text differs the record is stale (the editor says so,
 * the checks warn). The Node side takes the fingerprint and the time, never the renderer.
 *
 * The zod schemas here are the one description of the shape: IPC and files validate with them
 * (shared/ipc/schemas.ts), and `sanitizeApprovals` keeps what is valid of a stored record so a
 * damaged entry never makes a draft unreadable.
 */
import { z } from 'zod';

export const SECRECY_CONCLUSIONS = ['publish', 'publishRedacted', 'withhold'] as const;
export type SecrecyConclusion = (typeof SECRECY_CONCLUSIONS)[number];

const name = z.string().trim().min(1).max(50);
const isoTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'not a time');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)');
const fingerprint = z.string().regex(/^[0-9a-f]{8,64}$/);

/** What the user enters for a sign-off. */
export const signOffInputSchema = z.object({ name, role: z.string().trim().max(50), date: day }).strict();
/** What the user enters for a secrecy review. */
export const secrecyReviewInputSchema = z.object({ reviewer: name, date: day, conclusion: z.enum(SECRECY_CONCLUSIONS), note: z.string().trim().max(500) }).strict();

export const signOffSchema = signOffInputSchema.extend({
  recordedAt: isoTime,
  fingerprint,
  /** The revision that keeps the signed text (revisions/<draft>/…-signoff.gwdraft). */
  revisionId: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/).nullable(),
});
export const secrecyReviewSchema = secrecyReviewInputSchema.extend({ recordedAt: isoTime, fingerprint });

/** A finding the user accepted for a 公开版 export: what, where, and the message as it read. */
export const acceptedFindingSchema = z
  .object({
    rule: z.string().max(60),
    text: z.string().max(200),
    block: z.number().int().min(0).max(1_000_000).nullable(),
    field: z.string().max(40).nullable(),
    message: z.string().max(500),
  })
  .strict();

export const historyEntrySchema = z.discriminatedUnion('type', [
  signOffSchema.extend({ type: z.literal('signOff') }).strict(),
  secrecyReviewSchema.extend({ type: z.literal('secrecyReview') }).strict(),
  z
    .object({
      type: z.literal('publicExport'),
      recordedAt: isoTime,
      fileName: z.string().max(300),
      format: z.enum(['docx', 'pdf']),
      /** Who accepted the findings and why (empty when nothing needed accepting). */
      by: z.string().trim().max(50),
      reason: z.string().trim().max(500),
      accepted: z.array(acceptedFindingSchema).max(200),
      /** The 保密审查 on record at the export, and whether it was for this very text. */
      secrecyReview: secrecyReviewSchema.nullable(),
      secrecyReviewCurrent: z.boolean(),
      fingerprint,
    })
    .strict(),
]);

export const MAX_HISTORY = 500;

export const approvalsSchema = z
  .object({
    signOff: signOffSchema.strict().nullable(),
    secrecyReview: secrecyReviewSchema.strict().nullable(),
    history: z.array(historyEntrySchema).max(MAX_HISTORY),
  })
  .strict();

export type SignOffInput = z.infer<typeof signOffInputSchema>;
export type SecrecyReviewInput = z.infer<typeof secrecyReviewInputSchema>;
export type SignOff = z.infer<typeof signOffSchema>;
export type SecrecyReview = z.infer<typeof secrecyReviewSchema>;
export type AcceptedFinding = z.infer<typeof acceptedFindingSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Approvals = z.infer<typeof approvalsSchema>;

export function emptyApprovals(): Approvals {
  return { signOff: null, secrecyReview: null, history: [] };
}

/**
 * What is valid of a stored record (an older or hand-edited file): a bad sign-off or review is
 * dropped, bad history entries are skipped, the newest MAX_HISTORY kept. Absent → undefined.
 */
export function sanitizeApprovals(raw: unknown): Approvals | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) return emptyApprovals();
  const obj = raw as Record<string, unknown>;
  const signOff = signOffSchema.strict().safeParse(obj.signOff);
  const review = secrecyReviewSchema.strict().safeParse(obj.secrecyReview);
  const history = Array.isArray(obj.history) ? obj.history.flatMap((entry) => {
    const parsed = historyEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  }) : [];
  return { signOff: signOff.success ? signOff.data : null, secrecyReview: review.success ? review.data : null, history: history.slice(-MAX_HISTORY) };
}

// The fingerprint and the stale state live in ./approval-state (no zod: the checks engine
// uses them, and a command-line check must not build these schemas).
export { approvalState, documentFingerprint, type ApprovalState } from './approval-state';

/** The approvals with one more history entry (the newest MAX_HISTORY kept). */
export function withHistory(approvals: Approvals | undefined, entry: HistoryEntry, patch: Partial<Pick<Approvals, 'signOff' | 'secrecyReview'>> = {}): Approvals {
  const base = approvals ?? emptyApprovals();
  return { ...base, ...patch, history: [...base.history, entry].slice(-MAX_HISTORY) };
}

const newer = <T extends { recordedAt: string }>(a: T | null, b: T | null): T | null => (!a ? b : !b ? a : Date.parse(b.recordedAt) >= Date.parse(a.recordedAt) ? b : a);

/**
 * Two copies of one draft's record (what is saved, what a save brings): nothing recorded is
 * lost — the history is the union in time order, the newer sign-off and review win. A save
 * from a window that had not yet seen a record (an autosave in flight) cannot drop it.
 */
export function mergeApprovals(saved: Approvals | undefined, incoming: Approvals | undefined): Approvals | undefined {
  if (!saved) return incoming;
  if (!incoming) return saved;
  const key = (e: HistoryEntry) => `${e.type}|${e.recordedAt}`;
  const seen = new Map<string, HistoryEntry>();
  for (const e of [...saved.history, ...incoming.history]) if (!seen.has(key(e))) seen.set(key(e), e);
  const history = [...seen.values()].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt)).slice(-MAX_HISTORY);
  return { signOff: newer(saved.signOff, incoming.signOff), secrecyReview: newer(saved.secrecyReview, incoming.secrecyReview), history };
}

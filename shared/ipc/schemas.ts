/**
 * zod schemas for everything that crosses a process boundary (IPC, the preview's HTTP
 * routes, files read from disk). Limits are generous for real reports and stop abuse.
 */
import { REPORTING_LEVELS } from '../calendar/annual';
import { z } from 'zod';
import { MAX_BODY_BLOCKS, SCHEMA_VERSION } from '../model/document';
import type { SerializedBody } from '../model/lexical-json';
import type { DocumentDelta } from '../model/block-delta';
import { normalizeBody } from '../model/normalize';
import { approvalsSchema, secrecyReviewInputSchema, signOffInputSchema } from '../model/approvals';
import { REPORT_YEAR_MAX, REPORT_YEAR_MIN, withReportYear } from '../model/report-year';

const line = z.string().max(2_000);
const shortText = z.string().max(500);

export const headerSchema = z.object({
  copyNumber: z.string().max(20),
  secrecy: z.string().max(50),
  urgency: z.string().max(20),
  issuerLines: z.array(shortText).max(10),
  docNumber: z.string().max(100),
  signers: z.array(z.string().max(50)).max(20),
  direction: z.enum(['up', 'parallel', 'down']),
  recipient: line,
  title: line,
  signingOrgans: z.array(shortText).max(10),
  date: z.string().max(50),
  note: line,
  attachments: z.array(line).max(50),
  cc: line,
  printOrgan: shortText,
  printDate: z.string().max(50),
  redHeader: z.boolean(),
  withSeal: z.boolean(),
});

/**
 * The body is Lexical's JSON. Every body that passes this schema (IPC, a .gwdraft, a
 * revision, the journal) leaves rebuilt by the one normaliser (shared/model/normalize.ts):
 * only our node types, text and the supported marks; `style` and unknown attributes are gone.
 */
const bodySchema = z
  .object({
    root: z.object({ type: z.literal('root'), children: z.array(z.looseObject({ type: z.string().max(40) })).max(MAX_BODY_BLOCKS) }).loose(),
  })
  .transform((body) => normalizeBody(body)) as unknown as z.ZodType<SerializedBody>;

/** A document leaves with its 报告年度 in force (shared/model/report-year.ts): a stale stored year never crosses. */
export const documentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    kind: z.string().min(1).max(40).regex(/^[a-z0-9-]+$/),
    reportYear: z.number().int().min(REPORT_YEAR_MIN).max(REPORT_YEAR_MAX).nullable(),
    reportYearFixed: z.boolean().optional(),
    header: headerSchema,
    body: bodySchema,
    /** 审核签字, 保密审查 and their history (shared/model/approvals.ts); absent in older drafts. */
    approvals: approvalsSchema.optional(),
  })
  .transform((doc) => withReportYear(doc));

/**
 * drafts:journal's delta (shared/model/block-delta.ts): the header and, of the body, the
 * blocks changed since the body the Node side holds under `base` (the others by their index
 * in it). Checked loosely here; the document it rebuilds is checked whole by documentSchema.
 */
export const journalDeltaSchema = z.object({
  base: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  document: z.looseObject({}),
  root: z.looseObject({ type: z.literal('root') }),
  blocks: z.array(z.union([z.number().int().nonnegative().max(MAX_BODY_BLOCKS), z.looseObject({ type: z.string().max(40) })])).max(MAX_BODY_BLOCKS),
}) as unknown as z.ZodType<DocumentDelta & { base: number }>;

/** drafts:approve: record a sign-off or a secrecy review for the document as it is now. */
export const approvalRequestSchema = z.discriminatedUnion('type', [
  signOffInputSchema.extend({ type: z.literal('signOff') }).strict(),
  secrecyReviewInputSchema.extend({ type: z.literal('secrecyReview') }).strict(),
]);

export const draftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a draft id');
export const revisionIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, 'not a revision id');

/** A file handed over by the renderer (import, open). Base64 keeps the IPC and HTTP shapes equal. */
export const fileUploadSchema = z.object({
  name: z.string().min(1).max(255),
  base64: z.string().max(70_000_000),
});

export const languageSchema = z.enum(['zh-CN', 'en-US']);

export const officeProfileSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: shortText,
  issuerLines: z.array(shortText).max(10),
  agencyCode: z.string().max(20),
  recipient: line,
  signers: z.array(z.string().max(50)).max(20),
  signingOrgans: z.array(shortText).max(10),
  printOrgan: shortText,
  /** 本单位公开电话: the office's own published contact lines (not public.phone findings). */
  publicPhones: z.array(z.string().max(40)).max(10).optional(),
  /** Reporting level (calendar); null or absent = not set. */
  level: z.enum(REPORTING_LEVELS).nullable().optional(),
  /** The office's own dates (month/day in the year after the report year) where local rules differ. */
  deadlines: z
    .object({
      submit: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).optional(),
      publish: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).optional(),
    })
    .optional(),
});

export const settingsPatchSchema = z
  .object({
    language: languageSchema,
    activeProfileId: z.string().max(64).nullable(),
    profiles: z.array(officeProfileSchema).max(50),
    lastExportDir: z.string().max(1_000).nullable(),
  })
  .partial()
  .strict();

export const exportRequestSchema = z.object({
  document: documentSchema,
  /** pdf: the print view through the save dialog (desktop app); the preview answers pdf-in-browser. */
  format: z.enum(['docx', 'pdf']),
  /** Public version: no red header, no signers (for the government website). */
  variant: z.enum(['official', 'public']),
  /** The user confirmed the warnings; errors can never be confirmed away. */
  acceptWarnings: z.boolean(),
  /** Draft to snapshot as an "exported" revision, when known. */
  draftId: draftIdSchema.nullable(),
  /** 公开版: who accepts the remaining findings and why (recorded in the draft's history). */
  acceptance: z.object({ by: z.string().trim().max(50), reason: z.string().trim().max(500) }).strict().optional(),
});

/**
 * Reads any stored document version and returns the current one. Each schema bump adds
 * one step here, so drafts written by older app versions always open.
 */
import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from './document';
import { sanitizeApprovals } from './approvals';
import { withReportYear } from './report-year';

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`document schema ${found} is newer than this app understands (${SCHEMA_VERSION})`);
    this.name = 'NewerSchemaError';
  }
}

export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDocumentError';
  }
}

type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

/** STEPS[n] turns a version-n document into version n+1. */
const STEPS: Record<number, Step> = {};

export function migrateDocument(input: unknown): GongwenDocument {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new InvalidDocumentError('not a JSON object');
  let doc = input as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new InvalidDocumentError('missing schemaVersion');
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new InvalidDocumentError(`no migration from schema ${v}`);
    doc = step(doc);
  }
  const body = doc.body as { root?: { children?: unknown } } | undefined;
  if (!body || typeof body !== 'object' || !body.root || !Array.isArray(body.root.children)) throw new InvalidDocumentError('body is not an editor state');
  const header = { ...emptyHeader(), ...(typeof doc.header === 'object' && doc.header ? doc.header : {}) };
  // A draft written before 报告年度 could be set has no reportYearFixed: its year follows the title.
  const out: GongwenDocument = withReportYear({
    schemaVersion: SCHEMA_VERSION,
    kind: typeof doc.kind === 'string' ? doc.kind : 'generic',
    reportYear: typeof doc.reportYear === 'number' ? doc.reportYear : null,
    ...(doc.reportYearFixed === true ? { reportYearFixed: true } : {}),
    header,
    body: doc.body as GongwenDocument['body'],
  });
  // A damaged sign-off or history entry is dropped, never the draft (older drafts have none).
  const approvals = sanitizeApprovals(doc.approvals);
  if (approvals) out.approvals = approvals;
  return out;
}

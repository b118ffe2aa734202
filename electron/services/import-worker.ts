/**
 * The import worker's body: one file in, one document (or one refusal) out. Runs inside a
 * worker thread started by import-bounded.ts with a heap and a time limit, so a hostile
 * file can at worst end this thread — never the app, the preview backend or the CLI.
 * Bundled on its own (scripts/build-node.mjs) and embedded as text in the bundles; the PDF
 * importer is a bundle apart, handed over with the first PDF job (import-pdf-on-demand.ts).
 */
import { parentPort } from 'node:worker_threads';
import { ImportError, importFileBytes } from './import-service';
import { ImportLimitError, ZipUnreadableError, checkJsonBounds, checkZipBounds, type ImportLimits } from './import-limits';
import { providePdfCode } from './import-pdf-on-demand';

export interface ImportJob {
  name: string;
  bytes: Uint8Array;
  today: string;
  limits: ImportLimits;
  /** With a PDF job: the PDF importer's bundle (import-pdf-on-demand.ts), compiled once, on first use. */
  pdfCode?: string;
}

export type ImportReply =
  | { ok: true; doc: unknown }
  | { ok: false; kind: 'import'; code: string; values: Record<string, string | number>; messageKey: string }
  | { ok: false; kind: 'limit'; limit: ImportLimitError['kind']; value: number }
  | { ok: false; kind: 'bug'; name: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export async function runImportJob(job: ImportJob): Promise<ImportReply> {
  try {
    const { bytes, limits } = job;
    if (job.pdfCode !== undefined) providePdfCode(job.pdfCode);
    if (ZIP.every((b, i) => bytes[i] === b)) await checkZipBounds(bytes, limits);
    else if (/\.(gwdraft|json)$/i.test(job.name)) checkJsonBounds(new TextDecoder().decode(bytes), limits);
    const doc = await importFileBytes(job.name, bytes, job.today);
    return { ok: true, doc };
  } catch (error) {
    if (error instanceof ImportLimitError) return { ok: false, kind: 'limit', limit: error.kind, value: error.limit };
    if (error instanceof ZipUnreadableError) return { ok: false, kind: 'import', code: 'not-docx', values: { name: job.name }, messageKey: 'import.errors.notDocx' };
    if (error instanceof ImportError) return { ok: false, kind: 'import', code: error.code, values: error.values, messageKey: error.messageKey };
    // Recursion in a parser on a deeply nested file: a limit, not a bug.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, kind: 'limit', limit: 'depth', value: job.limits.maxDepth };
    return { ok: false, kind: 'bug', name: (error as Error)?.name ?? 'Error' };
  }
}

if (parentPort) {
  const port = parentPort;
  // One job at a time (the caller queues them); the thread is reused until a limit ends it.
  port.on('message', (job: ImportJob) => {
    void runImportJob(job).then((reply) => port.postMessage(reply));
  });
}

/**
 * Every import (desktop app, preview, CLI) runs here: in a worker thread with a heap limit
 * and a time limit, behind the checks of import-limits.ts. A file over a limit — a zip bomb,
 * a document nested 100 000 deep, one that needs gigabytes — is refused with
 * ImportError('over-limit') ("文件过大…"); the worker is terminated and the caller carries on
 * (the other files on a command line, the preview's other requests, the app's window).
 */
import type { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GongwenDocument } from '../../shared/model/document';
import { ImportError, extensionOf, importTextBytes, isPdfBytes, officeTypeOfBytes } from './import-service';
import { DEFAULT_IMPORT_LIMITS, limitValue, type ImportLimits, type LimitKind } from './import-limits';
import type { ImportJob, ImportReply } from './import-worker';

/** Set by scripts/build-node.mjs: the worker bundle's source text (works inside app.asar too). */
declare const __GONGWEN_IMPORT_WORKER__: string | undefined;
/** Likewise, the PDF importer's bundle, handed to the worker with a PDF job only (import-pdf-on-demand.ts). */
declare const __GONGWEN_IMPORT_PDF__: string | undefined;
/** Set for the CLI bundles instead: the bundles beside them, read only when needed. */
declare const __GONGWEN_IMPORT_WORKER_FILE__: string | undefined;
declare const __GONGWEN_IMPORT_PDF_FILE__: string | undefined;

interface Sources {
  worker: string;
  pdf: () => string;
}
let sources: Sources | undefined;

/** Embedded text, or a file beside the bundle; undefined when run from the sources. */
function bundled(embedded: () => string | undefined, file: () => string | undefined): (() => string) | undefined {
  const text = embedded();
  if (typeof text === 'string') return () => text;
  const name = file();
  if (typeof name !== 'string') return undefined;
  let read: string | undefined;
  return () => (read ??= readFileSync(path.join(__dirname, name), 'utf8'));
}

/**
 * The worker's code and the PDF importer's: embedded in the bundles (or files beside the CLI's);
 * built once with esbuild when run from the sources (tests), with the same options as
 * scripts/build-node.mjs.
 */
async function workerSources(): Promise<Sources> {
  if (sources) return sources;
  const worker = bundled(() => (typeof __GONGWEN_IMPORT_WORKER__ === 'string' ? __GONGWEN_IMPORT_WORKER__ : undefined), () => (typeof __GONGWEN_IMPORT_WORKER_FILE__ === 'string' ? __GONGWEN_IMPORT_WORKER_FILE__ : undefined));
  const pdf = bundled(() => (typeof __GONGWEN_IMPORT_PDF__ === 'string' ? __GONGWEN_IMPORT_PDF__ : undefined), () => (typeof __GONGWEN_IMPORT_PDF_FILE__ === 'string' ? __GONGWEN_IMPORT_PDF_FILE__ : undefined));
  if (worker && pdf) return (sources = { worker: worker(), pdf });
  const req = createRequire(__filename);
  const esbuild = req('esbuild') as typeof import('esbuild');
  const root = path.join(__dirname, '..', '..');
  const apart = req('../../scripts/import-pdf-apart.cjs') as { pdfOnDemand: import('esbuild').Plugin; pdfBundleOptions(root: string): import('esbuild').BuildOptions };
  const [w, p] = await Promise.all([
    esbuild.build({ entryPoints: [path.join(__dirname, 'import-worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, plugins: [apart.pdfOnDemand], logLevel: 'silent' }),
    esbuild.build({ ...apart.pdfBundleOptions(root), logLevel: 'silent' }),
  ]);
  const pdfText = p.outputFiles![0]!.text;
  return (sources = { worker: w.outputFiles![0]!.text, pdf: () => pdfText });
}

function overLimit(name: string, kind: LimitKind, limit: number): ImportError {
  return new ImportError('over-limit', { name, value: limitValue(kind, limit) }, `import.errors.overLimit.${kind}`);
}

/**
 * One worker, reused for import after import (starting a thread and compiling the importers
 * costs ~100 ms: `gongwen check` over 100 reports must not pay it 100 times). Jobs run one at
 * a time; a job over the time limit, or one that exhausts the heap, ends the thread and the
 * next job gets a fresh one. The thread is unref'd: it never keeps a CLI process alive.
 */
interface Slot {
  worker: Worker;
  limitsKey: string;
}

let slot: Slot | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** node:worker_threads, loaded with the first worker: a plain-text check never starts one (CLI start-up). */
let workerThreads: typeof import('node:worker_threads') | undefined;

function workerFor(limits: ImportLimits, code: string): Worker {
  const limitsKey = `${limits.maxMemoryMb}`;
  if (slot && slot.limitsKey === limitsKey) return slot.worker;
  if (slot) void slot.worker.terminate();
  workerThreads ??= createRequire(__filename)('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new workerThreads.Worker(code, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.maxMemoryMb / 8)), stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  const mine: Slot = { worker, limitsKey };
  worker.once('exit', () => {
    if (slot === mine) slot = null;
  });
  slot = mine;
  return worker;
}

function discard(worker: Worker): void {
  if (slot?.worker === worker) slot = null;
  void worker.terminate();
}

function runJob(name: string, bytes: Uint8Array, today: string, limits: ImportLimits, code: Sources): Promise<GongwenDocument> {
  return new Promise((resolve, reject) => {
    const worker = workerFor(limits, code.worker);
    let settled = false;
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const finish = (fn: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      cleanup();
      if (!keep) discard(worker);
      fn();
    };
    const onMessage = (reply: ImportReply) =>
      finish(() => {
        if (reply.ok) resolve(reply.doc as GongwenDocument);
        else if (reply.kind === 'limit') reject(overLimit(name, reply.limit, reply.value));
        else if (reply.kind === 'import') reject(new ImportError(reply.code as ImportError['code'], reply.values, reply.messageKey));
        else reject(new ImportError('unreadable', { name, code: reply.name }));
      }, reply.ok || reply.kind === 'import');
    const onError = (error: NodeJS.ErrnoException) =>
      finish(() => {
        if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(overLimit(name, 'memory', limits.maxMemoryMb));
        else reject(new ImportError('unreadable', { name, code: error?.code ?? error?.name ?? 'Error' }));
      }, false);
    const onExit = () => finish(() => reject(new ImportError('unreadable', { name, code: 'worker-exit' })), false);
    const timer = setTimeout(() => finish(() => reject(overLimit(name, 'time', limits.maxTimeMs)), false), limits.maxTimeMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    const copy = new Uint8Array(bytes); // the worker gets its own copy; the caller keeps its bytes
    // A PDF job carries the PDF importer (compiled in the worker on first use; other jobs never pay for pdf.js).
    const job: ImportJob = { name, bytes: copy, today, limits, ...(extensionOf(name) === 'pdf' || isPdfBytes(copy) ? { pdfCode: code.pdf() } : {}) };
    worker.postMessage(job, [copy.buffer]);
  });
}

/**
 * Plain text up to this size is imported on the calling thread: it has no inflation and no
 * nesting, the text importer is linear (a 1 MB text imports in ~0.1 s), and starting the
 * worker would double the time of `gongwen check report.txt`. Everything else — larger text,
 * .docx, .gwdraft — goes to the worker.
 */
export const IN_THREAD_TEXT_BYTES = 1024 * 1024;
const TEXT_NAME = /\.(txt|text|md|markdown)$/i;

/** Import one file in the bounded worker; throws ImportError for every refusal (including limits). */
export async function importFileBounded(name: string, bytes: Uint8Array, today: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<GongwenDocument> {
  // An office file named .txt goes to the worker like any other (its inflation must be bounded).
  if (TEXT_NAME.test(name) && bytes.length <= IN_THREAD_TEXT_BYTES && officeTypeOfBytes(bytes) === null) return importTextBytes(name, bytes, today);
  const result = queue.then(async () => runJob(name, bytes, today, limits, await workerSources()));
  queue = result.catch(() => undefined);
  return await result;
}

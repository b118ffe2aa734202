/**
 * Export a document to a .docx file on disk (Node side; no 'electron' import).
 *
 * Order of refusals: the gate's errors (export-blocked), then its warnings unless the user
 * accepted them (export-needs-confirmation), then an existing file unless overwrite was
 * chosen (file-exists). The bytes are built before anything touches the disk, and written
 * durably (every byte, fsync, size verified, rename, folder fsync — durable-write.ts), so a
 * failure never leaves a half-written .docx behind, and a file that Word holds open is reported as 'file-locked'
 * instead of being clobbered.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeErrorCode, writeFileDurable } from './durable-write';
import { exists } from './disk';
import type { GongwenDocument } from '../../shared/model/document';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { gateDecision } from '../../shared/checks/gate';

export type ExportVariant = 'official' | 'public';

export interface ExportGateResult {
  errors: string[];
  warnings: string[];
}

export interface ExportServiceDeps {
  buildDocx: (doc: GongwenDocument, options: { variant: ExportVariant }) => Promise<Uint8Array>;
  gate: (doc: GongwenDocument) => ExportGateResult;
  /** Injected for tests: how long to keep retrying a busy/locked target (ms). */
  writeTimeoutMs?: number;
}

export interface ExportDocxRequest {
  variant: ExportVariant;
  outPath: string;
  overwrite: boolean;
  acceptWarnings: boolean;
}

export interface ExportDocxValue {
  path: string;
  fileName: string;
  bytes: number;
  /** Warnings the user accepted. */
  warnings: number;
}

export interface ExportService {
  exportDocx(doc: GongwenDocument, request: ExportDocxRequest): Promise<Result<ExportDocxValue>>;
}

/** Thrown by writeFileAtomic; `code` is 'file-locked' or the system error code. */
export class ExportWriteError extends Error {
  constructor(
    readonly code: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ExportWriteError';
  }
}

// ---------------------------------------------------------------------------------------
// Atomic write
// ---------------------------------------------------------------------------------------

const LOCK_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * Write bytes durably (durable-write.ts); the rename is retried while the target is busy
 * (EPERM/EBUSY on Windows when Word or an antivirus holds it). A failure leaves the old file
 * (if any) untouched and no temp file behind. An existing target that stays locked →
 * ExportWriteError('file-locked').
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<void> {
  const existed = await exists(target);
  try {
    await writeFileDurable(target, bytes, { timeoutMs: options.timeoutMs ?? 3000 });
  } catch (error) {
    const code = writeErrorCode(error);
    if (existed && LOCK_CODES.has(code)) {
      throw new ExportWriteError('file-locked', `${target} is locked by another program`, error);
    }
    throw new ExportWriteError(code, (error as Error)?.message ?? String(error), error);
  }
}

/** The message for a failed write, by system code: the user learns what to do, not what errno said. */
export function exportWriteErrorKey(code: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
    case 'ESIZE':
      return 'export.errors.diskFull';
    case 'EROFS':
      return 'export.errors.readOnlyFs';
    case 'EACCES':
    case 'EPERM':
      return 'export.errors.readOnly';
    case 'EISDIR':
      return 'export.errors.isDirectory';
    case 'ENAMETOOLONG':
      return 'export.errors.nameTooLong';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'export.errors.noFolder';
    default:
      return 'export.errors.writeFailed';
  }
}

// ---------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------

/**
 * Write an output file where the user (or the CLI's --out) asked: a folder or, without
 * `overwrite`, an existing file is refused; the write is durable; a locked or unwritable
 * target answers a Result saying why (the old file is untouched).
 */
export async function writeOutputFile(target: string, bytes: Uint8Array, options: { overwrite: boolean; writeTimeoutMs?: number }): Promise<Result<{ path: string; fileName: string }>> {
  const outPath = path.resolve(target);
  const fileName = path.basename(outPath);
  const existing = await fs.stat(outPath).catch(() => null);
  if (existing?.isDirectory()) return fail('out-is-directory', 'export.errors.isDirectory', { fileName });
  // A device, pipe or socket under that name (or a link to one): no Word file can go there, and
  // "already exists, add --force" would send the user the wrong way.
  if (existing && !existing.isFile()) return fail('out-not-regular', 'export.errors.notRegular', { fileName });
  if (isWindowsDeviceName(fileName)) return fail('out-reserved-name', 'export.errors.reservedName', { fileName });
  if (!options.overwrite && existing) return fail('file-exists', 'export.errors.fileExists', { fileName });
  try {
    await writeFileAtomic(outPath, bytes, options.writeTimeoutMs !== undefined ? { timeoutMs: options.writeTimeoutMs } : {});
  } catch (error) {
    if (error instanceof ExportWriteError && error.code === 'file-locked') {
      return fail('file-locked', 'export.errors.fileLocked', { fileName });
    }
    const code = error instanceof ExportWriteError ? error.code : writeErrorCode(error);
    return fail('export-write-failed', await missingPlaceKey(outPath, code), { fileName, folder: path.dirname(outPath), code });
  }
  return ok({ path: outPath, fileName });
}

/**
 * CON, PRN, AUX, NUL, COM1–9, LPT1–9 (with any extension) are devices on Windows: a report
 * saved as con.docx cannot be written there, nor opened by the office it is sent to.
 */
export function isWindowsDeviceName(fileName: string): boolean {
  return /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.[^.]*)*$/i.test(fileName.replace(/[ .]+$/, ''));
}

/**
 * ENOENT/ENOTDIR do not always mean a missing folder: /proc or another special file system
 * refuses to create a file in a folder that exists (ENOENT), and a file in the middle of the
 * path answers ENOTDIR. The folder is looked at to say which.
 */
async function missingPlaceKey(outPath: string, code: string): Promise<string> {
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return exportWriteErrorKey(code);
  for (let dir = path.dirname(outPath); ; dir = path.dirname(dir)) {
    const st = await fs.stat(dir).catch(() => null);
    if (st) {
      if (!st.isDirectory()) return 'export.errors.pathNotFolder';
      return dir === path.dirname(outPath) ? 'export.errors.cannotCreate' : 'export.errors.noFolder';
    }
    if (path.dirname(dir) === dir) return 'export.errors.noFolder';
  }
}

export function createExportService(deps: ExportServiceDeps): ExportService {
  return {
    async exportDocx(doc, request) {
      const verdict = gateDecision(deps.gate(doc), request.acceptWarnings);
      if (!verdict.ok) return verdict;
      let bytes: Uint8Array;
      try {
        bytes = await deps.buildDocx(doc, { variant: request.variant });
      } catch (error) {
        return fail('export-build-failed', 'export.errors.buildFailed', { message: (error as Error)?.message ?? String(error) });
      }
      const written = await writeOutputFile(request.outPath, bytes, { overwrite: request.overwrite, ...(deps.writeTimeoutMs !== undefined ? { writeTimeoutMs: deps.writeTimeoutMs } : {}) });
      if (!written.ok) return written;
      return ok({ ...written.value, bytes: bytes.byteLength, warnings: verdict.value.warnings.length });
    },
  };
}

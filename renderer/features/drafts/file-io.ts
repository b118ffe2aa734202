/**
 * Files in and out of the drafts list: a picked file becomes a draft (a .gwdraft is taken
 * as it is; .txt/.md/.docx/.doc/.wps/.pdf go through the import first), and a draft leaves as the
 * very bytes of its .gwdraft.
 */
import type { AppError, DraftRecord, GongwenApi, Result } from '../../../shared/ipc/contract';
import { todayIso } from '../../platform/clock';
import { downloadBase64 } from '../export/download';

export const IMPORT_ACCEPT = '.txt,.md,.docx,.doc,.wps,.pdf,.gwdraft';

/** The bytes of a picked file as base64 (the contract carries files that way over IPC and HTTP). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // chunks: String.fromCharCode(...hugeArray) overflows the call stack on large files
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function isDraftFile(name: string): boolean {
  return /\.gwdraft$/i.test(name.trim());
}

/** Turns one picked file into a new draft. Errors come back as Results in the user's language. */
export async function importAsDraft(api: GongwenApi, file: File, today: string = todayIso()): Promise<Result<DraftRecord & { fromProfile?: string[] }>> {
  let base64: string;
  try {
    base64 = await fileToBase64(file);
  } catch (error) {
    const e: AppError = { code: 'read-failed', messageKey: 'errors.internal', values: { message: error instanceof Error ? error.message : String(error) } };
    return { ok: false, error: e };
  }
  const upload = { name: file.name, base64 };
  if (isDraftFile(file.name)) return api['drafts:importFile']({ file: upload });
  const imported = await api['import:file']({ file: upload, today });
  if (!imported.ok) return imported;
  const { fromProfile, ...document } = imported.value;
  const created = await api['drafts:create']({ document });
  return created.ok && fromProfile?.length ? { ok: true, value: { ...created.value, fromProfile } } : created;
}

/** 另存为: the draft's own file, handed to the browser (in Electron the same bytes). */
export async function saveDraftAs(api: GongwenApi, id: string): Promise<Result<{ fileName: string }>> {
  const result = await api['drafts:exportFile']({ id });
  if (!result.ok) return result;
  downloadBase64(result.value.base64, result.value.fileName, 'application/json');
  return { ok: true, value: { fileName: result.value.fileName } };
}

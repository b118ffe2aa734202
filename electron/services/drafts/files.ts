/**
 * A draft as a file the user carries (另存为 / 导入文件 / open from the OS): the .gwdraft bytes
 * and the name offered for them, and bytes from outside turned back into a document.
 */
import type { GongwenDocument } from '../../../shared/model/document';
import { localIsoDate } from '../../../shared/model/today';
import { DRAFT_EXT, encodeDraft, type DraftEnvelope } from '../drafts-file';
import { safeFileName } from '../file-names';
import { ImportError } from '../import-service';
import { parseDraftBytes } from '../import-draft';
import { bail } from './context';

export function draftFileOut(env: DraftEnvelope, now: Date): { fileName: string; base64: string } {
  const bytes = Buffer.from(encodeDraft(env), 'utf8');
  return { fileName: `${safeFileName(env.document.header.title, localIsoDate(now))}${DRAFT_EXT}`, base64: bytes.toString('base64') };
}

/** Bytes of a .gwdraft handed over → its document; a refused file bails with the import error. */
export function draftFileIn(file: { name: string; base64: string }): GongwenDocument {
  try {
    return parseDraftBytes(file.name, Buffer.from(file.base64, 'base64'));
  } catch (error) {
    if (error instanceof ImportError) bail(error.code, error.messageKey, error.values);
    throw error;
  }
}

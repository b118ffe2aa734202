/**
 * A .gwdraft handed in from outside (import, open, the command line) → its document, or an
 * ImportError. Apart from import-service.ts so that importing a .txt or .docx never builds the
 * draft format's schemas (import-service loads this with import() for .gwdraft/.json only).
 */
import type { GongwenDocument } from '../../shared/model/document';
import { decodeDraft } from './drafts-file';
import { MAX_DRAFT_BYTES } from './file-size-limits';
import { ImportError } from './import-service';

/** A .gwdraft (or a bare document JSON) → the current document version. */
export function parseDraftBytes(name: string, bytes: Uint8Array): GongwenDocument {
  if (bytes.length > MAX_DRAFT_BYTES) throw new ImportError('too-large', { name, maxMb: MAX_DRAFT_BYTES / 1024 / 1024 });
  if (bytes.length === 0) throw new ImportError('empty', { name });
  const decoded = decodeDraft(bytes, { id: 'import', time: new Date(0).toISOString() });
  if (!decoded.ok) {
    if (decoded.reasonKey === 'drafts.corrupt.newer') throw new ImportError('newer-draft', { name }, undefined, decoded.detail);
    throw new ImportError('corrupt-draft', { name, reason: decoded.detail.slice(0, 200) }, undefined, decoded.detail);
  }
  return decoded.value.document;
}

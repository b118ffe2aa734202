/**
 * drafts/<id>.journal: typing newer than the last save, written while the user types and
 * offered back after a crash. A save removes it.
 */
import { promises as fsp } from 'node:fs';
import type { GongwenDocument } from '../../../shared/model/document';
import { DRAFT_FILE_VERSION, JOURNAL_FORMAT, decodeJournal, type DraftEnvelope } from '../drafts-file';
import { writeAtomic } from '../disk';
import type { DraftsContext } from './context';

export interface Journal {
  /** Throws the write's error (the caller turns it into a Result). */
  write(id: string, document: GongwenDocument): Promise<{ journaledAt: string }>;
  /** The journal's document, when it is newer than the save and differs from it. */
  recovered(id: string, env: DraftEnvelope): Promise<GongwenDocument | null>;
  /** The journal's document, whatever its age (salvage of a damaged draft). */
  readAny(id: string): Promise<GongwenDocument | null>;
  remove(id: string): Promise<void>;
}

export function createJournal(ctx: DraftsContext): Journal {
  const fileOf = ctx.paths.journalFile;
  return {
    async write(id, document) {
      const journaledAt = ctx.now().toISOString();
      const text = JSON.stringify({ format: JOURNAL_FORMAT, schemaVersion: DRAFT_FILE_VERSION, id, journaledAt, document });
      await writeAtomic(fileOf(id), text, ctx.writeOpts);
      return { journaledAt };
    },

    async recovered(id, env) {
      let text: string;
      try {
        text = await fsp.readFile(fileOf(id), 'utf8');
      } catch {
        return null;
      }
      const journal = decodeJournal(text);
      if (!journal.ok) return null;
      if (Date.parse(journal.value.journaledAt) <= Date.parse(env.modifiedAt)) return null;
      if (JSON.stringify(journal.value.document) === JSON.stringify(env.document)) return null;
      return journal.value.document;
    },

    async readAny(id) {
      try {
        const journal = decodeJournal(await fsp.readFile(fileOf(id), 'utf8'));
        if (journal.ok) return journal.value.document;
      } catch {
        // no journal
      }
      return null;
    },

    async remove(id) {
      try {
        await fsp.rm(fileOf(id), { force: true });
      } catch {
        // Locked (Windows): it is older than the save, so get() will not offer it back.
      }
    },
  };
}

/**
 * drafts/<id>.journal: typing newer than the last save, written while the user types and
 * offered back after a crash. A save removes it.
 */
import { promises as fsp } from 'node:fs';
import type { GongwenDocument } from '../../../shared/model/document';
import { applyDelta, refersBack, type DocumentDelta } from '../../../shared/model/block-delta';
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
  /**
   * The document of a delta from the editor (shared/model/block-delta.ts) against the body
   * held under `base` for this draft; null when that body is not held (another base, or this
   * process started since): the editor then sends every block.
   */
  rebuild(id: string, delta: DocumentDelta & { base: number }): GongwenDocument | null;
  /** Hold `document`'s body for the next delta of this draft; returns the base that names it. */
  hold(id: string, document: GongwenDocument): number;
  /** Forget the body held for this draft. */
  release(id: string): void;
}

export function createJournal(ctx: DraftsContext): Journal {
  const fileOf = ctx.paths.journalFile;
  // One body per draft being typed in, as the editor sent it (not normalised: the editor's
  // block indexes point into it). Bases are unique in this process, so a delta meant for
  // another window's body or an older one is refused, never applied to the wrong blocks.
  const held = new Map<string, { base: number; blocks: GongwenDocument['body']['root']['children'] }>();
  let lastBase = 0;
  return {
    rebuild(id, delta) {
      const body = held.get(id);
      if (delta.base === 0 ? refersBack(delta) : body?.base !== delta.base) return null;
      try {
        return applyDelta(delta, delta.base === 0 ? [] : body!.blocks);
      } catch {
        return null;
      }
    },

    hold(id, document) {
      lastBase += 1;
      held.set(id, { base: lastBase, blocks: document.body.root.children });
      return lastBase;
    },

    release(id) {
      held.delete(id);
    },

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

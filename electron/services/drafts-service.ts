/**
 * Drafts on the user's disk: one file per draft, a journal for crash recovery, revisions,
 * a trash kept 30 days. Nothing here throws to the caller: every method answers a Result,
 * and a failed write leaves the previous version intact (the renderer keeps the text).
 *
 * Layout under dataDir:
 *   drafts/<id>.gwdraft        the last save (envelope: format, schemaVersion, id, times, document)
 *   drafts/<id>.journal        typing newer than the last save (written ~1 s after typing stops)
 *   drafts/index.json          a cache of the summaries; rebuilt from the files when missing or stale
 *   drafts/<name>.corrupt      a draft that could not be read, moved aside (never deleted)
 *   trash/<id>.gwdraft|.journal|.meta.json   deleted drafts, restorable for 30 days
 *   revisions/<id>/<time>-<reason>.gwdraft   snapshots (autosave ≤ 1/min, last 20; export; restore; signoff, kept)
 *
 * The parts, each in ./drafts/: context (layout, shared view, queue, Results), index-cache,
 * folder (reading, refresh, setting aside), journal, revisions, trash, files (.gwdraft in
 * and out). This file composes them and says in what order each operation runs.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { ApiOutputs, DraftList, DraftRecord, DraftSummary, Result, Revision, SetAsideDraft } from '../../shared/ipc/contract';
import { documentSchema, draftIdSchema, revisionIdSchema } from '../../shared/ipc/schemas';
import type { GongwenDocument } from '../../shared/model/document';
import type { DocumentDelta } from '../../shared/model/block-delta';
import { rolloverDocument } from '../../shared/model/rollover';
import { documentFingerprint, mergeApprovals, withHistory, type Approvals, type HistoryEntry } from '../../shared/model/approvals';
import type { z } from 'zod';
import { approvalRequestSchema } from '../../shared/ipc/schemas';
import { DRAFT_EXT, DRAFT_FILE_VERSION, encodeDraft, type DraftEnvelope } from './drafts-file';
import { exists, removeStaleTempFiles, writeAtomic } from './disk';
import { bail, createContext, guarded, summary, writeFailure, type DraftServiceOptions } from './drafts/context';
import { createIndexCache } from './drafts/index-cache';
import { createFolder, readEnvelope } from './drafts/folder';
import { createJournal } from './drafts/journal';
import { REVISION_NAME, createRevisions } from './drafts/revisions';
import { createTrash } from './drafts/trash';
import { draftFileIn, draftFileOut } from './drafts/files';

export type { DraftServiceOptions } from './drafts/context';
export { TRASH_DAYS } from './drafts/trash';
export { AUTOSAVE_SNAPSHOT_INTERVAL_MS, KEEP_AUTOSAVE_SNAPSHOTS, KEEP_RESTORE_SNAPSHOTS } from './drafts/revisions';

export interface DraftService {
  /** Resolves when start-up (temp clean-up, trash purge, index) is done; every method waits for it. */
  ready(): Promise<void>;
  list(): Promise<Result<DraftList>>;
  create(document: GongwenDocument): Promise<Result<DraftRecord>>;
  get(id: string): Promise<Result<DraftRecord>>;
  /**
   * `baseRevision`: the revision the text was based on. When the file on disk has another
   * revision (saved in between by another window or process) or the draft was deleted, the
   * text is kept as a new draft (a conflict copy) and the file is left as it is.
   */
  save(id: string, document: GongwenDocument, baseRevision?: number): Promise<Result<ApiOutputs['drafts:save']>>;
  journal(id: string, document: GongwenDocument): Promise<Result<ApiOutputs['drafts:journal']>>;
  /** The journal from a delta against the body the last answer's `base` named (shared/model/block-delta.ts). */
  journalDelta(id: string, delta: DocumentDelta & { base: number }): Promise<Result<ApiOutputs['drafts:journal']>>;
  duplicate(id: string): Promise<Result<DraftRecord>>;
  delete(id: string): Promise<Result<ApiOutputs['drafts:delete']>>;
  restoreFromTrash(id: string): Promise<Result<DraftSummary>>;
  revisions(id: string): Promise<Result<Revision[]>>;
  restoreRevision(id: string, revisionId: string): Promise<Result<DraftRecord>>;
  snapshot(id: string, reason: 'export'): Promise<Result<Revision>>;
  /**
   * Record a sign-off or a secrecy review for `document` (the text as the user sees it): the
   * time and the fingerprint are taken here; a sign-off keeps the signed text as a revision.
   * The draft is saved with the record and a history entry.
   */
  approve(id: string, document: GongwenDocument, approval: z.infer<typeof approvalRequestSchema>): Promise<Result<ApiOutputs['drafts:approve']>>;
  /** Add an entry (a 公开版 export) to the saved draft's history. */
  appendHistory(id: string, entry: HistoryEntry): Promise<Result<{ modifiedAt: string }>>;
  rollover(id: string): Promise<Result<DraftRecord & { figuresMarked: number }>>;
  exportFile(id: string): Promise<Result<ApiOutputs['drafts:exportFile']>>;
  importFile(file: { name: string; base64: string }): Promise<Result<DraftRecord>>;
  /** Waits for every queued write (call before quitting). */
  flush(): Promise<void>;
}

function requireId(id: string): void {
  if (!draftIdSchema.safeParse(id).success) bail('invalid-payload', 'drafts.errors.badId', { id: String(id).slice(0, 80) });
}

function requireDocument(document: GongwenDocument): GongwenDocument {
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    bail('invalid-payload', 'drafts.errors.invalidDocument', { path: first ? first.path.join('.') : '', reason: first ? first.message : '' });
  }
  return parsed.data as GongwenDocument;
}

export function createDraftService(options: DraftServiceOptions): DraftService {
  const ctx = createContext(options);
  const { paths, live, trash, setAside, now, enqueue } = ctx;
  const index = createIndexCache(ctx);
  const journal = createJournal(ctx);
  const revisions = createRevisions(ctx);
  const mayWrite = () => true;
  const folder = createFolder(ctx, { index, journal, revisions, mayWrite });
  const trashBin = createTrash(ctx, { folder, index, revisions, readLive, mayWrite });

  // ---- start-up ----
  /**
   * Never rejects, whatever is on disk: each step on its own, so a read-only folder, a locked
   * file or a folder named x.gwdraft costs that step only; list() reads the folder again.
   */
  async function startUp(): Promise<void> {
    const step = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch {
        // retried by the next list (refresh) or the next start (clean-up)
      }
    };
    if (mayWrite()) {
      for (const dir of [paths.draftsDir, paths.trashDir, paths.revisionsDir]) await step(() => fsp.mkdir(dir, { recursive: true }));
      const nowMs = now().getTime();
      const age = ctx.staleTempAgeMs;
      // A process killed mid-write leaves its temp file behind; the real file is intact.
      await step(() => removeStaleTempFiles(paths.draftsDir, nowMs, age));
      await step(() => removeStaleTempFiles(paths.trashDir, nowMs, age));
      await step(async () => {
        for (const dir of await fsp.readdir(paths.revisionsDir).catch(() => [] as string[])) await removeStaleTempFiles(path.join(paths.revisionsDir, dir), nowMs, age);
      });
    }
    await step(() => trashBin.load());
    let cached = new Map<string, import('./drafts/context').Entry>();
    await step(async () => (cached = await index.load(mayWrite())));
    await step(() => folder.refresh(cached));
  }

  const started = startUp();
  const run = <T>(fn: () => Promise<T>) => guarded(started, fn);

  // ---- writing and reading one draft ----
  /** The approvals last written per draft: a save never drops a record the window had not seen yet. */
  const writtenApprovals = new Map<string, Approvals>();
  async function writeDraft(id: string, document: GongwenDocument, createdAt: string, revision: number, conflictOf?: string, options: { keepApprovals?: boolean } = {}): Promise<{ modifiedAt: string; text: string }> {
    if (options.keepApprovals) {
      const approvals = mergeApprovals(writtenApprovals.get(id), document.approvals);
      if (approvals) document = { ...document, approvals };
    }
    if (document.approvals) writtenApprovals.set(id, document.approvals);
    const modifiedAt = now().toISOString();
    const envelope = { id, createdAt, modifiedAt, revision, ...(conflictOf ? { conflictOf } : {}), document };
    const text = encodeDraft(envelope);
    try {
      await writeAtomic(paths.draftFile(id), text, ctx.writeOpts);
    } catch (error) {
      writeFailure(error);
    }
    let st = { mtimeMs: 0, size: Buffer.byteLength(text) };
    try {
      st = await fsp.stat(paths.draftFile(id));
    } catch {
      // the write succeeded; a missing stat only makes the next list re-read the file
    }
    live.set(id, ctx.entryFrom({ format: 'gongwen-draft', schemaVersion: DRAFT_FILE_VERSION, ...envelope }, st));
    setAside.delete(ctx.where(paths.draftFile(id)));
    index.schedule();
    return { modifiedAt, text };
  }

  /**
   * The revision of drafts/<id>.gwdraft as it is on disk now (null: no file). Another process
   * may have written it: the cached entry counts only while size and time are the same.
   */
  async function revisionOnDisk(id: string): Promise<number | null> {
    const file = paths.draftFile(id);
    let st: { mtimeMs: number; size: number };
    try {
      st = await fsp.stat(file);
    } catch {
      return null;
    }
    const known = live.get(id);
    if (known && known.mtimeMs === st.mtimeMs && known.size === st.size) return known.revision;
    const read = await readEnvelope(file, id, ctx.io);
    if (!read) return null;
    if ('bad' in read) {
      // moved out of the way (then written anew) or, when it cannot be moved, never written over
      await folder.setAsideDraft(id, read.bad);
      if (setAside.has(ctx.where(file))) bail('draft-unreadable', read.bad, { id });
      return null;
    }
    live.set(id, ctx.entryFrom(read.env, read.stat));
    return read.env.revision ?? 0;
  }

  async function readLive(id: string): Promise<DraftEnvelope> {
    const read = await readEnvelope(paths.draftFile(id), id, ctx.io);
    if (!read) {
      live.delete(id);
      if (trash.has(id)) bail('draft-deleted', 'drafts.errors.deleted', { id });
      bail('draft-not-found', 'drafts.errors.notFound', { id });
    }
    if ('bad' in read) {
      await folder.setAsideDraft(id, read.bad);
      index.schedule();
      bail('draft-unreadable', read.bad, { id });
    }
    return read.env;
  }

  function refuseTrashed(id: string): void {
    if (trash.has(id)) bail('draft-deleted', 'drafts.errors.deleted', { id });
    // a draft of a newer app version stays in place; never overwrite it
    if (setAside.get(ctx.where(paths.draftFile(id)))?.reasonKey === 'drafts.corrupt.newer') bail('draft-unreadable', 'drafts.corrupt.newer', { id });
  }

  async function createFrom(document: GongwenDocument, conflictOf?: string): Promise<DraftRecord & { revision: number }> {
    const id = ctx.newId();
    return enqueue(id, async () => {
      const createdAt = now().toISOString();
      const { modifiedAt } = await writeDraft(id, document, createdAt, 1, conflictOf);
      return { id, document, modifiedAt, recovered: null, revision: 1 };
    });
  }

  const service: DraftService = {
    ready: () => started,

    list: () =>
      run(async () => {
        await folder.refresh();
        const drafts = [...live.values()].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).map(summary);
        const trashed = [...trash.values()].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).map((e) => ({ ...summary(e), deletedAt: e.deletedAt }));
        const aside: SetAsideDraft[] = [...setAside.values()].sort((a, b) => a.where.localeCompare(b.where)).map((e) => ({ ...e }));
        return { drafts, trash: trashed, setAside: aside };
      }),

    create: (document) => run(async () => createFrom(requireDocument(document))),

    get: (id) =>
      run(async () => {
        requireId(id);
        return enqueue(id, async () => {
          const env = await readLive(id);
          const recovered = await journal.recovered(id, env);
          return { id, document: env.document, modifiedAt: env.modifiedAt, recovered, revision: env.revision ?? 0 };
        });
      }),

    save: (id, document, baseRevision) =>
      run(async () => {
        requireId(id);
        const doc = requireDocument(document);
        if (baseRevision === undefined) refuseTrashed(id);
        type Outcome = { modifiedAt: string; revision: number } | { conflict: 'newer' | 'deleted' };
        const outcome = await enqueue(id, async (): Promise<Outcome> => {
          if (baseRevision === undefined) refuseTrashed(id);
          else if (trash.has(id)) return { conflict: 'deleted' };
          // a damaged file still in place is moved aside first, never written over
          await folder.clearForWrite(id);
          const onDisk = await revisionOnDisk(id);
          if (baseRevision !== undefined) {
            // deleted by another instance: the file went to trash/ behind our back
            if (onDisk === null && (await exists(paths.trashDraft(id)))) return { conflict: 'deleted' };
            if (onDisk !== null && onDisk !== baseRevision) return { conflict: 'newer' };
          }
          // An unknown id is written all the same: the text in the editor must land somewhere.
          const known = live.get(id);
          const createdAt = known?.createdAt ?? now().toISOString();
          const revision = Math.max(onDisk ?? 0, baseRevision ?? 0) + 1;
          const { modifiedAt, text } = await writeDraft(id, doc, createdAt, revision, known?.conflictOf, { keepApprovals: true });
          await journal.remove(id);
          await revisions.autosnapshotIfDue(id, text);
          return { modifiedAt, revision };
        });
        if (!('conflict' in outcome)) return outcome;
        const reason = outcome.conflict;
        // Keep both: the newer save (or the deletion) stands, this text becomes a draft of its own.
        const copy = await createFrom(doc, id);
        return { modifiedAt: copy.modifiedAt, revision: copy.revision, conflict: { reason, id: copy.id, revision: copy.revision } };
      }),

    journal: (id, document) =>
      run(async () => {
        requireId(id);
        const doc = requireDocument(document);
        refuseTrashed(id);
        return enqueue(id, async () => {
          refuseTrashed(id);
          try {
            return { ...(await journal.write(id, doc)), base: 0 };
          } catch (error) {
            writeFailure(error);
          }
        });
      }),

    journalDelta: (id, delta) =>
      run(async () => {
        requireId(id);
        refuseTrashed(id);
        return enqueue(id, async () => {
          refuseTrashed(id);
          const rebuilt = journal.rebuild(id, delta);
          if (!rebuilt) bail('journal-base-missing', 'drafts.errors.journalBaseMissing');
          const doc = requireDocument(rebuilt);
          let written: { journaledAt: string };
          try {
            written = await journal.write(id, doc);
          } catch (error) {
            writeFailure(error);
          }
          return { ...written, base: journal.hold(id, rebuilt) };
        });
      }),

    duplicate: (id) =>
      run(async () => {
        requireId(id);
        const env = await enqueue(id, () => readLive(id));
        // A copy is a new draft: the original's sign-off and history stay with the original.
        const { approvals: _original, ...copy } = env.document;
        return createFrom(copy);
      }),

    delete: (id) =>
      run(async () => {
        requireId(id);
        journal.release(id);
        return enqueue(id, () => trashBin.moveIn(id));
      }),

    restoreFromTrash: (id) =>
      run(async () => {
        requireId(id);
        return enqueue(id, () => trashBin.restore(id));
      }),

    revisions: (id) =>
      run(async () => {
        requireId(id);
        return revisions.list(id);
      }),

    restoreRevision: (id, revisionId) =>
      run(async () => {
        requireId(id);
        if (!revisionIdSchema.safeParse(revisionId).success || !REVISION_NAME.test(revisionId)) bail('invalid-payload', 'drafts.errors.badRevision', { id: revisionId.slice(0, 80) });
        refuseTrashed(id);
        return enqueue(id, async () => {
          const read = await readEnvelope(revisions.file(id, revisionId), id, ctx.io);
          if (!read) bail('revision-not-found', 'drafts.errors.revisionNotFound', { id: revisionId });
          if ('bad' in read) bail('revision-unreadable', read.bad, { id: revisionId });
          const current = await readLive(id);
          // "Current" includes typing newer than the last save: the restore must not lose it.
          const recovered = await journal.recovered(id, current);
          const currentText = recovered ? encodeDraft({ id, createdAt: current.createdAt, modifiedAt: now().toISOString(), document: recovered }) : encodeDraft(current);
          try {
            await revisions.write(id, currentText, 'restore');
          } catch (error) {
            writeFailure(error);
          }
          // The approvals are the draft's record, not part of a text: a restore keeps today's.
          const { approvals: _then, ...restoredText } = read.env.document;
          const approvals = (recovered ?? current.document).approvals;
          const restored: GongwenDocument = approvals ? { ...restoredText, approvals } : restoredText;
          const revision = (current.revision ?? 0) + 1;
          const { modifiedAt } = await writeDraft(id, restored, current.createdAt, revision);
          await journal.remove(id);
          return { id, document: restored, modifiedAt, recovered: null, revision };
        });
      }),

    snapshot: (id, reason) =>
      run(async () => {
        requireId(id);
        return enqueue(id, async () => {
          const env = await readLive(id);
          try {
            return await revisions.write(id, encodeDraft(env), reason);
          } catch (error) {
            writeFailure(error);
          }
        });
      }),

    approve: (id, document, approval) =>
      run(async () => {
        requireId(id);
        let doc = requireDocument(document);
        const checked = approvalRequestSchema.safeParse(approval);
        if (!checked.success) bail('invalid-payload', 'drafts.errors.invalidDocument', { path: checked.error.issues[0]?.path.join('.') ?? '', reason: checked.error.issues[0]?.message ?? '' });
        approval = checked.data;
        refuseTrashed(id);
        return enqueue(id, async () => {
          refuseTrashed(id);
          const createdAt = live.get(id)?.createdAt ?? now().toISOString();
          const recordedAt = now().toISOString();
          const known = mergeApprovals(writtenApprovals.get(id), doc.approvals);
          if (known) doc = { ...doc, approvals: known };
          const fingerprint = documentFingerprint(doc);
          let next: GongwenDocument;
          let revision: Revision | null = null;
          if (approval.type === 'signOff') {
            const { type: _t, ...input } = approval;
            const signed = { ...input, recordedAt, fingerprint, revisionId: null };
            const signedDoc: GongwenDocument = { ...doc, approvals: withHistory(doc.approvals, { type: 'signOff', ...signed }, { signOff: signed }) };
            try {
              revision = await revisions.write(id, encodeDraft({ id, createdAt, modifiedAt: recordedAt, document: signedDoc }), 'signoff');
            } catch (error) {
              writeFailure(error);
            }
            const kept = { ...signed, revisionId: revision.id };
            next = { ...doc, approvals: withHistory(doc.approvals, { type: 'signOff', ...kept }, { signOff: kept }) };
          } else {
            const { type: _t, ...input } = approval;
            const reviewed = { ...input, recordedAt, fingerprint };
            next = { ...doc, approvals: withHistory(doc.approvals, { type: 'secrecyReview', ...reviewed }, { secrecyReview: reviewed }) };
          }
          // A record made for the editor's own text, not another text: the revision stays, so
          // the editor's next save (based on it) is no conflict.
          const { modifiedAt } = await writeDraft(id, next, createdAt, live.get(id)?.revision ?? 0, live.get(id)?.conflictOf);
          await journal.remove(id);
          return { document: next, modifiedAt, revision };
        });
      }),

    appendHistory: (id, entry) =>
      run(async () => {
        requireId(id);
        refuseTrashed(id);
        return enqueue(id, async () => {
          const env = await readLive(id);
          const next: GongwenDocument = { ...env.document, approvals: withHistory(env.document.approvals, entry) };
          // history recorded by an export: the text and so the revision stay
          const { modifiedAt } = await writeDraft(id, requireDocument(next), env.createdAt, env.revision ?? 0, env.conflictOf);
          return { modifiedAt };
        });
      }),

    rollover: (id) =>
      run(async () => {
        requireId(id);
        const env = await enqueue(id, () => readLive(id));
        // Next year's report is a new text: nobody has signed or reviewed it.
        const { approvals: _last, ...lastYear } = env.document;
        const { document, figuresMarked } = rolloverDocument(lastYear);
        const record = await createFrom(requireDocument(document));
        return { ...record, figuresMarked };
      }),

    exportFile: (id) =>
      run(async () => {
        requireId(id);
        const env = await enqueue(id, () => readLive(id));
        return draftFileOut(env, now());
      }),

    importFile: (file) => run(async () => createFrom(draftFileIn(file))),

    flush: async () => {
      await started.catch(() => undefined);
      await folder.refreshing();
      while (ctx.pending().length > 0) await Promise.all(ctx.pending());
      while (index.writing()) await index.writing();
    },
  };
  return service;
}

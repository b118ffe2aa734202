/**
 * Fuzzing the readers: whatever bytes are in a draft file or handed to the importer, nothing
 * throws past the service, every bad input is reported (setAside entry / ImportError), and
 * the other drafts still open.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { createDraftService } from '../../../electron/services/drafts-service';
import { encodeDraft } from '../../../electron/services/drafts-file';
import { ImportError, importFileBytes } from '../../../electron/services/import-service';
import { documentSchema } from '../../../shared/ipc/schemas';
import { FIXTURES, makeDocument, tempDir } from './helpers';

const validEnvelope = encodeDraft({ id: 'fuzzdraft', createdAt: '2024-01-01T00:00:00.000Z', modifiedAt: '2024-01-01T00:00:00.000Z', document: makeDocument('模糊测试') });

/** Bytes a draft file might hold after damage: random bytes, torn or flipped JSON, odd JSON values, field swaps. */
const damagedDraft = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.integer({ min: 0, max: validEnvelope.length }).map((n) => Buffer.from(validEnvelope.slice(0, n))),
  fc.tuple(fc.integer({ min: 0, max: Buffer.byteLength(validEnvelope) - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
    const b = Buffer.from(validEnvelope);
    b[at] = byte;
    return b;
  }),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc.tuple(fc.constantFrom('format', 'schemaVersion', 'id', 'createdAt', 'modifiedAt', 'document'), fc.jsonValue()).map(([key, value]) => {
    const env = JSON.parse(validEnvelope) as Record<string, unknown>;
    env[key] = value;
    return Buffer.from(JSON.stringify(env));
  }),
  fc.tuple(fc.constantFrom('schemaVersion', 'kind', 'reportYear', 'header', 'body'), fc.jsonValue()).map(([key, value]) => {
    const env = JSON.parse(validEnvelope) as { document: Record<string, unknown> };
    env.document[key] = value;
    return Buffer.from(JSON.stringify(env));
  }),
);

describe('fuzz: the draft reader', () => {
  it('lists every damaged file as set aside (or as a draft if it is still valid) and keeps the rest open', async () => {
    const { dir, cleanup } = tempDir('gw-fuzz-');
    try {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(damagedDraft, async (bytes) => {
          const dataDir = path.join(dir, String(n++));
          const seed = createDraftService({ dataDir });
          const good = await seed.create(makeDocument('好草稿'));
          if (!good.ok) throw new Error('create failed');
          await seed.flush();
          writeFileSync(path.join(dataDir, 'drafts', 'fuzzdraft.gwdraft'), bytes);

          const service = createDraftService({ dataDir });
          const list = await service.list();
          expect(list.ok).toBe(true);
          if (!list.ok) return;
          const inDrafts = list.value.drafts.some((d) => d.id === 'fuzzdraft');
          const aside = list.value.setAside.filter((s) => s.fileName.startsWith('fuzzdraft.gwdraft'));
          expect(inDrafts !== (aside.length === 1)).toBe(true);
          for (const a of aside) expect(['drafts.corrupt.parse', 'drafts.corrupt.invalid', 'drafts.corrupt.newer']).toContain(a.reasonKey);
          if (inDrafts) {
            const got = await service.get('fuzzdraft');
            expect(got.ok).toBe(true);
            if (got.ok) expect(documentSchema.safeParse(got.value.document).success).toBe(true);
          }
          const other = await service.get(good.value.id);
          expect(other.ok && other.value.document.header.title).toBe('好草稿');
          // the damaged bytes are still on disk, under some name
          const kept = aside[0] ? readFileSync(path.join(dataDir, ...aside[0].where.split('/'))) : null;
          if (kept) expect(Buffer.compare(kept, Buffer.from(bytes))).toBe(0);
        }),
        { numRuns: 80, seed: 42 },
      );
    } finally {
      cleanup();
    }
  }, 60_000);
});

describe('fuzz: importFileBytes', () => {
  const names = fc.constantFrom('a.txt', 'a.md', 'a.docx', 'a.gwdraft', 'a.json', 'a.doc', 'a.pdf', 'noext', 'A.TXT');

  async function importOutcome(name: string, bytes: Uint8Array): Promise<void> {
    try {
      const doc = await importFileBytes(name, bytes, '2024-01-10');
      expect(documentSchema.safeParse(doc).success).toBe(true);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      expect(error.messageKey).toMatch(/^import\.errors\./);
    }
  }

  it('answers a document or an ImportError for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(names, fc.uint8Array({ maxLength: 2_000 }), async (name, bytes) => importOutcome(name, bytes)),
      { numRuns: 300, seed: 7 },
    );
  }, 60_000);

  it('answers a document or an ImportError for cut and damaged real inputs', async () => {
    const text = Buffer.from(readFileSync(path.join(FIXTURES, 'report-chengxi-2024.txt')));
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('城西街道关于2024年法治政府建设情况的报告'), new Paragraph('一、主要举措')] }] })));
    const draft = Buffer.from(validEnvelope);
    const source = fc.constantFrom<[string, Buffer]>(['r.txt', text], ['r.docx', docx], ['r.gwdraft', draft]);
    await fc.assert(
      fc.asyncProperty(source, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), async ([name, bytes], cutAt, flipAt, byte) => {
        const cut = bytes.subarray(0, cutAt % (bytes.length + 1));
        await importOutcome(name, cut);
        const flipped = Buffer.from(bytes);
        flipped[flipAt % flipped.length] = byte;
        await importOutcome(name, flipped);
      }),
      { numRuns: 150, seed: 11 },
    );
  }, 60_000);
});

/**
 * Inline marks leave and come back: a body with bold runs (in a paragraph, inside a heading
 * and in a run-in) → .docx with `<w:b/>` on exactly those runs → mammoth import → the same
 * runs; a .gwdraft keeps them; `gongwen export` of a .docx with bold runs writes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli';
import { importDocxBytes } from '../../electron/services/import-service';
import { decodeDraft, encodeDraft } from '../../electron/services/drafts-file';
import { buildDocx } from '../../shared/docx/build';
import { importText } from '../../shared/import/text';
import { fromBlocks, toBlocks, type Block, type GongwenDocument } from '../../shared/model';

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.resolve(REPO, '../shared/fixtures/report-chengxi-2024.txt');
let dir: string;

/** The fixture with marks added: a bold lead-in in a paragraph and in a run-in, a bold word in a heading. */
function markedDocument(): GongwenDocument {
  const doc = importText(fs.readFileSync(FIXTURE, 'utf8'));
  const blocks = toBlocks(doc.body);
  const p = blocks.findIndex((b) => b.type === 'paragraph' && b.text.length > 20);
  const para = blocks[p] as Extract<Block, { type: 'paragraph' }>;
  blocks[p] = { ...para, runs: [{ text: para.text.slice(0, 4), bold: true }, { text: para.text.slice(4) }] };
  const r = blocks.findIndex((b) => b.type === 'heading' && !!b.runIn && b.runIn.length > 10);
  const head = blocks[r] as Extract<Block, { type: 'heading' }>;
  blocks[r] = { ...head, runInRuns: [{ text: head.runIn!.slice(0, 3), bold: true }, { text: head.runIn!.slice(3) }] };
  const h = blocks.findIndex((b) => b.type === 'heading' && !b.runIn && b.text.length > 6);
  const plain = blocks[h] as Extract<Block, { type: 'heading' }>;
  blocks[h] = { ...plain, runs: [{ text: plain.text.slice(0, 2) }, { text: plain.text.slice(2, 4), bold: true }, { text: plain.text.slice(4) }] };
  return { ...doc, body: fromBlocks(blocks) };
}

/** Texts of the runs that carry `<w:b/>` in document.xml. */
async function boldRunsInDocx(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)]
    .filter((m) => /<w:rPr>.*<w:b\/>.*<\/w:rPr>/.test(m[1]!))
    .map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

const boldTexts = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => [...(b.type === 'guidance' || b.type === 'table' ? [] : (b.runs ?? [])), ...(b.type === 'heading' ? (b.runInRuns ?? []) : [])]).filter((r) => r.bold).map((r) => r.text);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-marks-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bold runs', () => {
  it('are written as <w:b/> on exactly the marked text, and nothing else is bold', async () => {
    const doc = markedDocument();
    const expected = boldTexts(toBlocks(doc.body));
    expect(expected).toHaveLength(3);
    const bold = await boldRunsInDocx(await buildDocx(doc, { variant: 'official' }));
    expect(bold.sort()).toEqual([...expected].sort());
  });

  it('come back from the .docx through mammoth, in the same blocks', async () => {
    const doc = markedDocument();
    const back = toBlocks((await importDocxBytes('marked.docx', await buildDocx(doc, { variant: 'public' }), '2025-01-20')).body);
    const before = toBlocks(doc.body);
    expect(boldTexts(back).sort()).toEqual(boldTexts(before).sort());
    // the marked paragraph is the same paragraph, with the same runs
    const para = before.find((b) => b.type === 'paragraph' && b.runs)!;
    expect(back.find((b) => b.type === 'paragraph' && b.text === para.text)).toEqual(para);
  });

  it('survive a .gwdraft save and reopen', () => {
    const doc = markedDocument();
    const file = encodeDraft({ id: 'marks1', createdAt: '2025-01-20T00:00:00.000Z', modifiedAt: '2025-01-20T00:00:00.000Z', document: doc });
    const decoded = decodeDraft(file, { id: 'marks1', time: '2025-01-20T00:00:00.000Z' });
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(boldTexts(toBlocks(decoded.value.document.body))).toEqual(boldTexts(toBlocks(doc.body)));
  });

  it('gongwen export of a .docx with bold runs writes them', async () => {
    const doc = markedDocument();
    fs.writeFileSync(path.join(dir, 'in.docx'), await buildDocx(doc, { variant: 'official' }));
    let stderr = '';
    const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: (s) => (stderr += s) }, cwd: dir, env: {}, today: '2025-03-01', templatesDir: path.join(REPO, 'templates') };
    const code = await runCli(['export', 'in.docx', '--out', 'out.docx', '--force'], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const bold = await boldRunsInDocx(fs.readFileSync(path.join(dir, 'out.docx')));
    expect(bold.sort()).toEqual(boldTexts(toBlocks(doc.body)).sort());
  });
});

/**
 * Paste of a whole report (shared/import/paste.ts): every real report in shared/fixtures and
 * every opening in openings/ is pasted as plain text and as HTML. The title (and 版头, 主送机关,
 * 落款) are the ones the file import reads — one place decides what is a title — and leave the
 * body; the body that stays is the body the import gives. Any paragraph or two of the same
 * reports, a part of one, or its closing lines pasted alone move nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerPlaces, planPasteMove, readPaste, type PasteReading } from '../../../shared/import/paste';
import { importText } from '../../../shared/import/text';
import { importHtml } from '../../../shared/import/html';
import { emptyHeader, toBlocks, type Block, type ReportHeader } from '../../../shared/model';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
const OPENINGS = path.join(FIXTURES, 'openings');
const labels = JSON.parse(readFileSync(path.join(OPENINGS, 'labels.json'), 'utf8')) as Record<string, { title: string }>;
const files = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => path.join(FIXTURES, f)),
  ...readdirSync(OPENINGS).filter((f) => f.endsWith('.txt')).map((f) => path.join(OPENINGS, f)),
];

/** A document made from a template: red header, up-going, the template's title and the profile's recipient. */
const TEMPLATE_HEADER: ReportHeader = { ...emptyHeader(), title: '××关于2024年度法治政府建设情况的报告', recipient: '××委、××政府', date: '2025年1月5日' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The text as Word puts it on the clipboard: one <p> per line, with its fonts and sizes. */
const asWordHtml = (text: string) =>
  `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:仿宋_GB2312}</style></head><body>${text
    .split(/\r?\n/)
    .map((l) => `<p class=MsoNormal style="font-size:16pt;text-indent:32pt"><span style="font-family:仿宋">${esc(l)}</span></p>`)
    .join('\n')}</body></html>`;

const blockText = (b: Block): string => (b.type === 'heading' ? `${b.label ?? ''}${b.text}${b.runIn ?? ''}` : b.text);
const squeeze = (s: string) => s.replace(/[\s\u3000]|\*\*|^#+/gm, '');
const allText = (blocks: readonly Block[]) => squeeze(blocks.map(blockText).join(''));
const kept = (reading: PasteReading, remove: readonly number[]) => reading.blocks.filter((_, i) => !remove.includes(i));

describe.each(files.map((f) => [path.relative(FIXTURES, f), f] as const))('%s pasted whole', (name, file) => {
  const text = readFileSync(file, 'utf8');
  const imported = importText(text);
  it.each([
    ['text/plain', { text }],
    ['text/html', { html: asWordHtml(text), text }],
  ])('as %s: the header lines go to the header fields, the body stays as import reads it', (_type, payload) => {
    const reading = readPaste(payload)!;
    expect(reading.whole).toBe(true);
    // As pasted: every line of the clipboard is in the body, nothing lost.
    expect(allText(reading.blocks)).toBe(squeeze(text.replace(/\*\*/g, '').replace(/^#+ */gm, '')));
    const move = planPasteMove(reading, TEMPLATE_HEADER)!;
    expect(move).not.toBeNull();
    // The title is the import's, and for the openings the one a reader wrote down.
    expect(move.patch.title).toBe(imported.header.title);
    const label = labels[path.basename(file)];
    if (label) expect(move.patch.title!.replace(/\s+/g, '')).toBe(label.title.replace(/\s+/g, ''));
    expect(move.moved[0]!.field === 'title' || move.patch.docNumber || move.patch.issuerLines).toBeTruthy();
    expect(move.before.title).toBe(TEMPLATE_HEADER.title);
    // What stays in the body is exactly the import's body.
    expect(kept(reading, move.remove)).toEqual(toBlocks(imported.body).filter((b) => b.type !== 'guidance'));
    for (const [field, value] of Object.entries(move.patch)) expect(value).toEqual(imported.header[field as keyof ReportHeader]);
  });

  it('a paragraph or two, a part, or the closing lines of it move nothing', () => {
    const body = toBlocks(imported.body).filter((b) => b.type !== 'table');
    const lines = body.map(blockText);
    const pieces: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      pieces.push(lines[i]!);
      if (i + 1 < lines.length) pieces.push(`${lines[i]}\n${lines[i + 1]}`);
    }
    // each part from its level-1 heading to the next
    const starts = body.flatMap((b, i) => (b.type === 'heading' && b.level === 1 ? [i] : []));
    starts.forEach((s, k) => pieces.push(lines.slice(s, starts[k + 1] ?? lines.length).join('\n')));
    // title with one or two paragraphs
    pieces.push(`${imported.header.title}\n${lines[0]}`, `${imported.header.title}\n${lines[0]}\n${lines[1] ?? ''}`);
    // the end of the report with a signature and a date
    pieces.push(`${lines.slice(-3).join('\n')}\n某某街道办事处\n2025年1月10日`);
    for (const piece of pieces) {
      for (const payload of [{ text: piece }, { html: asWordHtml(piece) }]) {
        const reading = readPaste(payload)!;
        expect(planPasteMove(reading, TEMPLATE_HEADER), piece.slice(0, 40)).toBeNull();
        expect(reading.inline ? squeeze(reading.inline.text) : allText(reading.blocks)).toBe(squeeze(piece));
      }
    }
  });
});

describe('whole-report paste', () => {
  const jinlanshan = readFileSync(path.join(FIXTURES, 'report-jinlanshan-2022.txt'), 'utf8');

  it('moves the 版头, title, 主送机关, 落款 and date, and names each field with its value', () => {
    const text = `${jinlanshan.trimEnd()}\n\n中共新县金兰山街道工作委员会\n2023年1月10日\n`;
    const reading = readPaste({ text })!;
    const move = planPasteMove(reading, TEMPLATE_HEADER)!;
    expect(move.moved.map((m) => m.field)).toEqual(['issuerLines', 'docNumber', 'signers', 'title', 'recipient', 'signingOrgans', 'date']);
    expect(move.patch).toMatchObject({ docNumber: '金文〔2023〕5号', signers: ['张健平', '余志强'], recipient: '县委、县政府', signingOrgans: ['中共新县金兰山街道工作委员会'], date: '2023年1月10日' });
    expect(move.before).toMatchObject({ recipient: '××委、××政府', date: '2025年1月5日', docNumber: '', signers: [] });
    expect(move.moved.find((m) => m.field === 'signers')!.value).toBe('张健平、余志强');
    const body = kept(reading, move.remove);
    expect(body[0]).toMatchObject({ type: 'paragraph' });
    expect(allText(body)).not.toContain('金文〔2023〕5号');
    expect(allText(body)).not.toContain('2023年1月10日');
    // The HTML import of the same text agrees.
    expect(move.patch.title).toBe(importHtml(asWordHtml(text)).header.title);
  });

  it('only into fields the document has: with the red header off, the 版头 lines stay in the body', () => {
    const reading = readPaste({ text: jinlanshan })!;
    const plain = { ...TEMPLATE_HEADER, redHeader: false };
    expect(headerPlaces(plain).has('docNumber')).toBe(false);
    const move = planPasteMove(reading, plain)!;
    expect(move.moved.map((m) => m.field)).toEqual(['title', 'recipient']);
    const body = kept(reading, move.remove);
    expect(body.slice(0, 3).map(blockText)).toEqual(['中共新县金兰山街道工作委员会文件', '金文〔2023〕5号', '签发人：张健平 余志强']);
    // A down-going document has no 签发人: the 签发人 line stays, the rest of the 版头 moves.
    const down = planPasteMove(reading, { ...TEMPLATE_HEADER, direction: 'down' })!;
    expect(down.moved.map((m) => m.field)).toEqual(['issuerLines', 'docNumber', 'title', 'recipient']);
    expect(kept(reading, down.remove)[0]).toMatchObject({ text: '签发人：张健平 余志强' });
  });

  it('a title without 文种 needs a numbered part and a body of several hundred characters', () => {
    const part = '一、主要工作\n' + '街道坚持依法行政，完善制度，规范执法，全年办理各类事项若干件。'.repeat(15) + '\n二、下一步打算\n继续推进。';
    expect(readPaste({ text: `浙江省2021年法治政府建设情况\n${part}` })!.whole).toBe(true);
    expect(readPaste({ text: '浙江省2021年法治政府建设情况\n一、主要工作\n推进。\n二、打算\n继续。' })!.whole).toBe(false);
    // An unnumbered line over long paragraphs is a sub-heading of a part, not a title.
    expect(readPaste({ text: `强化组织领导\n${'街道党工委把法治建设列入重要议事日程，研究部署各项工作。'.repeat(10)}\n${'第二段落内容较长。'.repeat(20)}\n第三段。` })!.whole).toBe(false);
  });

  it('a single line is inline text; an empty clipboard is nothing', () => {
    expect(readPaste({ text: '关于2024年度法治政府建设情况的报告' })!.inline).toEqual({ text: '关于2024年度法治政府建设情况的报告' });
    expect(readPaste({ html: '<p><b>重点</b>任务</p>' })!.inline).toEqual({ text: '重点任务', runs: [{ text: '重点', bold: true }, { text: '任务' }] });
    expect(readPaste({ text: ' \n\u3000\n' })).toBeNull();
  });
});

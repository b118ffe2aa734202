/**
 * Import must never throw and must always hand back a document the IPC schema accepts,
 * whatever is pasted: random Unicode (lone surrogates included), bytes read as text, a
 * 200 KB single line, and random mixes of the marks the importer reacts to.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../shared/import/html';
import { importText } from '../../../shared/import/text';
import { documentSchema } from '../../../shared/ipc/schemas';
import { toBlocks } from '../../../shared/model';

/** Fixed, so a failure replays; fast-check prints it with the failing case. GW_FUZZ_SEED tries another. */
const FUZZ_SEED = Number(process.env.GW_FUZZ_SEED ?? 20261203);

function assertValid(input: string): void {
  for (const doc of [importText(input), importHtml(input)]) {
    const parsed = documentSchema.safeParse(doc);
    if (!parsed.success) throw new Error(`invalid document for ${JSON.stringify(input.slice(0, 200))}: ${parsed.error.message}`);
    toBlocks(doc.body);
  }
}

/** Pieces the importer reacts to, so random mixes reach the deeper branches. */
const PIECES = [
  '\n', '\n\n', '\r\n', ' ', '\u3000', '一、', '（一）', '(二)', '1.', '1．', '（1）', '**', '__', '#', '## ', '- ', '> ', '|', '---',
  '。', '，', '：', '签发人：', '张三 李四', '文件', '金文〔2023〕5号', '[2023]', '关于', '的报告', '情况报告', '县委、县政府：',
  '2024年1月5日', '二〇二三年十二月', '2023-12-05', '附件：', '抄送：', '印发', '（联系人：张三）', '委员会', '办事处', '法治政府建设',
  '<p>', '</p>', '<b>', '</b>', '<br>', '<ol><li>', '</li></ol>', '<span style="font-weight:bold">', '</span>', '<!--', '-->',
  '<style>', '</style>', '&amp;', '&#x4E00;', '&#99999999;', '<![if !supportLists]>', '"', "'", '<', '>', '=', '\\*', '\u0000', '\ud800',
  '由党委书记任组', '长，党工委副书记', '特此报告。', '×',
];

describe('import fuzz', () => {
  it('never throws and always returns a valid document (arbitrary Unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3_000 }), (s) => assertValid(s)), { numRuns: 300, seed: FUZZ_SEED });
  });

  it('never throws on random mixes of report marks and markup', () => {
    const mix = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 300 }).map((a) => a.join(''));
    fc.assert(fc.property(mix, (s) => assertValid(s)), { numRuns: 500, seed: FUZZ_SEED });
  });

  it('handles bytes read as text (binary files imported by mistake)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5_000 }), (bytes) => {
        assertValid(Buffer.from(bytes).toString('utf8'));
        assertValid(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 100, seed: FUZZ_SEED },
    );
  });

  it('handles a 200 KB single line, and 200 KB of one repeated mark, quickly', () => {
    const fixture = readFileSync(path.resolve(__dirname, '../../../../shared/fixtures/report-chengxi-2024.txt'), 'utf8');
    const singleLine = fixture.replace(/\s+/g, '').repeat(30);
    expect(Buffer.byteLength(singleLine, 'utf8')).toBeGreaterThan(200_000);
    const inputs = [
      singleLine,
      '一、'.repeat(100_000),
      '**'.repeat(100_000),
      '<p>'.repeat(66_000),
      '<a x="'.repeat(33_000),
      '('.repeat(200_000),
      '签发人：'.repeat(50_000),
      'a\n'.repeat(100_000),
      '&#'.repeat(100_000),
      '_'.repeat(200_000),
      '#'.repeat(200_000),
    ];
    for (const input of inputs) {
      // Import stays linear: about 1 s for 100 000 lines on an idle machine; the bound only
      // catches quadratic behaviour (minutes), with room for a busy CI machine.
      const started = performance.now();
      importText(input);
      importHtml(input);
      expect(performance.now() - started, input.slice(0, 20)).toBeLessThan(15_000);
      assertValid(input);
    }
  });

  it('keeps a 200 KB line as one paragraph', () => {
    const line = '法治'.repeat(100_000);
    const blocks = toBlocks(importText(line).body);
    expect(blocks).toEqual([{ type: 'paragraph', text: line }]);
  });
});

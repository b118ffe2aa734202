/**
 * substanceLength counts what the text would keep with NOT_SUBSTANCE removed, unit by unit
 * through a cache of verdicts: it must read exactly as that removal does, for any text — CJK,
 * full-width and placeholder marks, every Unicode space, characters outside the BMP and lone
 * surrogates (fast-check, seeded by tests/fuzz-seed.ts; the seed is printed on failure). And
 * includesAny, the guidance prefilter, reads as `some(text.includes)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { includesAny, NOT_SUBSTANCE, substanceLength } from '../../../shared/checks/text';

const byRemoval = (text: string): number => text.replace(new RegExp(NOT_SUBSTANCE.source, 'gu'), '').length;
const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

const pieces = ['法治', '２０２３', '2023年', '××', 'XX', 'x', '＊', '*', '…', '__', '＿', '-', '—', '－', '\u3000', ' ', '\u00a0', '\u2002', '\u200b', '\n', '。', '，', '“', '”', '《', '》', '％', '%', '+', '＋', '①', '㈠', 'Ⅳ', '〇', '𠀋', '😀', '\ud800', '\udc00', 'é', 'e\u0301'];

describe('substanceLength', () => {
  it('reads as the removal of NOT_SUBSTANCE on any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(text, (t) => substanceLength(t) === byRemoval(t)), { numRuns: 3000 });
  });

  it('reads as the removal on the real reports', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      expect(substanceLength(text), f).toBe(byRemoval(text));
      for (const line of text.split('\n')) expect(substanceLength(line), `${f}: ${line}`).toBe(byRemoval(line));
    }
  });

  it('leaves out punctuation, spaces and placeholder marks and keeps CJK, digits and letters', () => {
    expect(substanceLength('××县2023年度，依法行政。')).toBe(11);
    expect(substanceLength('XX\u3000＊…__')).toBe(0);
    expect(substanceLength('𠀋a')).toBe(3);
  });
});

describe('includesAny', () => {
  it('reads as some(text.includes) for any words and text, regex characters included', () => {
    const piece = fc.constantFrom('法治', '（', '）', '(', ')', '*', '+', '?', '.', '[', ']', '\\', '^', '$', '|', '{', '}', '×', '填写', 'a');
    const word = fc.array(piece, { maxLength: 4 }).map((a) => a.join(''));
    const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), text, (words, t) => includesAny(words)(t) === words.some((w) => t.includes(w))),
      { numRuns: 3000 },
    );
  });
});

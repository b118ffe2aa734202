/**
 * placeholder.remaining: template guidance must not reach the export — grey guidance
 * blocks, a guidance sentence pasted into the text, or marks like ×× that stand for
 * "fill in here". The fix removes the guidance (never the user's own words).
 */
import type { CheckRule, Finding } from '../types';
import type { ReportHeader } from '../../model/document';
import { make } from '../finding';
import { blockText } from '../analysis';
import { includesAny, squeeze, type KeywordMatcher } from '../text';
import { removeBlocks, replaceInBlock } from '../edit';
import { toBlocks } from '../../model/lexical-json';

/** Short guidance (a word or two) would match ordinary text; only sentences are looked for. */
const MIN_GUIDANCE_CHARS = 6;

const HEADER_FIELDS = ['title', 'recipient', 'docNumber', 'date'] as const satisfies readonly (keyof ReportHeader)[];

const CLOSING: Record<string, string> = { '【': '】', '（': '）', '(': ')', '［': '］', '[': ']', '〔': '〕' };
/** A bracketed mark (【待核：…】, （填写…）) is the place up to its closing bracket, when that comes soon. */
const MAX_BRACKETED = 80;

/** The marks in `text`, each as the place it covers: the bracketed ones up to their closing bracket, adjacent marks (×××× = ××××) as one. */
export function markerPlaces(text: string, matcher: KeywordMatcher): { marker: string; start: number; end: number }[] {
  const out: { marker: string; start: number; end: number }[] = [];
  for (const { index, word } of matcher.all(text)) {
    let end = index + word.length;
    const open = word[0]!;
    const close = CLOSING[open];
    if (close && !word.endsWith(close)) {
      const j = text.indexOf(close, end);
      if (j >= 0 && j - end <= MAX_BRACKETED && !text.slice(end, j).includes(open)) end = j + 1;
    }
    const last = out[out.length - 1];
    if (last && index <= last.end) last.end = Math.max(last.end, end);
    else out.push({ marker: word, start: index, end });
  }
  return out;
}

export const placeholderRemainingRule: CheckRule = {
  ids: ['placeholder.remaining'],
  basis: { 'placeholder.remaining': { source: '实务', unfinished: true } },
  run(input) {
    const out: Finding[] = [];
    const push = (f: Finding | null) => f && out.push(f);
    const rule = 'placeholder.remaining';
    const guidance = [...new Set(input.ctx.guidanceTexts.map((g) => g.trim()).filter((g) => squeeze(g).length >= MIN_GUIDANCE_CHARS))];
    const squeezedGuidance = guidance.map(squeeze);
    // Almost no block holds guidance: one search each rules them out (the list, block by block,
    // was a sixth of the whole check of a 300-page report).
    const mayHoldGuidance = includesAny(guidance);
    const mayHoldSqueezed = includesAny(squeezedGuidance);
    input.blocks.forEach((block, index) => {
      if (block.type === 'guidance') {
        if (block.text.trim()) push(make(input, { rule, severity: 'error', messageKey: 'checks.placeholder.guidanceBlock', values: { text: block.text.trim() }, block: index, text: block.text, fix: 'guidance.remove' }));
        return;
      }
      const text = blockText(block);
      const hit = mayHoldGuidance(text) ? guidance.find((g) => text.includes(g)) : undefined;
      if (hit) {
        push(make(input, { rule, severity: 'error', messageKey: 'checks.placeholder.guidanceText', values: { text: hit, guidance: hit }, block: index, text: hit, fix: 'guidance.removeText' }));
        return;
      }
      const squeezed = input.squeezed[index]!;
      const loose = mayHoldSqueezed(squeezed) ? squeezedGuidance.find((g) => squeezed.includes(g)) : undefined;
      if (loose) {
        push(make(input, { rule, severity: 'error', messageKey: 'checks.placeholder.guidanceText', values: { text: loose, guidance: '' }, block: index, text: loose }));
        return;
      }
      // Each mark is a place of its own (a table of ×× figures is so many places to fill in).
      for (const m of markerPlaces(text, input.compiled.placeholders)) {
        push(make(input, { rule, severity: 'error', messageKey: 'checks.placeholder.marker', values: { marker: m.marker }, block: index, text: text.slice(m.start, m.end), start: m.start, end: m.end }));
      }
    });
    for (const field of HEADER_FIELDS) {
      const value = input.doc.header[field];
      if (!value.trim()) continue;
      const g = guidance.find((x) => value.includes(x) || squeeze(value) === squeeze(x));
      const mark = g ? null : (markerPlaces(value, input.compiled.placeholders)[0] ?? null);
      if (g || mark) {
        const at = mark ? { start: mark.start, end: mark.end } : {};
        push(make(input, { rule, severity: 'error', messageKey: g ? 'checks.placeholder.headerGuidance' : 'checks.placeholder.headerMarker', values: { marker: mark?.marker ?? '', text: value }, field, text: value, ...at }));
      }
    }
    return out;
  },
  fixes: {
    'guidance.remove': (doc, finding) => {
      const index = finding.where.block;
      if (index === null) return doc;
      const block = toBlocks(doc.body)[index];
      return block?.type === 'guidance' ? removeBlocks(doc, new Set([index])) : doc;
    },
    'guidance.removeText': (doc, finding) => {
      const index = finding.where.block;
      const text = finding.values.guidance;
      if (index === null || typeof text !== 'string' || !text) return doc;
      return replaceInBlock(doc, index, text, '');
    },
  },
};

/**
 * Quality hints (severity hint, 提示: never blocking) for the annual report, each with its basis:
 * - quality.shortcomingsToken: the 不足 part is under ~5 % of the body or states fewer than two
 *   distinct problems (规定 第二十五条 asks for 存在的不足和原因; a token paragraph is what
 *   督察 reviews criticise).
 * - quality.planAnswersShortcomings: a problem named in 不足 shares no key term with the
 *   next-year part ("问题与措施不对应").
 * - quality.responsibilityConcrete: the 第一责任人 part names no countable action (主持召开3次,
 *   专题研究2次, 学法、述法 with numbers).
 * - quality.length: the body is over 5,000 characters (《整治形式主义为基层减负若干规定》, 2024:
 *   文件一般不超过5000字), which may not bind a report sent upward.
 * Thresholds and word lists are data (checks.json `quality`).
 */
import type { CheckRule, Finding } from '../types';
import type { CheckInput, SectionHit } from '../analysis';
import { blockText } from '../analysis';
import { compact, make } from '../finding';
import { keywordMatcher, sentences, squeeze, substanceLength } from '../text';

/** Characters that glue words together and make no key term (的, 和, 进一步…). */
const FUNCTION_CHARS = /[的和与了是在等及对不有为中上下一二三四五六七八九十其并还更较很也将把被以之而或则即又再如所该此各些个]/;
const COUNTED = /(\d+|[一二两三四五六七八九十百]+)\s*(次|场|期|轮|项|篇|人次|余次|批|份|堂|课)/;
const REASON_START = /^[\s（(一二三四五六七八九十、.．)）]*(究其原因|主要原因|原因|其原因|分析原因)/;

function sectionText(input: CheckInput, hit: SectionHit, from = hit.block + 1, end = hit.end): string {
  const parts: string[] = [];
  const head = input.blocks[hit.block];
  if (head?.type === 'heading' && head.runIn) parts.push(head.runIn);
  if (head?.type === 'paragraph') parts.push(head.text.replace(/^\s*[一二三四五六七八九十]{1,3}[、．.][^。：:；;]*[。：:；;]?/, ''));
  for (let i = from; i < end; i++) {
    const b = input.blocks[i]!;
    if (b.type !== 'guidance') parts.push(blockText(b));
  }
  return parts.join('\n');
}

interface Problem {
  block: number;
  text: string;
}

/** The problems a 不足 part states: its subheadings (with their text), else its sentences that name a problem. */
function problemsOf(input: CheckInput, hit: SectionHit): Problem[] {
  const q = input.ruleset.quality!;
  const reasons = input.compiled.reasons;
  const children = input.headings.filter((h) => h.parent === hit.block && h.index < hit.end);
  if (children.length > 0) {
    return children
      .filter((h) => !(reasons.test(squeeze(h.block.text)) && !keywordMatcher(q.problemMarkers).test(squeeze(h.block.text))))
      .map((h) => ({ block: h.index, text: [h.block.text, h.block.runIn ?? '', ...input.blocks.slice(h.index + 1, h.end).map(blockText)].join('') }));
  }
  const markers = keywordMatcher(q.problemMarkers);
  const enumerated: Problem[] = [];
  const marked: Problem[] = [];
  const plain: Problem[] = [];
  for (let i = hit.block; i < hit.end; i++) {
    const b = input.blocks[i]!;
    if (b.type === 'guidance' || (i === hit.block && b.type === 'heading' && !b.runIn)) continue;
    const text = i === hit.block && b.type === 'heading' ? (b.runIn ?? '') : blockText(b);
    // 一是…。…二是…: each enumerated problem runs up to the next one (the text before 一是 is a preamble).
    const parts = text.split(/(?=[一二三四五六七八九十]是)/);
    if (parts.length > 1) {
      for (const part of parts.slice(/^[一二三四五六七八九十]是/.test(parts[0]!) ? 0 : 1)) if (!REASON_START.test(part)) enumerated.push({ block: i, text: part.trim() });
      continue;
    }
    for (const sentence of sentences(text)) {
      if (REASON_START.test(sentence) || substanceLength(sentence) < 6) continue;
      (markers.test(squeeze(sentence)) ? marked : plain).push({ block: i, text: sentence.trim() });
    }
  }
  // Enumerated problems, else sentences that name one, else every sentence of the part.
  return enumerated.length ? [...enumerated, ...marked] : marked.length ? marked : plain;
}

/** Two-character terms of a text, with the office's stop terms and function characters left out. */
export function keyTerms(text: string, stopTerms: readonly string[]): Set<string> {
  let s = squeeze(text);
  for (const stop of [...stopTerms].sort((a, b) => b.length - a.length)) s = s.split(stop).join('|');
  const terms = new Set<string>();
  for (const run of s.split(/[^\u4e00-\u9fff]+/)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const term = run.slice(i, i + 2);
      if (!FUNCTION_CHARS.test(term)) terms.add(term);
    }
  }
  return terms;
}

function bodyChars(input: CheckInput): number {
  return input.blocks.reduce((n, b) => n + (b.type === 'guidance' ? 0 : blockText(b).replace(/\s/g, '').length), 0);
}

export const qualityRule: CheckRule = {
  ids: ['quality.shortcomingsToken', 'quality.planAnswersShortcomings', 'quality.responsibilityConcrete', 'quality.length'],
  basis: {
    'quality.shortcomingsToken': { source: '规定' },
    'quality.planAnswersShortcomings': { source: '规定' },
    'quality.responsibilityConcrete': { source: '规定' },
    'quality.length': { source: '实务', ref: 'checks.basisRef.burdenReduction' },
  },
  run(input) {
    const q = input.ruleset.quality;
    if (!q) return [];
    const out: (Finding | null)[] = [];
    const total = input.substance(0, input.blocks.length, '');
    const shortcomings = input.hits.find((h) => h.id === 'shortcomings' && h.substance > 0);
    const problems = shortcomings ? problemsOf(input, shortcomings) : [];
    if (shortcomings && total > 0) {
      const share = (shortcomings.substance / total) * 100;
      const distinct = new Set(problems.map((p) => squeeze(p.text))).size;
      if (share < q.shortcomingsMinShare || distinct < q.shortcomingsMinProblems) {
        out.push(make(input, { rule: 'quality.shortcomingsToken', severity: 'hint', messageKey: 'checks.quality.shortcomingsToken', values: { share: Math.round(share * 10) / 10, problems: distinct, minShare: q.shortcomingsMinShare, minProblems: q.shortcomingsMinProblems }, block: shortcomings.block, text: shortcomings.text }));
      }
    }
    const plan = input.hits.find((h) => h.id === 'plan' && h.substance > 0);
    if (shortcomings && plan) {
      const planTerms = keyTerms(sectionText(input, plan), q.stopTerms);
      for (const problem of problems) {
        const terms = keyTerms(problem.text, q.stopTerms);
        if (terms.size === 0 || [...terms].some((t) => planTerms.has(t))) continue;
        out.push(make(input, { rule: 'quality.planAnswersShortcomings', severity: 'hint', messageKey: 'checks.quality.planAnswersShortcomings', values: { problem: problem.text.slice(0, 40) }, block: problem.block, text: problem.text }));
      }
    }
    if (input.responsibility) {
      const section = input.hits.find((h) => h.id === 'responsibility' && h.substance > 0);
      const text = section ? sectionText(input, section) : blockText(input.blocks[input.responsibility.block]!);
      const actions = keywordMatcher(q.responsibilityActions);
      const concrete = sentences(text).some((s) => COUNTED.test(s) && actions.test(squeeze(s)));
      if (!concrete) {
        out.push(make(input, { rule: 'quality.responsibilityConcrete', severity: 'hint', messageKey: 'checks.quality.responsibilityConcrete', block: section?.block ?? input.responsibility.block, text: section?.text ?? input.responsibility.text }));
      }
    }
    const chars = bodyChars(input);
    if (chars > q.maxBodyChars) {
      out.push(make(input, { rule: 'quality.length', severity: 'hint', messageKey: 'checks.quality.length', values: { count: aboutChars(chars, q.maxBodyChars), max: q.maxBodyChars } }));
    }
    return compact(out);
  },
};

/**
 * The 约 N 字 of quality.length: down to a hundred while that is still over the limit, else the
 * exact count. The finding then reads the same from key to key (a report that reads the same
 * re-renders nothing: renderer/features/checks/same-report.ts), and 约 says no more than it knows.
 */
export function aboutChars(chars: number, max: number): number {
  const hundreds = Math.floor(chars / 100) * 100;
  return hundreds > max ? hundreds : chars;
}

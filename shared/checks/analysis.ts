/**
 * Everything the rules share, computed once per run: the flat blocks, the heading tree,
 * which headings are which statutory section, the 第一责任人 statement, the report year.
 * Rules read this; none of them walks the body on its own for these facts.
 */
import type { GongwenDocument } from '../model/document';
import type { Block, HeadingBlock } from '../model/blocks';
import { toBlocks } from '../model/lexical-json';
import { displayLabels } from '../model/numbering';
import type { CheckContext, SectionId } from './types';
import type { CheckRuleset, SectionRule } from './ruleset';
import { keywordMatcher, sentences, squeeze, substanceLength, yearsIn, type KeywordMatcher } from './text';
import { parseLabel, type ParsedLabel } from './labels';

type HeadingSectionId = SectionRule['id'];

interface CompiledRuleset {
  /** One alternation over every section keyword, longest first: leftmost-longest tokens, so 目标举措 (plan) hides 举措 (measures). */
  sectionTokens: RegExp | null;
  tokenSections: Map<string, { id: HeadingSectionId; broad: boolean }[]>;
  responsibility: {
    phrases: KeywordMatcher;
    leaders: KeywordMatcher;
    verbs: KeywordMatcher;
    topic: KeywordMatcher;
    duty: RegExp[];
  } | null;
  reasons: KeywordMatcher;
  placeholders: KeywordMatcher;
}

const compiledCache = new WeakMap<CheckRuleset, CompiledRuleset>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileRuleset(ruleset: CheckRuleset): CompiledRuleset {
  const cached = compiledCache.get(ruleset);
  if (cached) return cached;
  const tokenSections = new Map<string, { id: HeadingSectionId; broad: boolean }[]>();
  for (const section of ruleset.sections) {
    const add = (word: string, broad: boolean) => {
      const key = squeeze(word);
      if (!key) return;
      const list = tokenSections.get(key) ?? [];
      if (!list.some((e) => e.id === section.id && e.broad === broad)) list.push({ id: section.id, broad });
      tokenSections.set(key, list);
    };
    for (const w of section.titleKeywords) add(w, false);
    for (const w of section.broadKeywords) add(w, true);
  }
  const tokens = [...tokenSections.keys()].sort((a, b) => b.length - a.length);
  const r = ruleset.responsibility;
  const compiled: CompiledRuleset = {
    sectionTokens: tokens.length ? new RegExp(tokens.map(escapeRegExp).join('|'), 'g') : null,
    tokenSections,
    responsibility: r
      ? {
          phrases: keywordMatcher(r.phrases),
          leaders: keywordMatcher(r.leaders),
          verbs: keywordMatcher(r.fulfilVerbs),
          topic: keywordMatcher(r.topicWords),
          // Bounded gap inside one sentence: no backtracking blow-up on long paragraphs.
          duty: r.dutyPatterns.map((p) => new RegExp(`${escapeRegExp(squeeze(p.from))}[^。；！？!?;]{0,${p.maxGap}}${escapeRegExp(squeeze(p.to))}`)),
        }
      : null,
    reasons: keywordMatcher(ruleset.reasons?.keywords ?? []),
    placeholders: keywordMatcher(ruleset.placeholderMarkers),
  };
  compiledCache.set(ruleset, compiled);
  return compiled;
}

export interface HeadingInfo {
  index: number;
  block: HeadingBlock;
  /** The label shown (as written, or generated). */
  shown: string;
  /** The written label parsed; null when generated (always right) or unreadable. */
  parsed: ParsedLabel | null;
  /** Index of the parent heading (nearest earlier heading of a lower level), or null. */
  parent: number | null;
  /** Exclusive end of this heading's section in the block list. */
  end: number;
}

export interface SectionHit {
  id: HeadingSectionId;
  /** Heading block (or a paragraph that starts with 一、 when the import kept it as text). */
  block: number;
  level: number;
  text: string;
  end: number;
  substance: number;
}

export interface Statement {
  block: number;
  text: string;
}

export interface CheckInput {
  doc: GongwenDocument;
  ctx: CheckContext;
  ruleset: CheckRuleset;
  compiled: CompiledRuleset;
  blocks: Block[];
  /** blockText of each block with spaces and quote marks removed (keyword matching). */
  squeezed: string[];
  headings: HeadingInfo[];
  headingByIndex: Map<number, HeadingInfo>;
  /** The year the report is about: doc.reportYear, else the title's year. */
  reportYear: number | null;
  titleYear: number | null;
  hits: SectionHit[];
  responsibility: Statement | null;
  reasons: Statement | null;
  /** Heading blocks whose section counts as empty. */
  emptyHeadings: Set<number>;
}

/** All text of a block, heading text and run-in paragraph together. */
export function blockText(block: Block): string {
  if (block.type === 'heading') return block.runIn ? `${block.text}${block.runIn}` : block.text;
  return block.text;
}

function headingTree(blocks: Block[]): HeadingInfo[] {
  const labels = displayLabels(blocks);
  const out: HeadingInfo[] = [];
  const stack: HeadingInfo[] = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return;
    while (stack.length && stack[stack.length - 1]!.block.level >= block.level) stack.pop();
    const info: HeadingInfo = {
      index,
      block,
      shown: labels[index] ?? '',
      parsed: block.label === null ? null : parseLabel(block.label),
      parent: stack.length ? stack[stack.length - 1]!.index : null,
      end: blocks.length,
    };
    out.push(info);
    stack.push(info);
  });
  for (let i = 0; i < out.length; i++) {
    const h = out[i]!;
    for (let j = i + 1; j < out.length; j++) {
      if (out[j]!.block.level <= h.block.level) {
        h.end = out[j]!.index;
        break;
      }
    }
  }
  return out;
}

/** Sections a heading text names: { id → named by a strong keyword? }. */
function classify(text: string, compiled: CompiledRuleset): Map<HeadingSectionId, boolean> {
  const found = new Map<HeadingSectionId, boolean>();
  const re = compiled.sectionTokens;
  if (!re) return found;
  const s = squeeze(text);
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    for (const entry of compiled.tokenSections.get(m[0]) ?? []) {
      found.set(entry.id, (found.get(entry.id) ?? false) || !entry.broad);
    }
  }
  return found;
}

const PSEUDO_HEADING = /^\s*([一二三四五六七八九十]{1,3})[、．.]\s*(.{2,60}?)(?:[。：:；;]|$)/;

/** Substance of blocks [from, end) plus `own`, read from prefix sums (each block is measured once per run). */
type Substance = (from: number, end: number, own: string) => number;

function substanceOf(blocks: Block[]): Substance {
  const prefix = new Array<number>(blocks.length + 1);
  prefix[0] = 0;
  blocks.forEach((b, i) => {
    prefix[i + 1] = prefix[i]! + (b.type === 'guidance' ? 0 : substanceLength(blockText(b)));
  });
  return (from, end, own) => (own ? substanceLength(own) : 0) + prefix[Math.max(from, Math.min(end, blocks.length))]! - prefix[Math.min(from, blocks.length)]!;
}

function findSections(blocks: Block[], headings: HeadingInfo[], compiled: CompiledRuleset, substanceBetween: Substance): SectionHit[] {
  const hits: SectionHit[] = [];
  // A heading named by strong keywords owns its subheadings; names found below it are its own topics.
  const owned = new Set<number>();
  for (const h of headings) {
    if (h.parent !== null && owned.has(h.parent)) {
      owned.add(h.index);
      continue;
    }
    const names = classify(h.block.text, compiled);
    let strong = false;
    for (const [id, isStrong] of names) {
      hits.push({ id, block: h.index, level: h.block.level, text: h.block.text, end: h.end, substance: substanceBetween(h.index + 1, h.end, h.block.runIn ?? '') });
      strong ||= isStrong;
    }
    if (strong) owned.add(h.index);
  }
  // Paragraphs that begin with 一、 are level-1 headings the import did not recognise (docx without styles).
  const level1Starts = blocks.map((b, i) => (b.type === 'heading' && b.level === 1) || (b.type === 'paragraph' && PSEUDO_HEADING.test(b.text)) ? i : -1).filter((i) => i >= 0);
  level1Starts.forEach((start, k) => {
    const b = blocks[start]!;
    if (b.type !== 'paragraph') return;
    const m = PSEUDO_HEADING.exec(b.text)!;
    const title = m[2]!;
    const end = level1Starts[k + 1] ?? blocks.length;
    for (const id of classify(title, compiled).keys()) {
      hits.push({ id, block: start, level: 1, text: title, end, substance: substanceBetween(start + 1, end, b.text.slice(m[0].length)) });
    }
  });
  return hits;
}

/**
 * `hollow(i)`: heading i has no text of substance under it. A heading that only names the
 * 第一责任人 part (the template's 三、…第一责任人职责… with nothing written) is no statement.
 */
function findResponsibility(blocks: Block[], squeezed: string[], compiled: CompiledRuleset, hollow: (index: number) => boolean): Statement | null {
  const r = compiled.responsibility;
  if (!r) return null;
  const level1Text: string[] = [];
  let current = '';
  for (const b of blocks) {
    if (b.type === 'heading' && b.level === 1) current = squeeze(b.text);
    level1Text.push(current);
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'guidance') continue;
    const whole = squeezed[i]!;
    if (!r.phrases.test(whole) && !r.duty.some((d) => d.test(whole))) continue;
    const parts = b.type === 'heading' ? [b.text, ...(b.runIn ? sentences(b.runIn) : [])] : sentences(b.text);
    for (const part of parts) {
      if (b.type === 'heading' && part === b.text && hollow(i)) continue;
      const s = squeeze(part);
      const topical = r.topic.test(s) || r.topic.test(whole) || r.topic.test(level1Text[i] ?? '');
      if (!topical) continue;
      if (r.phrases.test(s) && (r.leaders.test(s) || r.verbs.test(s) || r.leaders.test(whole))) return { block: i, text: part.trim() };
      if (r.leaders.test(s) && r.duty.some((d) => d.test(s))) return { block: i, text: part.trim() };
    }
  }
  return null;
}

function findReasons(blocks: Block[], hits: SectionHit[], compiled: CompiledRuleset): Statement | null {
  for (const hit of hits) {
    if (hit.id !== 'shortcomings') continue;
    if (compiled.reasons.test(squeeze(hit.text))) return { block: hit.block, text: hit.text };
    for (let i = hit.block + 1; i < hit.end; i++) {
      const b = blocks[i]!;
      if (b.type === 'guidance') continue;
      const t = blockText(b);
      if (compiled.reasons.test(squeeze(t))) return { block: i, text: t };
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && b.level === 1 && compiled.reasons.test(squeeze(b.text))) return { block: i, text: b.text };
  }
  return null;
}

export function analyse(doc: GongwenDocument, ctx: CheckContext): CheckInput {
  const ruleset = ctx.ruleset;
  const compiled = compileRuleset(ruleset);
  const blocks = toBlocks(doc.body);
  const headings = headingTree(blocks);
  const headingByIndex = new Map(headings.map((h) => [h.index, h]));
  const titleYear = yearsIn(doc.header.title)[0] ?? null;
  const substance = substanceOf(blocks);
  const squeezed = blocks.map((b) => squeeze(blockText(b)));
  const hits = findSections(blocks, headings, compiled, substance);
  let reportYear = doc.reportYear ?? titleYear;
  if (reportYear === null) {
    const measures = hits.find((h) => h.id === 'measures' && yearsIn(h.text).length > 0);
    reportYear = measures ? yearsIn(measures.text)[0]! : null;
  }
  const emptyHeadings = new Set<number>();
  for (const h of headings) {
    if (!ruleset.emptySection.levels.includes(h.block.level)) continue;
    if (substance(h.index + 1, h.end, h.block.runIn ?? '') < ruleset.emptySection.minChars) emptyHeadings.add(h.index);
  }
  return {
    doc,
    ctx,
    ruleset,
    compiled,
    blocks,
    headings,
    headingByIndex,
    reportYear,
    titleYear,
    hits,
    squeezed,
    responsibility: findResponsibility(blocks, squeezed, compiled, (i) => {
      const h = headingByIndex.get(i);
      return !h || substance(i + 1, h.end, h.block.runIn ?? '') < ruleset.emptySection.minChars;
    }),
    reasons: findReasons(blocks, hits, compiled),
    emptyHeadings,
  };
}

/** Whether a statutory section is there with enough text to count. */
export function sectionPresent(input: CheckInput, id: SectionId): boolean {
  if (id === 'responsibility' && input.responsibility) return true;
  if (id === 'reasons') return input.reasons !== null && sectionPresent(input, 'shortcomings');
  return input.hits.some((h) => h.id === id && h.substance >= input.ruleset.emptySection.minChars);
}

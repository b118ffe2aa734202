/**
 * Everything the rules share, computed once per run: the flat blocks, the heading tree,
 * which headings are which statutory section, the 第一责任人 statement, the report year.
 * Rules read this; none of them walks the body on its own for these facts.
 */
import type { GongwenDocument } from '../model/document';
import type { Block, HeadingBlock } from '../model/blocks';
import { toBlocks } from '../model/lexical-json';
import { reportYearOf, titleYear as titleYearOf } from '../model/report-year';
import { displayLabels } from '../model/numbering';
import type { CheckContext, SectionId } from './types';
import type { CheckRuleset, SectionRule } from './ruleset';
import { keywordMatcher, sentences, squeeze, substanceLength, yearsIn, type KeywordMatcher } from './text';
import { parseLabel, type ParsedLabel } from './labels';
import { parseChineseNumeral } from '../model/numbering';
import { aboutOthers, findResponsibility, type CompiledResponsibility, type Statement } from './responsibility';

export type { Statement } from './responsibility';

type HeadingSectionId = SectionRule['id'];

interface CompiledRuleset {
  /** One alternation over every section keyword, longest first: leftmost-longest tokens, so 目标举措 (plan) hides 举措 (measures). */
  sectionTokens: RegExp | null;
  tokenSections: Map<string, { id: HeadingSectionId; broad: boolean }[]>;
  responsibility: CompiledResponsibility | null;
  reasons: KeywordMatcher;
  placeholders: KeywordMatcher;
  requests: KeywordMatcher;
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
          acts: keywordMatcher(r.personalActs),
          othersBefore: keywordMatcher(r.othersBefore),
          othersAfter: keywordMatcher(r.othersAfter),
          nearMiss: keywordMatcher(r.nearMissWords),
          // Bounded gap inside one sentence: no backtracking blow-up on long paragraphs.
          duty: r.dutyPatterns.map((p) => new RegExp(`${escapeRegExp(squeeze(p.from))}[^。；！？!?;]{0,${p.maxGap}}${escapeRegExp(squeeze(p.to))}`)),
        }
      : null,
    reasons: keywordMatcher(ruleset.reasons?.keywords ?? []),
    placeholders: keywordMatcher(ruleset.placeholderMarkers),
    requests: keywordMatcher(ruleset.requestPhrases),
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
  /** Found by position (a themed work part), not by a keyword: its heading names no year to check. */
  structural?: boolean;
  /** Heading block (or a paragraph that starts with 一、 when the import kept it as text). */
  block: number;
  level: number;
  text: string;
  end: number;
  substance: number;
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
  /** The 报告年度 in force (shared/model/report-year.ts), else the first year of the measures part. */
  reportYear: number | null;
  titleYear: number | null;
  hits: SectionHit[];
  responsibility: Statement | null;
  /** What looked like the 第一责任人 statement but is not (a leading group, other units' leaders). */
  responsibilityNearMiss: Statement | null;
  /** Top-level parts (一、…), restarted same-level headings folded into the part heading they follow. */
  parts: TopPart[];
  reasons: Statement | null;
  /** Heading blocks whose section counts as empty. */
  emptyHeadings: Set<number>;
  /** Substance (substanceLength) of blocks [from, end) plus `own`, guidance left out; each block measured once per run. */
  substance: Substance;
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
  // 主要工作思路和打算, 下一步工作举措: the generic measures words inside a plan heading are the plan's.
  if (found.has('plan')) found.delete('measures');
  return found;
}

const PSEUDO_HEADING = /^\s*([一二三四五六七八九十]{1,3})[、．.]\s*(.{2,60}?)(?:[。：:；;]|$)/;

/** Substance of blocks [from, end) plus `own`, read from prefix sums (each block is measured once per run). */
export type Substance = (from: number, end: number, own: string) => number;

function substanceOf(blocks: Block[]): Substance {
  const prefix = new Array<number>(blocks.length + 1);
  prefix[0] = 0;
  blocks.forEach((b, i) => {
    prefix[i + 1] = prefix[i]! + (b.type === 'guidance' ? 0 : substanceLength(blockText(b)));
  });
  return (from, end, own) => (own ? substanceLength(own) : 0) + prefix[Math.max(from, Math.min(end, blocks.length))]! - prefix[Math.min(from, blocks.length)]!;
}

export interface TopPart {
  /** Block of the part heading (a level-1 heading, or a paragraph that starts with 一、). */
  block: number;
  /** The heading text without its number. */
  title: string;
  /** Text on the heading's own line after the title (run-in text, or the rest of a 一、 paragraph). */
  own: string;
  /** The part's number as shown (一 → 1), null when it has none. */
  n: number | null;
  /** Exclusive end in the block list (after folding restarted headings in). */
  end: number;
  /** Index in `parts` of the part heading that holds this one (restarted numbering), or null. */
  inside: number | null;
}

/**
 * The report's top-level parts. A part heading with nothing under it that is followed straight
 * away by same-level headings numbered again from 一 (一、2023年主要措施 / 一、强化… / 二、…) holds
 * them: they are its content, up to the first heading that breaks the restarted run or names
 * another section. (numbering.sequence still reports the restart.)
 */
function topParts(blocks: Block[], headings: HeadingInfo[], compiled: CompiledRuleset, substance: Substance, minChars: number): TopPart[] {
  const parts: TopPart[] = [];
  const minLevel = headings.length === 0 || headings.some((h) => h.block.level === 1) ? 1 : Math.min(...headings.map((h) => h.block.level));
  const shown = new Map(headings.map((h) => [h.index, h.shown]));
  blocks.forEach((b, i) => {
    if (b.type === 'heading' && b.level === minLevel) {
      const label = parseLabel(shown.get(i) ?? '');
      parts.push({ block: i, title: b.text, own: b.runIn ?? '', n: label?.n ?? null, end: blocks.length, inside: null });
    } else if (b.type === 'paragraph' && minLevel === 1) {
      const m = PSEUDO_HEADING.exec(b.text);
      if (m) parts.push({ block: i, title: m[2]!, own: b.text.slice(m[0].length), n: parseChineseNumeral(m[1]!), end: blocks.length, inside: null });
    }
  });
  parts.forEach((p, k) => {
    p.end = parts[k + 1]?.block ?? blocks.length;
  });
  const otherSection = (p: TopPart) => [...classify(p.title, compiled)].some(([id, strong]) => strong && id !== 'measures' && id !== 'responsibility');
  for (let k = 0; k < parts.length - 1; k++) {
    const p = parts[k]!;
    if (p.inside !== null || parts[k + 1]!.n !== 1) continue;
    if (substance(p.block + 1, p.end, p.own) >= minChars) continue;
    let j = k + 1;
    for (let expected = 1; j < parts.length && parts[j]!.n === expected && !otherSection(parts[j]!); expected++, j++) parts[j]!.inside = k;
    if (j > k + 1) p.end = parts[j - 1]!.end;
  }
  return parts;
}

function findSections(blocks: Block[], headings: HeadingInfo[], parts: TopPart[], compiled: CompiledRuleset, ruleset: CheckRuleset, substanceBetween: Substance): SectionHit[] {
  const hits: SectionHit[] = [];
  // A heading named by strong keywords owns its subheadings (and the restarted headings it holds); names found below it are its own topics.
  const owned = new Set<number>();
  const holder = new Map<number, number>();
  for (const p of parts) if (p.inside !== null) holder.set(p.block, parts[p.inside]!.block);
  for (const h of headings) {
    const parent = holder.get(h.index) ?? h.parent;
    if (parent !== null && owned.has(parent)) {
      owned.add(h.index);
      continue;
    }
    const names = classify(h.block.text, compiled);
    let strong = false;
    for (const [id, isStrong] of names) {
      if (id === 'responsibility' && compiled.responsibility && aboutOthers(h.block.text, compiled.responsibility)) continue;
      hits.push({ id, block: h.index, level: h.block.level, text: h.block.text, end: h.end, substance: substanceBetween(h.index + 1, h.end, h.block.runIn ?? '') });
      strong ||= isStrong;
    }
    if (strong) owned.add(h.index);
  }
  // Paragraphs that begin with 一、 are level-1 headings the import did not recognise (docx without styles).
  for (const p of parts) {
    const b = blocks[p.block]!;
    if (b.type !== 'paragraph') continue;
    for (const id of classify(p.title, compiled).keys()) {
      hits.push({ id, block: p.block, level: 1, text: p.title, end: p.end, substance: substanceBetween(p.block + 1, p.end, p.own) });
    }
  }
  // By structure: the themed top-level parts before the first part of another section are this section's.
  for (const section of ruleset.sections) {
    if (!section.structural) continue;
    for (const p of parts) {
      if (p.inside !== null) continue;
      const named = hits.filter((h) => h.block === p.block);
      if (named.some((h) => h.id !== section.id && h.id !== 'responsibility')) break;
      if (named.length > 0) continue;
      const b = blocks[p.block]!;
      hits.push({ id: section.id, structural: true, block: p.block, level: b.type === 'heading' ? b.level : 1, text: p.title, end: p.end, substance: substanceBetween(p.block + 1, p.end, p.own) });
    }
  }
  return hits;
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

/** For each block, the squeezed texts of the headings it sits under (the topic a sentence inherits). */
function contextOf(blocks: Block[], headings: HeadingInfo[]): string[] {
  const byIndex = new Map(headings.map((h) => [h.index, h]));
  const out: string[] = [];
  let current: HeadingInfo | null = null;
  blocks.forEach((b, i) => {
    if (b.type === 'heading') current = byIndex.get(i) ?? null;
    const chain: string[] = [];
    for (let h: HeadingInfo | null = current; h; h = h.parent === null ? null : (byIndex.get(h.parent) ?? null)) chain.push(squeeze(h.block.text));
    out.push(chain.join('|'));
  });
  return out;
}

export function analyse(doc: GongwenDocument, ctx: CheckContext): CheckInput {
  const ruleset = ctx.ruleset;
  const compiled = compileRuleset(ruleset);
  const blocks = toBlocks(doc.body);
  const headings = headingTree(blocks);
  const headingByIndex = new Map(headings.map((h) => [h.index, h]));
  const titleYear = titleYearOf(doc.header.title);
  const substance = substanceOf(blocks);
  const squeezed = blocks.map((b) => squeeze(blockText(b)));
  const minChars = ruleset.emptySection.minChars;
  const parts = topParts(blocks, headings, compiled, substance, minChars);
  // A part heading that holds restarted headings ends where the last of them ends.
  for (const p of parts) {
    const h = headingByIndex.get(p.block);
    if (h && p.end > h.end) h.end = p.end;
  }
  const hits = findSections(blocks, headings, parts, compiled, ruleset, substance);
  let reportYear = reportYearOf(doc);
  if (reportYear === null) {
    const measures = hits.find((h) => h.id === 'measures' && yearsIn(h.text).length > 0);
    reportYear = measures ? yearsIn(measures.text)[0]! : null;
  }
  const headingContext = contextOf(blocks, headings);
  const found = findResponsibility(
    blocks,
    squeezed,
    compiled.responsibility,
    (i) => {
      const h = headingByIndex.get(i);
      return !h || substance(i + 1, h.end, h.block.runIn ?? '') < minChars;
    },
    (i) => headingContext[i] ?? '',
  );
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
    responsibility: found.statement,
    responsibilityNearMiss: found.nearMiss,
    parts,
    reasons: findReasons(blocks, hits, compiled),
    emptyHeadings,
    substance,
  };
}

/** Whether a statutory section is there with enough text to count. */
export function sectionPresent(input: CheckInput, id: SectionId): boolean {
  if (id === 'responsibility' && input.responsibility) return true;
  if (id === 'reasons') return input.reasons !== null && sectionPresent(input, 'shortcomings');
  return input.hits.some((h) => h.id === id && h.substance >= input.ruleset.emptySection.minChars);
}

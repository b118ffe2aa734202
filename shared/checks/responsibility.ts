/**
 * The 第一责任人 statement, found by meaning: a sentence (or heading) where the reporting
 * body's own principal leaders perform the duty of leading law-based government —
 * 党政主要负责人切实履行推进法治建设第一责任人职责, 严格落实第一责任, 一把手抓法治的履职责任,
 * 书记、主任亲自研究部署法治建设… — in any of the common wordings (data: checks.json).
 *
 * Not the statement: duties pressed on other bodies' leaders (压实各单位主要负责人…, 督促下级…),
 * leaders as the object of oversight (听取主要负责人履职汇报, 主要负责人履职考核细则), a leading
 * group chaired by the secretary, 一把手负总责. Those are kept as the "near miss" the message names.
 */
import type { Block } from '../model/blocks';
import { sentences, squeeze, type KeywordMatcher } from './text';

export interface CompiledResponsibility {
  phrases: KeywordMatcher;
  leaders: KeywordMatcher;
  verbs: KeywordMatcher;
  topic: KeywordMatcher;
  duty: RegExp[];
  acts: KeywordMatcher;
  othersBefore: KeywordMatcher;
  othersAfter: KeywordMatcher;
  nearMiss: KeywordMatcher;
}

export interface Statement {
  block: number;
  text: string;
}

export interface ResponsibilityFinding {
  statement: Statement | null;
  /** The best wording that looked like the statement but is not (shown in the message). */
  nearMiss: Statement | null;
}

const CLAUSE_MARK = /[，,：:；;。！？!?]/;
/** How far before a leader word an "other bodies" marker is looked for (same clause). */
const BEFORE_WINDOW = 12;
/** How far after it an "assessing leaders" word is looked for (same clause). */
const AFTER_WINDOW = 16;

/** Leader mentions in a squeezed sentence, each marked own (the reporting body's) or other. */
function leaderMentions(s: string, r: CompiledResponsibility): { own: number; other: number } {
  let own = 0;
  let other = 0;
  const found = r.leaders.all(s);
  if (found.length === 0) return { own, other };
  // Clause bounds once per sentence (linear even on one long paragraph without punctuation).
  const clauseStart = new Array<number>(s.length + 1);
  const clauseEnd = new Array<number>(s.length + 1);
  for (let i = 0, start = 0; i <= s.length; i++) {
    clauseStart[i] = start;
    if (i < s.length && CLAUSE_MARK.test(s[i]!)) start = i + 1;
  }
  for (let i = s.length, end = s.length; i >= 0; i--) {
    if (i < s.length && CLAUSE_MARK.test(s[i]!)) end = i;
    clauseEnd[i] = end;
  }
  for (const m of found) {
    const stop = m.index + m.word.length;
    const before = s.slice(Math.max(clauseStart[m.index]!, m.index - BEFORE_WINDOW), m.index);
    const after = s.slice(stop, Math.min(clauseEnd[stop]!, stop + AFTER_WINDOW));
    // 县长听取…汇报: the leader does the hearing (an act of his own), he is not what is heard or assessed.
    if (r.othersBefore.test(before) || (r.othersAfter.test(after) && !r.acts.test(after))) other++;
    else own++;
  }
  return { own, other };
}

/** 'yes' the statement; 'near' looks like it but is about others / a group; 'no' unrelated. */
export function judgeSentence(s: string, r: CompiledResponsibility, context: { ownLeaderNearby: boolean }): 'yes' | 'near' | 'no' {
  const { own, other } = leaderMentions(s, r);
  const phrase = r.phrases.test(s);
  if (phrase) {
    if (own > 0) return 'yes';
    if (other === 0 && (r.verbs.test(s) || context.ownLeaderNearby)) return 'yes';
    return 'near';
  }
  // A leader's own acts count when the sentence itself is about the rule of law (亲自部署重要工作 is not).
  if (own > 0 && (r.duty.some((d) => d.test(s)) || (r.acts.test(s) && r.topic.test(s)))) return 'yes';
  if (own > 0 && r.nearMiss.test(s)) return 'near';
  if (other > 0 && (r.duty.some((d) => d.test(s)) || r.acts.test(s))) return 'near';
  return 'no';
}

/** A heading that names the duty only for other bodies' leaders (压实各部门主要负责人第一责任人职责). */
export function aboutOthers(text: string, r: CompiledResponsibility): boolean {
  const m = leaderMentions(squeeze(text), r);
  return m.other > 0 && m.own === 0;
}

/**
 * `hollow(i)`: heading i has no text of substance under it. A heading that only names the
 * 第一责任人 part (the template's 三、…第一责任人职责… with nothing written) is no statement.
 * `headingOf(i)`: the squeezed texts of the headings above block i (topic context).
 */
export function findResponsibility(
  blocks: Block[],
  squeezed: string[],
  r: CompiledResponsibility | null,
  hollow: (index: number) => boolean,
  headingsAbove: (index: number) => string,
): ResponsibilityFinding {
  if (!r) return { statement: null, nearMiss: null };
  let nearMiss: Statement | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'guidance') continue;
    const whole = squeezed[i]!;
    if (!r.phrases.test(whole) && !r.leaders.test(whole)) continue;
    const parts = b.type === 'heading' ? [b.text, ...(b.runIn ? sentences(b.runIn) : [])] : sentences(b.text);
    const context = headingsAbove(i);
    const ownLeaderNearby = leaderMentions(whole, r).own > 0;
    for (const part of parts) {
      if (b.type === 'heading' && part === b.text && hollow(i)) continue;
      const s = squeeze(part);
      const topical = r.topic.test(s) || r.topic.test(whole) || r.topic.test(context);
      if (!topical) continue;
      const verdict = judgeSentence(s, r, { ownLeaderNearby });
      if (verdict === 'yes') return { statement: { block: i, text: part.trim() }, nearMiss };
      if (verdict === 'near' && !nearMiss) nearMiss = { block: i, text: part.trim() };
    }
  }
  return { statement: null, nearMiss };
}

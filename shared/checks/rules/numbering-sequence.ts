/**
 * numbering.sequence: heading numbers within one parent run 1, 2, 3… — no gap (一、三、),
 * no repeat (二、二、), no wrong order (一、三、二、). The fix renumbers every heading
 * (labels become generated, which are always right).
 */
import type { CheckRule, Finding } from '../types';
import type { HeadingInfo } from '../analysis';
import { headingLabel } from '../../model/numbering';
import { make } from '../finding';
import { mapHeadingLabels } from '../edit';
import type { CheckInput } from '../analysis';
import type { GongwenDocument } from '../../model/document';
import { fromBlocks } from '../../model/lexical-json';

/**
 * The first top-level part written without its number (法治政府建设工作开展情况 / … / 二、存在的不足):
 * the short unpunctuated line before the first level-1 heading, when that heading is 二、.
 * Making it the level-1 heading 一、 is the right fix; renumbering 二→一 would break the structure.
 */
function unnumberedFirstPart(input: CheckInput, first: HeadingInfo): number | null {
  if (first.parsed?.n !== 2) return null;
  for (let i = first.index - 1; i >= 0; i--) {
    const b = input.blocks[i]!;
    if (b.type === 'heading' && b.level === 1) return null;
    if (b.type !== 'paragraph') continue;
    const text = b.text.trim();
    if (!text) continue;
    if (text.length <= 40 && !/[。！？；;!?：:，,]$/.test(text) && !/^[一二三四五六七八九十（(\d]/.test(text)) return i;
  }
  return null;
}

function makeLevel1(doc: GongwenDocument, index: number): GongwenDocument {
  const node = doc.body.root.children[index];
  if (!node || node.type !== 'paragraph') return doc;
  const text = (node.children ?? []).map((c) => ('text' in c && typeof c.text === 'string' ? c.text : '')).join('').trim();
  if (!text) return doc;
  const heading = fromBlocks([{ type: 'heading', level: 1, label: '一、', text, runIn: null }]).root.children[0]!;
  const children = doc.body.root.children.slice();
  children[index] = heading;
  return { ...doc, body: { root: { ...doc.body.root, children } } };
}

function groups(headings: HeadingInfo[]): HeadingInfo[][] {
  const map = new Map<string, HeadingInfo[]>();
  for (const h of headings) {
    const key = `${h.parent ?? -1}:${h.block.level}`;
    const list = map.get(key) ?? [];
    list.push(h);
    map.set(key, list);
  }
  return [...map.values()];
}

export const numberingSequenceRule: CheckRule = {
  ids: ['numbering.sequence'],
  basis: { 'numbering.sequence': { source: '国标' } },
  run(input) {
    const out: Finding[] = [];
    for (const group of groups(input.headings)) {
      const ns = group.map((h, i) => (h.block.label === null ? i + 1 : (h.parsed?.n ?? null)));
      const written = ns.filter((n): n is number => n !== null);
      const sorted = [...written].sort((a, b) => a - b);
      const permutation = written.length === group.length && sorted.every((n, i) => n === i + 1);
      // How often each number is written, counted once: asking per heading made the rule
      // quadratic (a 9 MB report of headings took 55 s).
      const times = new Map<number, number>();
      for (const n of written) times.set(n, (times.get(n) ?? 0) + 1);
      let prev = 0;
      group.forEach((h, i) => {
        const n = ns[i];
        if (n === null || n === undefined) return;
        const level = h.block.level;
        let kind: 'gap' | 'repeat' | 'order' | null = null;
        let expected = prev + 1;
        if (permutation) {
          if (n !== i + 1) {
            kind = 'order';
            expected = i + 1;
          }
        } else if (n === prev) kind = 'repeat';
        else if (n < prev) kind = (times.get(n) ?? 0) > 1 ? 'repeat' : 'order';
        else if (n > prev + 1) kind = 'gap';
        if (kind) {
          const unnumbered = i === 0 && h.parent === null && level === 1 ? unnumberedFirstPart(input, h) : null;
          const f = make(input, {
            rule: 'numbering.sequence',
            severity: 'warning',
            messageKey: `checks.numbering.${kind}`,
            values: { found: h.shown, expected: headingLabel(level, expected), missing: headingLabel(level, prev + 1), level, ...(unnumbered !== null ? { part: unnumbered } : {}) },
            block: h.index,
            text: `${h.shown}${h.block.text}`,
            fix: unnumbered !== null ? 'numbering.makeHeading' : 'numbering.renumber',
          });
          if (f) out.push(f);
        }
        prev = Math.max(prev, n);
      });
    }
    return out;
  },
  fixes: {
    'numbering.renumber': (doc) => mapHeadingLabels(doc, () => null),
    'numbering.makeHeading': (doc, finding) => (typeof finding.values.part === 'number' ? makeLevel1(doc, finding.values.part) : doc),
  },
};

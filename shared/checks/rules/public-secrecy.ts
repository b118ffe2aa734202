/**
 * public.secrecy (error): a 公开版 must not carry 密级 marks or wording that says the text is
 * not for the public (绝密, 机密, 秘密★, 内部资料, 涉密, 不宜公开, 内部掌握…), anywhere — the body,
 * the printed header fields, and the 密级 and 份号 fields (a numbered copy is a classified
 * one). Phrases that only talk about secrecy work (保守国家机密, 涉密人员管理) are not findings.
 */
import type { CheckRule, Finding } from '../types';
import { compact, make } from '../finding';
import { keywordMatcher, squeeze } from '../text';
import { screenTargets } from '../public/targets';

const RULE = 'public.secrecy';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The secrecy words of `text` that are not part of an allowed phrase. */
export function secrecyWordsIn(text: string, words: readonly string[], allowed: readonly string[]): string[] {
  const s = squeeze(text);
  const list = [...new Set(words.map(squeeze).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return [];
  const covered = new Array<boolean>(s.length).fill(false);
  for (const phrase of allowed.map(squeeze).filter(Boolean)) {
    for (let i = s.indexOf(phrase); i >= 0; i = s.indexOf(phrase, i + 1)) covered.fill(true, i, i + phrase.length);
  }
  const re = new RegExp(list.map(escapeRegExp).join('|'), 'g');
  const found: string[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let inside = true;
    for (let i = m.index; i < m.index + m[0].length; i++) inside &&= covered[i]!;
    if (!inside && !found.includes(m[0])) found.push(m[0]);
  }
  return found;
}

export const publicSecrecyRule: CheckRule = {
  ids: [RULE],
  // 督察工作规定 第二十五条: the report is published, except what involves Party and state secrets.
  basis: { [RULE]: { source: '规定', ref: 'checks.basisRef.publicSecrecy' } },
  run(input) {
    if (!input.ctx.public) return [];
    const { header } = input.doc;
    const cfg = input.ruleset.public;
    const out: (Finding | null)[] = [];
    if (header.secrecy.trim()) out.push(make(input, { rule: RULE, severity: 'error', messageKey: 'checks.public.secrecy.field', values: { mark: header.secrecy.trim() }, field: 'secrecy', text: header.secrecy }));
    if (header.copyNumber.trim()) out.push(make(input, { rule: RULE, severity: 'error', messageKey: 'checks.public.secrecy.copyNumber', values: { copy: header.copyNumber.trim() }, field: 'copyNumber', text: header.copyNumber }));
    const quick = keywordMatcher(cfg.secrecyWords);
    for (const target of screenTargets(input)) {
      if (!quick.test(squeeze(target.text))) continue;
      for (const word of secrecyWordsIn(target.text, cfg.secrecyWords, cfg.secrecyAllowed)) {
        out.push(make(input, { rule: RULE, severity: 'error', messageKey: 'checks.public.secrecy.word', values: { word }, block: target.block, field: target.field, text: word }));
      }
    }
    return compact(out);
  },
};

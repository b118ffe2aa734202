/**
 * public.personalName (warning): a private person named next to a case, penalty, dispute or
 * petition (当事人张三因…, 信访人李某华反映…). Names of officials and offices are public and are
 * not looked at (县长王明主持…: no role word), and names already anonymised (张某, 李某某, 王×)
 * are fine. Words that follow a role but are no name (当事人陈述, 申请人申请复议) are data
 * (checks.json public.notNames).
 */
import type { CheckRule, Finding } from '../types';
import type { CheckRuleset } from '../ruleset';
import { compact, make } from '../finding';
import { screenTargets } from '../public/targets';

const CJK = /[\u4e00-\u9fff]/;
const ANONYMISED = /[某×xX*＊○〇Ｘ]/;
/** After a name: punctuation, or a word that goes on about the case. */
const AFTER_NAME = /^(?:[，。、；：:,;（(）)\s“”"'‘’「」]|$|因|于|在|对|向|等|不服|提出|申请|申报|诉|称|系|是|为|涉嫌|违反|未经|未|擅自|无证|将|与|和|及|夫妇|一家|家|一案|案|户|的|反映|来访|来信|投诉|举报|到|被|经|所|已|拒|多次)/;

const compiled = new WeakMap<CheckRuleset['public'], { roles: RegExp | null; surnames: string[]; notNames: string[] }>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(cfg: CheckRuleset['public']) {
  let c = compiled.get(cfg);
  if (!c) {
    const roles = [...new Set(cfg.personRoles)].sort((a, b) => b.length - a.length);
    c = {
      roles: roles.length ? new RegExp(roles.map(escapeRegExp).join('|'), 'g') : null,
      surnames: [...new Set(cfg.surnames)].sort((a, b) => b.length - a.length),
      notNames: [...new Set(cfg.notNames)],
    };
    compiled.set(cfg, c);
  }
  return c;
}

/** Names of private persons named right after a role word in `text`: { role, name }. */
export function personalNamesIn(text: string, cfg: CheckRuleset['public']): { role: string; name: string }[] {
  const c = compile(cfg);
  if (!c.roles) return [];
  const out: { role: string; name: string }[] = [];
  c.roles.lastIndex = 0;
  for (let m = c.roles.exec(text); m; m = c.roles.exec(text)) {
    let at = m.index + m[0].length;
    while (at < text.length && /[：:\s\u3000“”"]/.test(text[at]!)) at++;
    const rest = text.slice(at, at + 8);
    const surname = c.surnames.find((s) => rest.startsWith(s));
    if (!surname) continue;
    if (ANONYMISED.test(rest[surname.length] ?? '')) continue;
    if (c.notNames.some((w) => rest.startsWith(w))) continue;
    for (const given of [1, 2]) {
      const name = rest.slice(0, surname.length + given);
      if (name.length < surname.length + given || ![...name.slice(surname.length)].every((ch) => CJK.test(ch) && !ANONYMISED.test(ch))) continue;
      if (AFTER_NAME.test(rest.slice(name.length))) {
        if (!out.some((o) => o.name === name)) out.push({ role: m[0], name });
        break;
      }
    }
  }
  return out;
}

export const publicPersonalNameRule: CheckRule = {
  ids: ['public.personalName'],
  basis: { 'public.personalName': { source: '条例', ref: 'checks.basisRef.privacy' } },
  run(input) {
    if (!input.ctx.public) return [];
    const out: (Finding | null)[] = [];
    for (const target of screenTargets(input)) {
      if (target.field !== null) continue;
      for (const hit of personalNamesIn(target.text, input.ruleset.public)) {
        out.push(make(input, { rule: 'public.personalName', severity: 'warning', messageKey: 'checks.public.personalName', values: hit, block: target.block, text: `${hit.role}${hit.name}` }));
      }
    }
    return compact(out);
  },
};

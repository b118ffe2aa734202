/**
 * The check engine: the list of rules, run over one analysis of the document. Pure — no
 * clock, no locale, no I/O — so the editor, the preview backend and the CLI agree.
 */
import type { GongwenDocument } from '../model/document';
import type { CheckContext, CheckReport, CheckRule, Finding, SectionId, Severity } from './types';
import { SECTION_IDS } from './types';
import { analyse, sectionPresent } from './analysis';
import { withBasis, type RuleBasis } from './sources';
import { statutorySectionsRule } from './rules/statutory-sections';
import { responsibilityRule } from './rules/responsibility';
import { reasonsRule } from './rules/reasons';
import { sectionEmptyRule } from './rules/section-empty';
import { headerIssuerRule } from './rules/header-issuer';
import { headerDocNumberRule } from './rules/header-doc-number';
import { headerSignerRule } from './rules/header-signer';
import { headerRecipientRule } from './rules/header-recipient';
import { headerTitleRule } from './rules/header-title';
import { titlePunctuationRule } from './rules/title-punctuation';
import { genreRequestRule } from './rules/genre-request';
import { numberingSequenceRule } from './rules/numbering-sequence';
import { numberingBracketsRule } from './rules/numbering-brackets';
import { numberingStyleRule } from './rules/numbering-style';
import { numberingOrphanRule } from './rules/numbering-orphan';
import { dateFormatRule } from './rules/date-format';
import { yearConsistencyRule } from './rules/year-consistency';
import { yearCarriedOverRule } from './rules/year-carried-over';
import { placeholderRemainingRule } from './rules/placeholder-remaining';
import { publicSecrecyRule } from './rules/public-secrecy';
import { publicNumbersRule } from './rules/public-numbers';
import { publicPhoneRule } from './rules/public-phone';
import { publicPersonalNameRule } from './rules/public-personal-name';
import { qualityRule } from './rules/quality';
import { approvalsRule } from './rules/approvals';

export const RULES: readonly CheckRule[] = [
  statutorySectionsRule,
  responsibilityRule,
  reasonsRule,
  placeholderRemainingRule,
  headerIssuerRule,
  headerDocNumberRule,
  headerSignerRule,
  headerRecipientRule,
  headerTitleRule,
  titlePunctuationRule,
  genreRequestRule,
  dateFormatRule,
  yearConsistencyRule,
  yearCarriedOverRule,
  numberingSequenceRule,
  numberingBracketsRule,
  numberingStyleRule,
  numberingOrphanRule,
  sectionEmptyRule,
  qualityRule,
  approvalsRule,
  // The public-version screening: these run only when ctx.public is set (公开版).
  publicSecrecyRule,
  publicNumbersRule,
  publicPhoneRule,
  publicPersonalNameRule,
];

/** Every rule id the engine can raise. */
export const RULE_IDS: readonly string[] = [...new Set(RULES.flatMap((r) => r.ids))];

/** Rule id → its basis (README and the user guide list these). */
export const RULE_BASIS: Readonly<Record<string, RuleBasis>> = Object.fromEntries(RULES.flatMap((r) => Object.entries(r.basis)));

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

function order(a: Finding, b: Finding): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  // Header problems first (they are at the top of the page), then body order.
  const pa = a.where.block ?? -1;
  const pb = b.where.block ?? -1;
  return pa - pb;
}

export function runChecks(doc: GongwenDocument, ctx: CheckContext): CheckReport {
  const input = analyse(doc, ctx);
  const findings = RULES.flatMap((rule) => rule.run(input).map((f) => withBasis(f, rule.basis[f.rule]))).sort(order);
  const counts: Record<Severity, number> = { error: 0, warning: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const sections = Object.fromEntries(SECTION_IDS.map((id) => [id, sectionPresent(input, id)])) as Record<SectionId, boolean>;
  return { findings, sections, exportable: counts.error === 0, counts };
}

/** Applies the quick fix a finding offers; the document unchanged when there is none or it no longer applies. */
export function applyFix(doc: GongwenDocument, finding: Finding): GongwenDocument {
  if (!finding.fix) return doc;
  for (const rule of RULES) {
    const fix = rule.fixes?.[finding.fix.id];
    if (fix) return fix(doc, finding);
  }
  return doc;
}

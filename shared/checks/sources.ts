/**
 * Where a rule comes from. Only a rule whose basis is a written norm — 规定
 * (《法治政府建设与责任落实督察工作规定》), 条例 (《党政机关公文处理工作条例》) or 国标
 * (GB/T 9704-2012) — may block export, and a rule that marks the document unfinished
 * (placeholders, guidance text, 【待核】). Everything else is 实务 (common practice) and at
 * most a warning, whatever a checks.json says.
 */
import type { Finding, Severity } from './types';

export const RULE_SOURCES = ['规定', '条例', '国标', '实务'] as const;
export type RuleSource = (typeof RULE_SOURCES)[number];

/** i18n key suffix for each source (checks.source.<key>, checks.sourceName.<key>). */
export const SOURCE_KEY: Record<RuleSource, string> = { 规定: 'provision', 条例: 'regulation', 国标: 'standard', 实务: 'practice' };

export interface RuleBasis {
  source: RuleSource;
  /** The finding says the document is not finished yet (placeholder, guidance, 【待核】): it may block even as 实务. */
  unfinished?: boolean;
  /**
   * i18n key (checks.basisRef.*) naming the instrument when it is not the one the source
   * names by default, e.g. 《中华人民共和国政府信息公开条例》 for the public-version screening.
   */
  ref?: string;
}

/** The severity a finding may have given its basis: a 实务 error that is not "unfinished" becomes a warning. */
export function cappedSeverity(severity: Severity, basis: RuleBasis): Severity {
  if (severity === 'error' && basis.source === '实务' && !basis.unfinished) return 'warning';
  return severity;
}

/** Attaches the basis to a finding and caps its severity. */
export function withBasis(finding: Finding, basis: RuleBasis | undefined): Finding {
  const b: RuleBasis = basis ?? { source: '实务' };
  const out: Finding = { ...finding, source: b.source, severity: cappedSeverity(finding.severity, b) };
  if (b.ref) out.basisRef = b.ref;
  return out;
}

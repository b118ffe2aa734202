/**
 * The shapes the check engine speaks. A finding carries an i18n key and values, never a
 * rendered sentence, so the renderer and the CLI show it in the user's language.
 */
import type { GongwenDocument, ReportHeader } from '../model/document';
import type { CheckRuleset } from './ruleset';
import type { RuleBasis, RuleSource } from './sources';

/** error blocks export; warning needs the user's confirmation; hint (提示) never blocks anything. */
export type Severity = 'error' | 'warning' | 'hint';

export const SECTION_IDS = ['measures', 'shortcomings', 'reasons', 'responsibility', 'plan', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface CheckContext {
  /** 'YYYY-MM-DD'; passed in because checks have no hidden clock. */
  today: string;
  ruleset: CheckRuleset;
  /** Guidance sentences of the template the document came from; any left in the text is an error. */
  guidanceTexts: string[];
  /** Set for the 公开版 (public version): the public.* screening runs. Absent = the official version. */
  public?: PublicScreening | null;
}

export interface PublicScreening {
  /** The office's own published contact lines (any writing: 0851-8221234, 0851 822 1234): not a finding. */
  allowedPhones: string[];
}

export interface FindingWhere {
  /** Index into toBlocks(doc.body), or null when the finding is about the header or the whole report. */
  block: number | null;
  field: keyof ReportHeader | null;
  /** The offending snippet (shortened), '' when something is missing. */
  text: string;
  /**
   * The exact place: [start, end) offsets, in UTF-16 code units (JavaScript string and Lexical
   * offsets), of the offending text in blockText(block) — heading text then run-in text; a
   * table's cells joined by a tab, rows by a newline — or in the header field's value (a list
   * field's lines joined by a newline). null when the finding has no place (something missing).
   * When nothing narrower is known the range covers the whole block (a heading: its text).
   */
  start: number | null;
  end: number | null;
  /** A short excerpt of the place with a few characters either side (…前文 offending 后文…), '' when none. */
  excerpt: string;
}

export interface FindingFix {
  id: string;
  /** i18n key under checks.fix.* */
  labelKey: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** The rule's basis (规定/条例/国标/实务), set by the engine from the rule's `basis`. */
  source: RuleSource;
  /** i18n key naming the instrument, when it is not the source's default one (RuleBasis.ref). */
  basisRef?: string;
  /** i18n key under checks.* */
  messageKey: string;
  values: Record<string, string | number>;
  where: FindingWhere;
  fix: FindingFix | null;
}

export interface CheckReport {
  findings: Finding[];
  sections: Record<SectionId, boolean>;
  /** True when there is no error finding (warnings need the user's confirmation only). */
  exportable: boolean;
  counts: Record<Severity, number>;
}

/** What one rule file contributes: the finder and the quick fixes it offers. */
export interface CheckRule {
  /** Rule ids this file can raise (documentation and tests). */
  ids: readonly string[];
  /** Every id's basis (sources.ts): only 规定/条例/国标 or "unfinished" rules may be errors. */
  basis: Readonly<Record<string, RuleBasis>>;
  run(input: import('./analysis').CheckInput): Finding[];
  /** Fix id → pure fix. Returns the document unchanged when the fix no longer applies. */
  fixes?: Record<string, (doc: GongwenDocument, finding: Finding) => GongwenDocument>;
}

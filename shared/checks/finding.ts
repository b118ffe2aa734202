/**
 * Builds findings with the ruleset's severity overrides applied, so every rule file reads
 * the same way: `make(input, {...})` returns null when the office turned the rule off.
 */
import type { ReportHeader } from '../model/document';
import type { CheckInput } from './analysis';
import type { Finding, Severity } from './types';
import { snippet } from './text';
import { placeOf } from './place';

export interface FindingSpec {
  rule: string;
  /** The default from annual-report.md; checks.json `severity` may override it. */
  severity: Severity;
  messageKey: string;
  values?: Record<string, string | number>;
  block?: number | null;
  field?: keyof ReportHeader | null;
  text?: string;
  /** The offending text's [start, end) in the block (or field), when the rule knows it; else it is looked for (place.ts). */
  start?: number;
  end?: number;
  fix?: string | null;
}

export function make(input: CheckInput, spec: FindingSpec): Finding | null {
  const override = input.ruleset.severity[spec.rule];
  if (override === 'off') return null;
  const block = spec.block ?? null;
  const field = spec.field ?? null;
  return {
    rule: spec.rule,
    severity: override ?? spec.severity,
    // The engine sets the rule's real basis (and caps the severity) after the rule ran.
    source: '实务',
    messageKey: spec.messageKey,
    values: spec.values ?? {},
    where: { block, field, text: snippet(spec.text ?? ''), ...placeOf(input, { rule: spec.rule, block, field, text: spec.text ?? '', start: spec.start, end: spec.end }) },
    fix: spec.fix ? { id: spec.fix, labelKey: `checks.fix.${spec.fix}` } : null,
  };
}

export function compact(list: (Finding | null)[]): Finding[] {
  return list.filter((f): f is Finding => f !== null);
}

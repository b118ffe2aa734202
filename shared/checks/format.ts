/**
 * Rendering findings in the user's language. `t` is any i18next-like translate function,
 * passed in so this stays pure (the renderer passes its hook's t, the CLI its own instance).
 */
import type { Finding } from './types';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function formatFinding(finding: Finding, t: Translate): string {
  return t(finding.messageKey, finding.values);
}

/** Where a finding is, in words: 正文第 12 段 or the header field's name; '' for the whole report. */
export function formatPlace(finding: Finding, t: Translate): string {
  if (finding.where.block !== null) return t('checks.place.block', { n: finding.where.block + 1 });
  if (finding.where.field) return t('checks.place.field', { field: t(`checks.field.${finding.where.field}`) });
  return '';
}

/** The message with its place (the export gate's refusals name where to look). */
export function formatFindingWithPlace(finding: Finding, t: Translate): string {
  const message = formatFinding(finding, t);
  const place = formatPlace(finding, t);
  return place ? t('checks.withPlace', { message, place }) : message;
}

export function formatFixLabel(finding: Finding, t: Translate): string | null {
  return finding.fix ? t(finding.fix.labelKey, finding.values) : null;
}

export function severityLabel(finding: Finding, t: Translate): string {
  return t(`checks.severity.${finding.severity}`);
}

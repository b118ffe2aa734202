/**
 * Rendering findings in the user's language. `t` is any i18next-like translate function,
 * passed in so this stays pure (the renderer passes its hook's t, the CLI its own instance).
 */
import type { Finding } from './types';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function formatFinding(finding: Finding, t: Translate): string {
  return t(finding.messageKey, finding.values);
}

export function formatFixLabel(finding: Finding, t: Translate): string | null {
  return finding.fix ? t(finding.fix.labelKey, finding.values) : null;
}

export function severityLabel(finding: Finding, t: Translate): string {
  return t(`checks.severity.${finding.severity}`);
}

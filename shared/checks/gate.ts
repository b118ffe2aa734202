/**
 * The export gate in the shape electron/services/export-service.ts expects: rendered
 * error and warning messages. Errors block export; warnings need the user's confirmation.
 */
import type { CheckReport } from './types';
import { formatFindingWithPlace, type Translate } from './format';
import { fail, ok, type Result } from '../ipc/result';

export interface ExportGate {
  errors: string[];
  warnings: string[];
}

export function exportGate(report: CheckReport, t: Translate): ExportGate {
  return {
    errors: report.findings.filter((f) => f.severity === 'error').map((f) => formatFindingWithPlace(f, t)),
    warnings: report.findings.filter((f) => f.severity === 'warning').map((f) => formatFindingWithPlace(f, t)),
  };
}

/**
 * The one gate decision, for every output (desktop, preview, CLI): errors refuse
 * (export-blocked, never confirmed away), warnings refuse until the user accepted them.
 */
export function gateDecision(verdict: ExportGate, acceptWarnings: boolean): Result<ExportGate> {
  if (verdict.errors.length > 0) return fail('export-blocked', 'export.errors.blocked', { count: verdict.errors.length }, verdict.errors);
  if (verdict.warnings.length > 0 && !acceptWarnings) return fail('export-needs-confirmation', 'export.errors.needsConfirmation', { count: verdict.warnings.length }, verdict.warnings);
  return ok(verdict);
}

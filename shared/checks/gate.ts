/**
 * The export gate in the shape electron/services/export-service.ts expects: rendered
 * error and warning messages. Errors block export; warnings need the user's confirmation.
 */
import type { CheckReport } from './types';
import { formatFinding, type Translate } from './format';

export interface ExportGate {
  errors: string[];
  warnings: string[];
}

export function exportGate(report: CheckReport, t: Translate): ExportGate {
  return {
    errors: report.findings.filter((f) => f.severity === 'error').map((f) => formatFinding(f, t)),
    warnings: report.findings.filter((f) => f.severity === 'warning').map((f) => formatFinding(f, t)),
  };
}

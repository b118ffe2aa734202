/**
 * The one output pipeline (Node side): every .docx, PDF and print goes through it.
 *
 *   rulesFor(kind)                 the one rule resolution; the renderer's panel gets the same
 *                                  rules through the contract (`checks:rules`)
 *   check(document, variant)       the engine, with the variant's rules
 *   gate(report, acceptWarnings)   the one gate: errors refuse, warnings need the user's yes
 *   prepare(document, variant, …)  runs the engine once, gates, then builds the bytes
 *   outputs                        where prepared bytes go: a save dialog (desktop .docx and
 *                                  PDF) or the browser's download (preview)
 */
import { exportGate, runChecks, type CheckReport, type ExportGate, type PublicScreening } from '../../shared/checks';
import { gateDecision } from '../../shared/checks/gate';
import type { Translate } from '../../shared/checks/format';
import type { KindRules } from '../../shared/checks/kind-rules';
import { fail, ok, type Result } from '../../shared/ipc/contract';
import type { GongwenDocument } from '../../shared/model';
import { safeFileName } from './file-names';
import { writeOutputFile } from './export-service';

export type OutputVariant = 'official' | 'public';
export type OutputFormat = 'docx' | 'pdf';

export interface Prepared {
  report: CheckReport;
  verdict: ExportGate;
  format: OutputFormat;
  variant: OutputVariant;
  /** The file name offered: the title, the variant, the extension — 《标题》（公开版）.docx. */
  fileName: string;
  bytes: Uint8Array;
}

export interface PipelineDeps {
  rulesFor: (kind: string) => KindRules;
  today: () => string;
  /** In the user's current language. */
  t: () => Translate;
  buildDocx: (doc: GongwenDocument, options: { variant: OutputVariant }) => Promise<Uint8Array>;
  /** The public version's screening settings (the office's published phone lines); default none allowed. */
  publicScreening?: () => PublicScreening;
  /** Desktop app: the print view of the document in this variant, as PDF bytes. */
  renderPdf?: (doc: GongwenDocument, variant: OutputVariant) => Promise<Uint8Array>;
}

/**
 * The rules a variant is checked with. Both variants use the kind's rules today; a
 * variant's own rules (the public version's) are added here and reach panel and gate alike.
 */
export function variantRules(rules: KindRules, _variant: OutputVariant): KindRules {
  return rules;
}

export function outputFileName(document: GongwenDocument, variant: OutputVariant, format: OutputFormat, today: string, t: Translate): string {
  return `${safeFileName(document.header.title, today)}${t(`export.fileSuffix.${variant}`)}.${format}`;
}

export interface OutputPipeline {
  rulesFor(kind: string, variant?: OutputVariant): KindRules;
  check(document: GongwenDocument, variant?: OutputVariant): CheckReport;
  /** The gate: a refusal as a Result, or the verdict when the output may go ahead. */
  gate(report: CheckReport, acceptWarnings: boolean): Result<ExportGate>;
  prepare(document: GongwenDocument, variant: OutputVariant, format: OutputFormat, acceptWarnings: boolean): Promise<Result<Prepared>>;
}

export function createOutputPipeline(deps: PipelineDeps): OutputPipeline {
  const rulesFor = (kind: string, variant: OutputVariant = 'official') => variantRules(deps.rulesFor(kind), variant);
  const check = (document: GongwenDocument, variant: OutputVariant = 'official'): CheckReport => {
    const rules = rulesFor(document.kind, variant);
    // The 公开版 adds the public-version screening (public.*): panel, CLI and this gate alike.
    const screening = variant === 'public' ? (deps.publicScreening?.() ?? { allowedPhones: [] }) : null;
    return runChecks(document, { today: deps.today(), ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts, public: screening });
  };
  const gate = (report: CheckReport, acceptWarnings: boolean): Result<ExportGate> => {
    const t = deps.t();
    return gateDecision(exportGate(report, (key, values) => t(key, values)), acceptWarnings);
  };
  return {
    rulesFor,
    check,
    gate,
    async prepare(document, variant, format, acceptWarnings) {
      const report = check(document, variant);
      const verdict = gate(report, acceptWarnings);
      if (!verdict.ok) return verdict;
      let bytes: Uint8Array;
      try {
        if (format === 'docx') bytes = await deps.buildDocx(document, { variant });
        else if (deps.renderPdf) bytes = await deps.renderPdf(document, variant);
        else return fail('pdf-in-browser', 'export.errors.pdfInBrowser');
      } catch (error) {
        return fail('export-build-failed', 'export.errors.buildFailed', { message: (error as Error)?.message ?? String(error) });
      }
      return ok({ report, verdict: verdict.value, format, variant, fileName: outputFileName(document, variant, format, deps.today(), deps.t()), bytes });
    },
  };
}

// ---- outputs ----

export interface Delivered {
  /** Where the file was written, or null when the bytes go back to the browser. */
  path: string | null;
  fileName: string;
  base64: string | null;
}

export type Output = (prepared: Prepared) => Promise<Result<Delivered>>;

/** The browser preview: the bytes go back to the page, which hands them to the download. */
export const browserDownload: Output = async (prepared) => ok({ path: null, fileName: prepared.fileName, base64: Buffer.from(prepared.bytes).toString('base64') });

/**
 * The desktop app: the native save dialog (which itself confirms an overwrite) picks the
 * path; the bytes are written durably. Cancelled → 'cancelled', nothing written.
 */
export function saveDialogOutput(choosePath: (suggestedName: string, format: OutputFormat) => Promise<string | null>, options: { writeTimeoutMs?: number } = {}): Output {
  return async (prepared) => {
    const chosen = await choosePath(prepared.fileName, prepared.format);
    if (!chosen) return fail('cancelled', 'export.errors.cancelled');
    // the dialog has already asked before replacing a file
    const written = await writeOutputFile(chosen, prepared.bytes, { overwrite: true, ...options });
    return written.ok ? ok({ ...written.value, base64: null }) : written;
  };
}

/**
 * `gongwen check FILE… [--json] [--lang L]` (contract.md): a readable table per file, or the
 * contract's JSON. Exit 0 no errors, 1 error findings, 2 a file could not be read (the
 * other files are still checked).
 */
import path from 'node:path';
import type { GongwenDocument } from '../../shared/model/document';
import { runChecks } from '../../shared/checks/engine';
import { formatFinding, type Translate } from '../../shared/checks/format';
import { formatGroupTitle, groupFindings } from '../../shared/checks/group';
import { SECTION_IDS, type CheckReport, type Finding, type PublicScreening } from '../../shared/checks/types';
import { SOURCE_KEY } from '../../shared/checks/sources';
import { RulesetError } from '../../shared/checks/ruleset';
import { localIsoDate } from '../../shared/model/today';
import { toBlocks } from '../../shared/model/lexical-json';
import { blockText } from '../../shared/checks/analysis';
import { mapSourceLines } from '../../shared/checks/source-lines';
import { EXIT, pickLanguage, translator, type CliIo } from './io';
import { parseArgs, type ParsedArgs } from './args';
import { loadDocument } from './load';
import { createRulesetLoader, type KindRules } from './rulesets';
import { defaultTemplatesDir } from './package-dir';

export interface CheckJson {
  file: string;
  kind: string;
  sections: CheckReport['sections'];
  header: {
    issuer: string[] | null;
    docNumber: string | null;
    signers: string[];
    recipient: string | null;
    title: string | null;
    date: string | null;
  };
  findings: { rule: string; severity: Finding['severity']; source: Finding['source']; basis?: string; message: string; where: { block: number | null; field?: string; text: string; start: number | null; end: number | null; excerpt: string; line: number | null } }[];
  exportable: boolean;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * Each finding's line in a .txt/.md input (1-based), or null (a .docx or .gwdraft: the place
 * is the paragraph, `block` + 1).
 */
export function findingLines(doc: GongwenDocument, report: CheckReport, source: string | undefined): Map<Finding, number | null> {
  const out = new Map<Finding, number | null>();
  if (source === undefined) {
    for (const f of report.findings) out.set(f, null);
    return out;
  }
  const blocks = toBlocks(doc.body);
  const lines = mapSourceLines(source, blocks, doc.header);
  for (const f of report.findings) {
    const text = f.where.block !== null ? (blocks[f.where.block] ? blockText(blocks[f.where.block]!) : null) : null;
    out.set(f, lines.lineOf({ block: f.where.block, field: f.where.field ?? null, start: f.where.start, end: f.where.end }, text));
  }
  return out;
}

export function toCheckJson(file: string, doc: GongwenDocument, report: CheckReport, t: Translate, source?: string): CheckJson {
  const lineOf = findingLines(doc, report, source);
  const h = doc.header;
  const issuer = h.issuerLines.map((l) => l.trim()).filter(Boolean);
  return {
    file,
    kind: doc.kind,
    sections: report.sections,
    header: {
      issuer: issuer.length ? issuer : null,
      docNumber: orNull(h.docNumber),
      signers: h.signers.map((s) => s.trim()).filter(Boolean),
      recipient: orNull(h.recipient),
      title: orNull(h.title),
      date: orNull(h.date),
    },
    findings: report.findings.map((f) => ({ rule: f.rule, severity: f.severity, source: f.source, ...(f.basisRef ? { basis: t(f.basisRef) } : {}), message: formatFinding(f, t), where: { block: f.where.block, ...(f.where.field ? { field: f.where.field } : {}), text: f.where.text, start: f.where.start, end: f.where.end, excerpt: f.where.excerpt, line: lineOf.get(f) ?? null } })),
    exportable: report.exportable,
  };
}

/** --public (and --allow-phone N[,N…], the office's own published lines) → the screening, or null. */
export function publicScreeningFrom(args: ParsedArgs): PublicScreening | null {
  if (!args.flags.has('public')) return null;
  const allow = args.options.get('allow-phone') ?? '';
  return { allowedPhones: allow.split(/[,，;；]/).map((s) => s.trim()).filter(Boolean) };
}

/** `required`: section ids the kind's ruleset requires; an optional part that is absent shows "–", not "✗". */
export function formatTable(file: string, doc: GongwenDocument, report: CheckReport, t: Translate, required?: ReadonlySet<string>, source?: string): string {
  const lines: string[] = [];
  const lineOf = findingLines(doc, report, source);
  const kindKey = `checks.cli.kind.${doc.kind}`;
  const kindName = t(kindKey);
  lines.push(`${file}  ${kindName === kindKey ? doc.kind : kindName}`);
  if (doc.kind === 'fazhi-annual') {
    const mark = (id: (typeof SECTION_IDS)[number]) => (report.sections[id] ? '✓' : !required || required.has(id) ? '✗' : '–');
    const parts = SECTION_IDS.map((id) => `${t(`checks.sectionName.${id}`)} ${mark(id)}`);
    lines.push(`  ${t('checks.cli.sections')}: ${parts.join(' · ')}`);
  }
  // Repeated findings of a rule: one entry, its places listed (shared/checks/group.ts).
  for (const group of groupFindings(report.findings)) {
    const f = group.findings[0]!;
    // .txt/.md: 第12行 as the file's editor shows it; a field found in the file: its name and line
    const placeOf = (x: Finding) => {
      const line = lineOf.get(x) ?? null;
      if (x.where.block !== null) return line !== null ? t('checks.cli.line', { n: line }) : t('checks.cli.block', { n: x.where.block + 1 });
      if (!x.where.field) return '';
      const name = t(`checks.field.${x.where.field}`);
      return line !== null ? `${name}（${t('checks.cli.line', { n: line })}）` : name;
    };
    const where = group.findings.length === 1 ? placeOf(f) : t('checks.group.places', { count: group.findings.length });
    const fix = f.fix ? `  [${t('checks.cli.fixable')}]` : '';
    lines.push(`  ${t(`checks.severity.${f.severity}`)}  ${f.rule}  〔${t(`checks.source.${SOURCE_KEY[f.source]}`)}〕${where ? `  ${where}` : ''}`);
    lines.push(`      ${formatGroupTitle(group, t)}${fix}`);
    if (group.findings.length > 1) for (const x of group.findings) lines.push(`        ${placeOf(x)}${x.where.excerpt ? `  “${x.where.excerpt}”` : ''}`);
  }
  if (report.findings.length === 0) lines.push(`  ${t('checks.summary.none')}`);
  lines.push(`  ${t('checks.summary.counts', report.counts)} — ${t(report.exportable ? 'checks.summary.exportable' : 'checks.summary.blocked')}`);
  return `${lines.join('\n')}\n`;
}

function requiredSections(rules: KindRules): Set<string> {
  const ids = new Set<string>(rules.ruleset.sections.filter((s) => s.required).map((s) => s.id));
  if (rules.ruleset.reasons?.required) ids.add('reasons');
  return ids;
}

export interface CheckedFile {
  file: string;
  doc: GongwenDocument;
  /** A .txt/.md input's text (for line numbers). */
  source?: string;
  report: CheckReport;
  rules: KindRules;
}

/** Loads and checks one file; a failure is returned as the rendered one-line reason. */
/** `screening`: run the public-version screening too (check --public, export --public). */
export async function checkFile(file: string, io: CliIo, t: Translate, rulesFor: (kind: string) => KindRules, screening: PublicScreening | null = null): Promise<CheckedFile | { error: string }> {
  const today = io.today ?? localIsoDate(new Date());
  const loaded = await loadDocument(file, io.cwd, today);
  if (!loaded.ok) return { error: t(loaded.key, loaded.values) };
  let rules: KindRules;
  try {
    rules = rulesFor(loaded.doc.kind);
  } catch (error) {
    const reason = error instanceof RulesetError || error instanceof SyntaxError ? error.message : String(error);
    return { error: t('checks.cli.fail.ruleset', { file, reason: reason.slice(0, 200) }) };
  }
  const report = runChecks(loaded.doc, { today, ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts, public: screening });
  return { file, doc: loaded.doc, report, rules, ...(loaded.source !== undefined ? { source: loaded.source } : {}) };
}

export async function runCheckCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['json', 'public'], ['lang', 'allow-phone']);
  const t = translator(pickLanguage(args.options.get('lang'), io.env ?? {}));
  const screening = publicScreeningFrom(args);
  if (args.unknown.length) {
    io.stderr.write(`${t('checks.cli.unknownOption', { option: args.unknown[0]! })}\n${t('checks.cli.usage')}\n`);
    return EXIT.unreadable;
  }
  if (args.files.length === 0) {
    io.stderr.write(`${t('checks.cli.noFiles')}\n${t('checks.cli.usage')}\n`);
    return EXIT.unreadable;
  }
  const rulesFor = createRulesetLoader(io.templatesDir ?? defaultTemplatesDir());
  const json: CheckJson[] = [];
  let failed = false;
  let errors = false;
  for (const file of args.files) {
    const result = await checkFile(file, io, t, rulesFor, screening);
    if ('error' in result) {
      failed = true;
      io.stderr.write(`${result.error.replace(/\s*\n\s*/g, ' ')}\n`);
      continue;
    }
    if (!result.report.exportable) errors = true;
    const shown = path.isAbsolute(file) ? file : file.split(path.sep).join('/');
    if (args.flags.has('json')) json.push(toCheckJson(shown, result.doc, result.report, t, result.source));
    else io.stdout.write(`${formatTable(shown, result.doc, result.report, t, requiredSections(result.rules), result.source)}${args.files.length > 1 ? '\n' : ''}`);
  }
  if (args.flags.has('json') && (json.length > 0 || args.files.length > 1)) {
    io.stdout.write(`${JSON.stringify(args.files.length > 1 ? json : json[0], null, 2)}\n`);
  }
  return failed ? EXIT.unreadable : errors ? EXIT.findings : EXIT.ok;
}

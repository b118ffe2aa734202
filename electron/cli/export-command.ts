/**
 * `gongwen export FILE --out OUT.docx [--public] [--force]` (contract.md): refuses with exit 1
 * and lists the errors when the document has error findings, refuses to overwrite OUT —
 * both unless --force. The export service writes atomically, so no partial OUT is left.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildDocx } from '../../shared/docx/build';
import { setWordStartsStore } from '../../shared/page/title-breaks';
import { formatFinding } from '../../shared/checks/format';
import { createExportService } from '../services/export-service';
import { EXIT, pickLanguage, translator, type CliIo } from './io';
import { parseArgs } from './args';
import { checkFile, publicScreeningFrom } from './check-command';
import { createRulesetLoader } from './rulesets';
import { defaultTemplatesDir } from './package-dir';
import { openWordStartsCache } from './word-starts-cache';

export async function runExportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['public', 'force'], ['out', 'lang', 'allow-phone']);
  const t = translator(pickLanguage(args.options.get('lang'), io.env ?? {}));
  if (args.unknown.length || args.files.length !== 1) {
    const first = args.unknown[0];
    io.stderr.write(`${first ? `${t('checks.cli.unknownOption', { option: first })}\n` : args.files.length === 0 ? `${t('checks.cli.export.noFile')}\n` : `${t('checks.cli.export.oneFile', { count: args.files.length })}\n`}${t('checks.cli.usage')}\n`);
    return EXIT.unreadable;
  }
  const out = args.options.get('out');
  if (!out) {
    io.stderr.write(`${t('checks.cli.export.noOut')}\n`);
    return EXIT.unreadable;
  }
  const file = args.files[0]!;
  const force = args.flags.has('force');
  const outPath = path.resolve(io.cwd, out);
  if (sameFile(path.resolve(io.cwd, file), outPath)) {
    io.stderr.write(`${t('checks.cli.export.outIsInput', { file: out })}\n`);
    return EXIT.unreadable;
  }
  // A Word file under another name (.txt, .pdf, none) opens in nothing on a clerk's PC. (A
  // folder is refused below, by the export service, with its own message.)
  if (path.extname(out).toLowerCase() !== '.docx' && !isDirectory(outPath)) {
    io.stderr.write(`${t('checks.cli.export.outNotDocx', { file: out })}\n`);
    return EXIT.unreadable;
  }
  // The public version is screened too (public.*): an ID number or a 密级 mark blocks it.
  const checked = await checkFile(file, io, t, createRulesetLoader(io.templatesDir ?? defaultTemplatesDir()), publicScreeningFrom(args));
  if ('error' in checked) {
    io.stderr.write(`${checked.error}\n`);
    return EXIT.unreadable;
  }
  const errors = checked.report.findings.filter((f) => f.severity === 'error');
  const service = createExportService({
    buildDocx: (doc, options) => withWordStartsCache(io.cacheDir, () => buildDocx(doc, options)),
    // --force exports in spite of errors; warnings never stop the command line.
    gate: () => ({ errors: force ? [] : errors.map((f) => formatFinding(f, t)), warnings: [] }),
  });
  const result = await service.exportDocx(checked.doc, { variant: args.flags.has('public') ? 'public' : 'official', outPath, overwrite: force, acceptWarnings: true });
  if (result.ok) {
    io.stdout.write(`${t('checks.cli.export.written', { file: result.value.path })}\n`);
    return EXIT.ok;
  }
  const { code } = result.error;
  if (code === 'export-blocked') {
    io.stderr.write(`${t('checks.cli.export.blocked', { file, count: errors.length })}\n${errors.map((f) => `  - ${formatFinding(f, t)}`).join('\n')}\n`);
  } else if (code === 'file-exists') {
    io.stderr.write(`${t('checks.cli.export.exists', { file: out })}\n`);
  } else {
    // The service's own message (磁盘空间不足…, 是一个文件夹…), in the user's language.
    io.stderr.write(`${t('checks.cli.export.failed', { reason: t(result.error.messageKey, result.error.values ?? {}) })}\n`);
  }
  return EXIT.findings;
}

/** The title's word starts from the built CLI's cache (no Intl set-up for a title seen before). */
async function withWordStartsCache<T>(cacheDir: string | undefined, build: () => Promise<T>): Promise<T> {
  if (!cacheDir) return build();
  const cache = openWordStartsCache(cacheDir);
  setWordStartsStore(cache.store);
  try {
    return await build();
  } finally {
    setWordStartsStore(null);
    cache.save();
  }
}

// Sync calls for these few look-ups: fs.promises' first realpath cost ~5 ms of start-up (its
// module and the thread pool's first job) for one answer the command waits for anyway.
function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Where a path finally points: symlinks resolved, and for a file not yet there, its folder's. */
function resolvedPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    try {
      return path.join(realpathSync.native(path.dirname(p)), path.basename(p));
    } catch {
      return p;
    }
  }
}

const statOrNull = (p: string) => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** True when OUT is the input itself: the same path after symlinks, or the same inode (a hard link). */
export function sameFile(input: string, out: string): boolean {
  if (resolvedPath(input) === resolvedPath(out)) return true;
  const [a, b] = [statOrNull(input), statOrNull(out)];
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino;
}

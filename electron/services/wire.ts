/**
 * Builds every Node service for one data folder and returns the channel handlers.
 * Used unchanged by the Electron main process and by the preview backend; the only
 * differences are injected: the settings store (electron-store vs conf), and, in the
 * desktop app, a save dialog for exports and a PDF printer. Every output goes through the
 * one pipeline (./output.ts): the panel's rules, the gate and the bytes come from it.
 */
import { readFile } from 'node:fs/promises';
import { fillFromProfile } from '../../shared/templates/instantiate';
import path from 'node:path';
import { fail, ok, type AppInfo, type CheckState, type FontStatus, type Notice, type Result, type Settings } from '../../shared/ipc/contract';
import type { GongwenDocument } from '../../shared/model';
import { createI18n } from '../../shared/i18n';
import { parseDocNumber, type CheckReport } from '../../shared/checks';
import { createKindRulesLoader } from './kind-rules-loader';
import { buildDocx } from '../../shared/docx/build';
import { appInfo } from './app-info';
import type { Handlers } from './api';
import { createTemplateService, TemplateError } from './template-service';
import { createDraftService } from './drafts-service';
import { createSettingsService, type SettingsStore } from './settings-service';
import { ImportError } from './import-service';
import { importFileBounded } from './import-bounded';
import { browserDownload, createOutputPipeline, saveDialogOutput, type OutputFormat, type OutputVariant } from './output';
import { localIsoDate } from '../../shared/model/today';
import { createFontService, type FontService } from './font-service';
import { publicAcceptance, publicExportEntry } from './public-record';
import type { HistoryEntry } from '../../shared/model/approvals';

export interface WireOptions {
  dataDir: string;
  /** The folder holding templates/<id>/ (the repository's templates/, or the packaged copy). */
  templatesDir: string;
  shell: AppInfo['shell'];
  version: string;
  /** Today as YYYY-MM-DD (injected so tests can fix the date). */
  today?: () => string;
  openSettingsStore?: () => SettingsStore;
  /** The OS locale (desktop: app.getLocale()): the first start's language, until the user picks one. */
  systemLocale?: string;
  /** Desktop app: ask where to save (native dialog, which itself confirms an overwrite); null = cancelled. */
  chooseExportPath?: (suggestedName: string, lastDir: string | null, format: OutputFormat) => Promise<string | null>;
  /** Desktop app: the print view (which the renderer shows in `variant`) as PDF bytes. */
  printToPdf?: (variant: OutputVariant) => Promise<Uint8Array>;
  /** Desktop app: the settings changed (the menu and window title follow the language). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Which standard fonts the PC has (tests inject a fixed answer). */
  fonts?: FontService;
  /** Said once at start with the settings' notices (e.g. the data folder could not be locked). */
  startupNotices?: Notice[];
}

export interface Wired {
  handlers: Handlers;
  /** The checks the Node side runs before anything is written or printed. */
  check(document: GongwenDocument, variant?: OutputVariant): CheckReport;
  close(): Promise<void>;
}

export function wireServices(options: WireOptions): Wired {
  const dataDir = path.resolve(options.dataDir);
  const today = options.today ?? (() => localIsoDate(new Date()));
  const templates = createTemplateService(options.templatesDir);
  const settings = createSettingsService({
    dataDir,
    ...(options.openSettingsStore ? { openStore: options.openSettingsStore } : {}),
    ...(options.systemLocale !== undefined ? { systemLocale: options.systemLocale } : {}),
  });

  const t = () => createI18n(settings.get().language).t;
  const translate = () => {
    const tr = t();
    return (key: string, values?: Record<string, string | number>) => tr(key, values ?? {});
  };
  const pipeline = createOutputPipeline({
    rulesFor: createKindRulesLoader(templates),
    today,
    t: translate,
    buildDocx,
    // The office's own published contact lines are no public.phone findings.
    publicScreening: () => {
      const current = settings.get();
      const profile = current.profiles.find((p) => p.id === current.activeProfileId) ?? null;
      return { allowedPhones: profile?.publicPhones ?? [] };
    },
    ...(options.printToPdf ? { renderPdf: (_doc: GongwenDocument, variant: OutputVariant) => options.printToPdf!(variant) } : {}),
  });
  const check = (document: GongwenDocument, variant: OutputVariant = 'official'): CheckReport => pipeline.check(document, variant);
  const chooseExportPath = options.chooseExportPath;
  const output = chooseExportPath ? saveDialogOutput((name, format) => chooseExportPath(name, settings.get().lastExportDir, format)) : browserDownload;
  const checkState = (document: GongwenDocument): CheckState => {
    const report = check(document);
    return report.counts.error > 0 ? 'errors' : report.counts.warning > 0 ? 'warnings' : 'ok';
  };

  const drafts = createDraftService({ dataDir, checkState });
  /** An official export uses its 文号: the next suggestion for that 代字 and year moves past it. */
  const recordDocNumber = (document: GongwenDocument, variant: 'official' | 'public') => {
    if (variant !== 'official' || !document.header.redHeader) return;
    const parsed = parseDocNumber(document.header.docNumber);
    if (parsed.code && parsed.year && parsed.serial) settings.recordDocNumber(parsed.code, parsed.year, parsed.serial);
  };
  const fonts = options.fonts ?? createFontService();
  // Asked at once: the window's first paint waits (briefly) for this answer, so the font bar
  // is laid out with the rest and never shifts the page under a click (fc-list / reg query
  // can take a second on an old or busy PC). Later asks run afresh (a font installed since).
  let firstFontStatus: Promise<FontStatus> | null = fonts.status();
  firstFontStatus.catch(() => undefined);
  const startupNotices = [...(options.startupNotices ?? [])];

  const templateFailure = (error: unknown): Result<never> => {
    if (error instanceof TemplateError) return fail(error.code, error.messageKey, error.values, error.details);
    throw error;
  };

  const handlers: Handlers = {
    'app:info': () => ok(appInfo(options.shell, dataDir, options.version)),
    'app:notices': () => ok([...startupNotices.splice(0), ...settings.takeNotices()]),
    'templates:list': () => ok(templates.list()),
    'templates:get': ({ templateId }) => {
      try {
        const loaded = templates.get(templateId);
        return ok({ template: loaded.template, checks: loaded.checks });
      } catch (error) {
        return templateFailure(error);
      }
    },
    'templates:instantiate': ({ templateId, today: day }) => {
      try {
        const current = settings.get();
        const profile = current.profiles.find((p) => p.id === current.activeProfileId) ?? null;
        // The next 文号 number of this 代字 and year is suggested (the user may type another).
        const code = profile?.agencyCode.trim();
        const docSerial = code ? settings.suggestDocNumber(code, Number(day.slice(0, 4))) : undefined;
        return ok(templates.instantiate(templateId, day, profile, docSerial ? { docSerial } : {}));
      } catch (error) {
        return templateFailure(error);
      }
    },
    'drafts:list': () => drafts.list(),
    'drafts:create': ({ document }) => drafts.create(document),
    'drafts:get': ({ id }) => drafts.get(id),
    'drafts:save': ({ id, document, baseRevision }) => drafts.save(id, document, baseRevision),
    'drafts:journal': (input) => ('delta' in input ? drafts.journalDelta(input.id, input.delta) : drafts.journal(input.id, input.document)),
    'drafts:duplicate': ({ id }) => drafts.duplicate(id),
    'drafts:delete': ({ id }) => drafts.delete(id),
    'drafts:restoreFromTrash': ({ id }) => drafts.restoreFromTrash(id),
    'drafts:revisions': ({ id }) => drafts.revisions(id),
    'drafts:restoreRevision': ({ id, revisionId }) => drafts.restoreRevision(id, revisionId),
    'drafts:rollover': ({ id }) => drafts.rollover(id),
    'drafts:approve': ({ id, document, approval }) => drafts.approve(id, document, approval),
    'drafts:exportFile': ({ id }) => drafts.exportFile(id),
    'drafts:importFile': ({ file }) => drafts.importFile(file),
    'drafts:openPath': async ({ path: file }) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        return fail('read-failed', 'drafts.errors.openFailed', { name: path.basename(file), reason: (error as Error).message.slice(0, 200) });
      }
      return drafts.importFile({ name: path.basename(file), base64: bytes.toString('base64') });
    },
    'settings:get': () => ok(settings.get()),
    'settings:update': (patch) => {
      const result = settings.update(patch);
      if (result.ok) options.onSettingsChanged?.(result.value);
      return result;
    },
    'import:file': async ({ file, today: day }) => {
      try {
        const imported = await importFileBounded(file.name, Buffer.from(file.base64, 'base64'), day);
        // Every header field the file lacks comes from the active office profile (as 新建报告 does).
        const current = settings.get();
        const profile = current.profiles.find((p) => p.id === current.activeProfileId) ?? null;
        if (!profile) return ok(imported);
        const code = profile.agencyCode.trim();
        const docSerial = code && !imported.header.docNumber.trim() ? settings.suggestDocNumber(code, Number(day.slice(0, 4))) : undefined;
        const { document, fromProfile } = fillFromProfile(imported, profile, day, docSerial);
        return ok({ ...document, fromProfile });
      } catch (error) {
        if (error instanceof ImportError) return fail(error.code, error.messageKey, error.values);
        throw error;
      }
    },
    'checks:rules': ({ kind, variant }) => ok(pipeline.rulesFor(kind, variant)),
    'export:run': async ({ document, format, variant, acceptWarnings, draftId, acceptance }) => {
      const prepared = await pipeline.prepare(document, variant, format, acceptWarnings);
      if (!prepared.ok) return prepared;
      const accepted = publicAcceptance(prepared.value.report, variant, acceptance);
      if (!accepted.ok) return accepted;
      const delivered = await output(prepared.value);
      if (!delivered.ok) return delivered;
      if (delivered.value.path) settings.update({ lastExportDir: path.dirname(delivered.value.path) });
      recordDocNumber(document, variant);
      if (draftId) await drafts.snapshot(draftId, 'export');
      let history: HistoryEntry | null = null;
      if (variant === 'public') {
        // The 公开版 is recorded in the draft's history: what was accepted, by whom, why, and the 保密审查 on record.
        history = publicExportEntry(document, prepared.value.report, { fileName: delivered.value.fileName, format, by: acceptance?.by ?? '', reason: acceptance?.reason ?? '', recordedAt: new Date().toISOString(), t: translate() });
        if (draftId) {
          const appended = await drafts.appendHistory(draftId, history);
          if (!appended.ok) return appended;
        }
      }
      return ok({ ...delivered.value, warnings: prepared.value.report.counts.warning, history });
    },
    'fonts:status': async () => {
      const pending = firstFontStatus;
      firstFontStatus = null;
      return ok(await (pending ?? fonts.status()));
    },
  };
  return { handlers, check, close: () => drafts.flush() };
}

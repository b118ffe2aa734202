/**
 * The one contract between the renderer and the Node side (house style 2).
 * Main registers handlers against it, the preload exposes it, the renderer's client
 * implements it twice (IPC in Electron, HTTP in the browser preview).
 *
 * Every call answers a Result: errors carry an i18n key (`errors.*`) and values, so the
 * renderer shows them in the user's language.
 */
import type { DeadlineOverrides, ReportingLevel } from '../calendar/annual';
import { z } from 'zod';
import type { ProfileField } from '../templates/instantiate';
import type { GongwenDocument } from '../model/document';
import type { HistoryEntry } from '../model/approvals';
import type { KindRules } from '../checks/kind-rules';
import { CHANNEL_NAMES, type ChannelName } from './channel-names';
import {
  approvalRequestSchema,
  documentSchema,
  draftIdSchema,
  exportRequestSchema,
  fileUploadSchema,
  journalDeltaSchema,
  revisionIdSchema,
  settingsPatchSchema,
} from './schemas';

// The answer shape of every channel (no zod there: services that only answer need not build the schemas).
export { fail, ok, type AppError, type Result } from './result';
import type { Result } from './result';

export interface Notice {
  /** i18n key, e.g. "errors.settingsCorrupt". */
  messageKey: string;
  values: Record<string, string | number>;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop app, 'preview' in the browser preview. */
  shell: 'electron' | 'preview';
  platform: string;
  dataDir: string;
}

export interface TemplateSummary {
  id: string;
  name: { 'zh-CN': string; 'en-US': string };
  description: { 'zh-CN': string; 'en-US': string };
}

export type CheckState = 'ok' | 'warnings' | 'errors' | 'unknown';

export interface DraftSummary {
  id: string;
  title: string;
  kind: string;
  reportYear: number | null;
  modifiedAt: string;
  checkState: CheckState;
  /** A conflict copy: the id of the draft whose newer save it did not overwrite. */
  conflictOf?: string;
}

export interface SetAsideDraft {
  /** The file's own name (x.gwdraft, index.json). */
  fileName: string;
  /** i18n key explaining why, e.g. "drafts.corrupt.parse" or "drafts.corrupt.newer". */
  reasonKey: string;
  /** Where it is now, under the data folder, with '/': drafts/quarantine/x.gwdraft, or drafts/x.gwdraft while it stays in place. */
  where: string;
  /** true once moved out of the way (never deleted); false while it could not be moved or is kept in place. */
  moved: boolean;
}

export interface DraftList {
  drafts: DraftSummary[];
  trash: (DraftSummary & { deletedAt: string })[];
  setAside: SetAsideDraft[];
}

export interface Revision {
  id: string;
  savedAt: string;
  /** signoff: the text the principal leader signed (kept, never pruned). */
  reason: 'autosave' | 'export' | 'restore' | 'signoff';
}

export interface DraftRecord {
  id: string;
  document: GongwenDocument;
  modifiedAt: string;
  /** Work from a crashed session newer than the last save, offered back on open. */
  recovered: GongwenDocument | null;
  /** The revision of the saved draft: the next drafts:save names it as its baseRevision. */
  revision?: number;
}

/**
 * A save based on an older revision than the one on disk (another window or process saved
 * in between), or of a draft deleted elsewhere: the text was kept as a new draft (the copy)
 * and the draft on disk was left as it is.
 */
export interface SaveConflict {
  reason: 'newer' | 'deleted';
  /** The copy holding the text of this save: the editor goes on in it. */
  id: string;
  revision: number;
}

export interface OfficeProfile {
  id: string;
  name: string;
  issuerLines: string[];
  agencyCode: string;
  recipient: string;
  signers: string[];
  signingOrgans: string[];
  printOrgan: string;
  /** 本单位公开电话: published contact lines the public-version screening lets through. */
  publicPhones?: string[];
  /** Reporting level of the office (shared/calendar); null/absent = not set. */
  level?: ReportingLevel | null;
  /** The office's own deadlines where local rules differ from the 督察工作规定. */
  deadlines?: DeadlineOverrides;
}

export interface Settings {
  language: 'zh-CN' | 'en-US';
  activeProfileId: string | null;
  profiles: OfficeProfile[];
  lastExportDir: string | null;
  /** Next 文号 number suggested per "代字|year", e.g. {"金文|2024": 6}. */
  nextDocNumbers: Record<string, number>;
}

export interface ExportResult {
  /** Where the file was written (Electron: .docx or PDF), or null when handed to the browser (preview: .docx only). */
  path: string | null;
  fileName: string;
  /** The bytes, base64, when the renderer must save them itself (browser preview). */
  base64: string | null;
  /** The exportable state the Node side computed: warnings that were accepted. */
  warnings: number;
  /** 公开版 of a draft: the history entry recorded in the draft (accepted findings, 保密审查). */
  history: HistoryEntry | null;
}

/** The four fonts GB/T 9704 names, keyed as in shared/page (FONTS). */
export type StandardFontKey = 'xiaobiaosong' | 'fangsong' | 'kaiti' | 'heiti';

export interface FontCheck {
  key: StandardFontKey;
  /** The standard's name, e.g. "方正小标宋简体"; the .docx always names this one. */
  standard: string;
  installed: boolean;
  /** What the screen and print use instead (the first installed font of the page's chain), null when installed or unknown. */
  fallback: string | null;
  /** The fallback is the same design under another name (仿宋 for 仿宋_GB2312): the page looks the same. */
  equivalent: boolean;
}

export interface FontStatus {
  /** Where the list came from: the Windows fonts folders and registry, fontconfig, or nowhere (then nothing is claimed). */
  source: 'windows' | 'fontconfig' | 'unknown';
  fonts: FontCheck[];
  /** How many of the four are missing (0 when the source is unknown). */
  missing: number;
}

/**
 * Channel name → input schema. Output types are in `ApiOutputs`. Channel names are
 * `domain:verb` (house style 3).
 */
export const channels = {
  'app:info': z.undefined(),
  /** Things the user must be told once (a damaged settings file moved aside, …). */
  'app:notices': z.undefined(),
  'templates:list': z.undefined(),
  'templates:get': z.object({ templateId: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  'templates:instantiate': z.object({ templateId: z.string().regex(/^[a-z0-9-]{1,40}$/), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  'drafts:list': z.undefined(),
  'drafts:create': z.object({ document: documentSchema }),
  'drafts:get': z.object({ id: draftIdSchema }),
  /** baseRevision: the revision the editor's text was based on (absent: no conflict check, as before). */
  'drafts:save': z.object({ id: draftIdSchema, document: documentSchema, baseRevision: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }),
  /**
   * Written on every keystroke burst before the real save, so a crash loses at most ~1 s.
   * Either the whole document or a `delta` against the body the answer's `base` named before
   * (only the changed blocks cross; refused with `journal-base-missing` when that body is gone).
   */
  'drafts:journal': z.union([z.object({ id: draftIdSchema, document: documentSchema }), z.object({ id: draftIdSchema, delta: journalDeltaSchema })]),
  'drafts:duplicate': z.object({ id: draftIdSchema }),
  'drafts:delete': z.object({ id: draftIdSchema }),
  'drafts:restoreFromTrash': z.object({ id: draftIdSchema }),
  'drafts:revisions': z.object({ id: draftIdSchema }),
  'drafts:restoreRevision': z.object({ id: draftIdSchema, revisionId: revisionIdSchema }),
  'drafts:rollover': z.object({ id: draftIdSchema }),
  /** Record 主要负责人审核签字 or 保密审查 for the document as sent; the Node side adds time and fingerprint, and keeps the signed text as a revision. */
  'drafts:approve': z.object({ id: draftIdSchema, document: documentSchema, approval: approvalRequestSchema }),
  'drafts:exportFile': z.object({ id: draftIdSchema }),
  'drafts:importFile': z.object({ file: fileUploadSchema }),
  /** Desktop app: a .gwdraft the OS asked us to open (double-click, file association). */
  'drafts:openPath': z.object({ path: z.string().min(1).max(1_000).regex(/\.gwdraft$/i, 'not a .gwdraft file') }),
  'settings:get': z.undefined(),
  'settings:update': settingsPatchSchema,
  'import:file': z.object({ file: fileUploadSchema, today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  'export:run': exportRequestSchema,
  /** The rules the Node side checks a kind with (and gates every output by): the live panel uses exactly these. */
  'checks:rules': z.object({ kind: z.string().min(1).max(40).regex(/^[a-z0-9-]+$/), variant: z.enum(['official', 'public']).optional() }),
  /** Which of the standard fonts this PC has, and what stands in for the others (on start and before export). */
  'fonts:status': z.undefined(),
} as const satisfies Record<ChannelName, z.ZodType>;

export type Channel = keyof typeof channels;

export interface ApiOutputs {
  'app:info': AppInfo;
  'app:notices': Notice[];
  'templates:list': TemplateSummary[];
  /** The template data and its check ruleset (JSON, validated by shared/templates and shared/checks). */
  'templates:get': { template: unknown; checks: unknown | null };
  'templates:instantiate': GongwenDocument;
  'drafts:list': DraftList;
  'drafts:create': DraftRecord;
  'drafts:get': DraftRecord;
  'drafts:save': { modifiedAt: string; revision: number; conflict?: SaveConflict };
  /** `base`: names the body now held for the next delta. */
  'drafts:journal': { journaledAt: string; base: number };
  'drafts:duplicate': DraftRecord;
  'drafts:delete': { deletedAt: string };
  'drafts:restoreFromTrash': DraftSummary;
  'drafts:revisions': Revision[];
  'drafts:restoreRevision': DraftRecord;
  'drafts:rollover': DraftRecord & { figuresMarked: number };
  /** The document with its approvals updated (saved), and the signed text's revision (sign-off only). */
  'drafts:approve': { document: GongwenDocument; modifiedAt: string; revision: Revision | null };
  'drafts:exportFile': { fileName: string; base64: string };
  'drafts:importFile': DraftRecord;
  'drafts:openPath': DraftRecord;
  'settings:get': Settings;
  'settings:update': Settings;
  /** `fromProfile`: header fields the file lacked, filled from the active office profile. */
  'import:file': GongwenDocument & { fromProfile?: ProfileField[] };
  'export:run': ExportResult;
  'checks:rules': KindRules;
  'fonts:status': FontStatus;
}

export type ApiInput<C extends Channel> = z.infer<(typeof channels)[C]>;

/** The client interface the renderer uses; implemented over IPC and over HTTP. */
export type GongwenApi = {
  [C in Channel]: (input: ApiInput<C>) => Promise<Result<ApiOutputs[C]>>;
};

// The name list (shared with the preload) must name exactly the channels above.
type _SameChannels = [Exclude<ChannelName, Channel>, Exclude<Channel, ChannelName>] extends [never, never] ? true : never;
export const channelListComplete: _SameChannels = true;
export { CHANNEL_NAMES };

/** Validate a payload for a channel: the one gate every handler passes (house style 4). */
export function parsePayload<C extends Channel>(channel: string, payload: unknown): Result<ApiInput<C>> {
  if (!Object.prototype.hasOwnProperty.call(channels, channel)) {
    return { ok: false, error: { code: 'unknown-channel', messageKey: 'errors.unknownChannel', values: { channel: String(channel).slice(0, 60) } } };
  }
  const parsed = channels[channel as C].safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid-payload',
        messageKey: 'errors.invalidPayload',
        values: { channel, path: first ? first.path.join('.') : '', reason: first ? first.message : '' },
      },
    };
  }
  return { ok: true, value: parsed.data as ApiInput<C> };
}

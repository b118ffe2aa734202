/**
 * The rules for a kind of report, as data (templates/<kind>/checks.json), so an office
 * can extend a keyword list without touching code. Sections are found by the words real
 * reports use (see docs/annual-report.md), never by one exact title.
 */
import { z } from 'zod';
import { SECTION_IDS } from './types';
import { PUBLIC_DEFAULTS, QUALITY_DEFAULTS } from './public/defaults';

/**
 * Built on first use, not when the module loads (no zod call at the top level): a CLI command that finds only the
 * package's own checks.json (validated when the CLI was built, electron/services/prevalidated-templates.ts)
 * never builds it (start-up, issue 15).
 */
function buildRulesetSchema() {
  /** 'info' is the older name of 'hint' (提示), still read from an office's checks.json. */
  const severitySchema = z.preprocess((v) => (v === 'info' ? 'hint' : v), z.enum(['error', 'warning', 'hint']));
  const words = z.array(z.string().trim().min(1).max(60)).max(500);

  const sectionSchema = z.object({
    id: z.enum(SECTION_IDS).exclude(['reasons']),
    /** Missing → finding `section.<id>` with `severity`. Optional sections are only reported in `sections`. */
    required: z.boolean(),
    severity: severitySchema.default('error'),
    /** Words that, found in a heading (any level, run-in included), make it this section. Longest match wins. */
    titleKeywords: words,
    /**
     * The part found by structure too: every top-level part that no keyword names, before the first
     * part of another section (不足, 安排, 其他), is this section (themed work headings).
     */
    structural: z.boolean().default(false),
    /**
     * Broad words (工作情况, 基本情况) that name this section only when nothing under the heading
     * says more: the subheadings of such a section are read for sections too.
     */
    broadKeywords: words.default([]),
    /** The year a heading of this section should name: report year + offset (0 = the report year, 1 = the plan year). */
    yearOffset: z.number().int().min(-1).max(2).nullable().default(null),
  });

  const responsibilitySchema = z.object({
    /** Words that name the duty itself, e.g. 第一责任人. */
    phrases: words.min(1),
    /** Leader roles: one of these plus a phrase in the same paragraph is a 第一责任人 statement. */
    leaders: words,
    /** Verbs that make "…第一责任人职责" a statement on its own (履行、落实…). */
    fulfilVerbs: words,
    /** "履行 … 职责" next to a leader role also counts, when the gap is at most maxGap characters. */
    dutyPatterns: z.array(z.object({ from: z.string().min(1), to: z.string().min(1), maxGap: z.number().int().min(0).max(60) })).default([]),
    /** The statement must be about law-based government: one of these in the sentence, paragraph or section heading. */
    topicWords: words,
    /** What a principal leader does in person (亲自部署, 带头, 主持召开, 抓法治…): own leader + act + topic is a statement. */
    personalActs: words.default([]),
    /**
     * Words before a leader in the same clause that make him another body's leader or the object of
     * oversight (各单位, 下级, 督促, 压实各…, 听取…): 压实各部门主要负责人职责 is not the report's own statement.
     */
    othersBefore: words.default([]),
    /** Words after a leader in the same clause that make it about assessing leaders (考核, 细则, 汇报…). */
    othersAfter: words.default([]),
    /** Wordings that look like the statement but are not (领导小组, 负总责): named in the message when nothing better is found. */
    nearMissWords: words.default([]),
  });

  const reasonsSchema = z.object({
    required: z.boolean().default(true),
    severity: severitySchema.default('warning'),
    /** Found in the 不足 section (heading or text) or in any heading: the report gives reasons. */
    keywords: words.min(1),
  });

  const publicSchema = z.object({
    secrecyWords: words.default([...PUBLIC_DEFAULTS.secrecyWords]),
    secrecyAllowed: words.default([...PUBLIC_DEFAULTS.secrecyAllowed]),
    personRoles: words.default([...PUBLIC_DEFAULTS.personRoles]),
    surnames: z.array(z.string().trim().min(1).max(4)).max(2000).default([...PUBLIC_DEFAULTS.surnames]),
    notNames: z.array(z.string().trim().min(1).max(60)).max(2000).default([...PUBLIC_DEFAULTS.notNames]),
  });

  const qualitySchema = z.object({
    shortcomingsMinShare: z.number().min(0).max(50).default(QUALITY_DEFAULTS.shortcomingsMinShare),
    shortcomingsMinProblems: z.number().int().min(1).max(10).default(QUALITY_DEFAULTS.shortcomingsMinProblems),
    problemMarkers: words.default([...QUALITY_DEFAULTS.problemMarkers]),
    stopTerms: words.default([...QUALITY_DEFAULTS.stopTerms]),
    responsibilityActions: words.default([...QUALITY_DEFAULTS.responsibilityActions]),
    maxBodyChars: z.number().int().min(100).max(1_000_000).default(QUALITY_DEFAULTS.maxBodyChars),
  });

  const presence = z.enum(['always', 'redHeader', 'never']);

  const headerSchema = z.object({
    issuer: presence.default('redHeader'),
    docNumber: presence.default('redHeader'),
    /** 签发人 is needed for 上行文 (direction 'up'). */
    signerWhenUp: presence.default('redHeader'),
    recipient: presence.default('redHeader'),
    title: presence.default('always'),
    /** A 请示 goes to one superior organ only. */
    singleRecipient: z.boolean().default(false),
  });

  const yearsSchema = z.object({
    /** Check the headings' years against the report year (and plan year via sections' yearOffset). */
    sectionYears: z.boolean().default(true),
    /** The date of writing falls in [report year, sameYearFromMonth] … [report year + 1, nextYearUntilMonth]. */
    writingWindow: z
      .object({ sameYearFromMonth: z.number().int().min(1).max(12), nextYearUntilMonth: z.number().int().min(1).max(12) })
      .nullable()
      .default({ sameYearFromMonth: 10, nextYearUntilMonth: 3 }),
  });

  const checkRulesetSchema = z.object({
    kind: z.string().min(1).max(40),
    version: z.literal(1),
    sections: z.array(sectionSchema).default([]),
    responsibility: responsibilitySchema.nullable().default(null),
    reasons: reasonsSchema.nullable().default(null),
    header: headerSchema.default({
      issuer: 'redHeader',
      docNumber: 'redHeader',
      signerWhenUp: 'redHeader',
      recipient: 'redHeader',
      title: 'always',
      singleRecipient: false,
    }),
    /** Year rules for reports about a year; null turns them off (only 文号 year vs date is checked). */
    years: yearsSchema.nullable().default(null),
    emptySection: z
      .object({ minChars: z.number().int().min(1).max(500), levels: z.array(z.number().int().min(1).max(4)).min(1) })
      .default({ minChars: 15, levels: [1] }),
    /** Words that ask for approval (妥否，请批示, 请予批准…): in a 报告 kind each is genre.requestInReport. */
    requestPhrases: words.default([]),
    /** Marks that only appear in unfinished text: ××, XXX, 此处填写… */
    placeholderMarkers: words.default([]),
    /** Word lists of the public-version screening (public.*), run only for the 公开版. */
    public: publicSchema.prefault({}),
    /** Quality hints (quality.*) for the annual report; null = none (other kinds). */
    quality: qualitySchema.nullable().default(null),
    /** Per rule id: a different severity, or "off". Keys are rule ids (contract.md). */
    severity: z.record(z.string(), z.preprocess((v) => (v === 'info' ? 'hint' : v), z.enum(['error', 'warning', 'hint', 'off']))).default({}),
  });
  return checkRulesetSchema;
}

let built: ReturnType<typeof buildRulesetSchema> | undefined;
const checkRulesetSchema = () => (built ??= buildRulesetSchema());

export type CheckRuleset = z.infer<ReturnType<typeof buildRulesetSchema>>;
export type SectionRule = CheckRuleset['sections'][number];
export type ResponsibilityRule = NonNullable<CheckRuleset['responsibility']>;

export class RulesetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesetError';
  }
}

/** Validates a checks.json. Throws RulesetError with the first problems, readable for whoever edits the file. */
export function parseRuleset(json: unknown): CheckRuleset {
  const parsed = checkRulesetSchema().safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new RulesetError(`invalid checks ruleset: ${problems.join('; ')}`);
  }
  const ids = parsed.data.sections.map((s) => s.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new RulesetError(`invalid checks ruleset: section "${dup}" is listed twice`);
  return parsed.data;
}

/** The smallest ruleset: structure and form only (used when a kind has no checks.json). */
export function minimalRuleset(kind: string): CheckRuleset {
  return parseRuleset({ kind, version: 1 });
}

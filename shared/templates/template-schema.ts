/**
 * The shape of templates/<id>/template.json (documented in templates/README.md). Templates
 * are data, so an office can add one without code; this schema is the gate that turns a
 * broken file into a clear message instead of a broken document.
 */
import { z } from 'zod';

/** Placeholders a template text may use; `instantiateTemplate` fills them. */
export const TEMPLATE_PLACEHOLDERS = ['issuer', 'year', 'nextYear', 'todayYear'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Names inside `{{…}}` that are not known placeholders (a typo would otherwise reach the user). */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(m[1]!)) unknown.push(m[1]!);
  }
  return unknown;
}

/**
 * The schemas are built on their first use, not when this module loads (no zod call at the top level): a command
 * that finds only the package's own templates (validated when the CLI was built, see
 * electron/services/prevalidated-templates.ts) never builds them (start-up, issue 15).
 */
function buildSchemas() {
  const templateText = (max: number) =>
    z
      .string()
      .max(max)
      .superRefine((text, ctx) => {
        const unknown = unknownPlaceholders(text);
        if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${unknown[0]}}} (known: ${TEMPLATE_PLACEHOLDERS.join(', ')})` });
      });

  const localized = z.object({ 'zh-CN': z.string().min(1).max(300), 'en-US': z.string().min(1).max(300) }).strict();

  /** Section ids the checks refer to (templates/<id>/checks.json), e.g. "measures", "responsibility". */
  const sectionIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9-]{0,39}$/, 'section id: letters, digits, dashes');

  const templateBlockSchema = z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('heading'),
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        /** Heading text without its number: the editor numbers template headings itself. */
        text: templateText(500).pipe(z.string().min(1)),
        section: sectionIdSchema.optional(),
        /** The section may be left out (e.g. 五、其他需要报告的情况). */
        optional: z.boolean().optional(),
      })
      .strict(),
    z.object({ type: z.literal('guidance'), text: templateText(2_000).pipe(z.string().min(1)), section: sectionIdSchema.optional() }).strict(),
    z.object({ type: z.literal('paragraph'), text: templateText(2_000), section: sectionIdSchema.optional() }).strict(),
  ]);

  const templateHeaderSchema = z
    .object({
      direction: z.enum(['up', 'parallel', 'down']),
      redHeader: z.boolean(),
      withSeal: z.boolean(),
      /** 主送机关 when the office profile has none (a visible placeholder such as ××). */
      recipient: templateText(300),
      /** 发文机关标志 lines when the office profile has none. */
      issuerLines: z.array(templateText(200)).max(10).optional(),
      /** 附注, e.g. "联系人：××，电话：××" for a 请示. */
      note: templateText(500).optional(),
      cc: templateText(500).optional(),
    })
    .strict();

  const templateSchema = z
    .object({
      /** Must equal the folder name under templates/. */
      id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id: lower-case letters, digits and dashes'),
      version: z.literal(1),
      /** Position in the new-report dialog (smaller first). */
      order: z.number().int().min(0).max(10_000).optional(),
      name: localized,
      description: localized,
      /** Document kind given to reports made from the template (GongwenDocument.kind). */
      kind: z.string().regex(/^[a-z0-9-]{1,40}$/),
      /**
       * Which year {{year}} is: "annual" = the year reported on (January–March → the year
       * before, as annual reports are written then); "current" = the year of writing.
       */
      yearRule: z.enum(['annual', 'current']),
      header: templateHeaderSchema,
      /** Title pattern, e.g. "{{issuer}}关于{{year}}年度法治政府建设情况的报告". */
      title: templateText(500).pipe(z.string().min(1)),
      blocks: z.array(templateBlockSchema).min(1).max(500),
    })
    .strict()
    .superRefine((template, ctx) => {
      const seen = new Set<string>();
      template.blocks.forEach((block, index) => {
        if (block.type !== 'heading' || !block.section) return;
        if (seen.has(block.section)) ctx.addIssue({ code: 'custom', path: ['blocks', index, 'section'], message: `section "${block.section}" is used by two headings` });
        seen.add(block.section);
      });
    });
  return { templateSchema, templateBlockSchema, templateHeaderSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
const built = () => (schemas ??= buildSchemas());

/** The gate for a template.json; the schemas behind it are built on the first parse. */
export const templateSchema = {
  parse: (data: unknown): TemplateData => built().templateSchema.parse(data),
  safeParse: (data: unknown) => built().templateSchema.safeParse(data),
};

export type TemplateData = z.infer<ReturnType<typeof buildSchemas>['templateSchema']>;
export type TemplateBlock = z.infer<ReturnType<typeof buildSchemas>['templateBlockSchema']>;
export type TemplateHeader = z.infer<ReturnType<typeof buildSchemas>['templateHeaderSchema']>;

/** One readable line per problem: "blocks.3.text: unknown placeholder {{yaer}}". */
export function describeTemplateIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/**
 * Reads templates/<id>/template.json (and the checks helper's checks.json beside it).
 * Node only, no 'electron': the main process and the preview backend construct it with
 * the templates folder (the repository's, or the packaged copy).
 *
 * Files are read on every call — they are small, and an office editing a template sees
 * the change without restarting. A broken template is left out of the list (and reported
 * by `problems()`) instead of breaking the new-report dialog; asking for it by id fails
 * with a message naming the file and the field.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GongwenDocument } from '../../shared/model/document';
import type { OfficeProfile, TemplateSummary } from '../../shared/ipc/contract';
import { instantiateTemplate, type InstantiateOptions } from '../../shared/templates/instantiate';
import { describeTemplateIssues, templateSchema, type TemplateData } from '../../shared/templates/template-schema';
import type { CheckRuleset } from '../../shared/checks/ruleset';
import type { PrevalidatedTemplates } from './prevalidated-templates';

const TEMPLATE_ID = /^[a-z0-9-]{1,40}$/;
/** Template files are hand-written JSON of a few KB; anything huge is not one. */
const MAX_FILE_BYTES = 1_000_000;

export type TemplateErrorCode = 'template-bad-id' | 'template-not-found' | 'template-invalid';

/** Carries an i18n key (`templates.errors.*`) so the caller can answer a Result in the user's language. */
export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    readonly messageKey: string,
    readonly values: Record<string, string>,
    readonly details: string[] = [],
  ) {
    super(`${code}: ${Object.values(values).join(' ')}${details.length ? ` — ${details.join('; ')}` : ''}`);
    this.name = 'TemplateError';
  }
}

export interface LoadedTemplate {
  template: TemplateData;
  /** The parsed templates/<id>/checks.json, or null when the template has none. Its shape is the checks' business. */
  checks: unknown | null;
  /** checks.json already validated: set only when its text is exactly a prevalidated one (see prevalidated-templates.ts). */
  ruleset?: CheckRuleset;
}

export interface TemplateProblem {
  id: string;
  file: string;
  details: string[];
}

export interface TemplateService {
  list(): TemplateSummary[];
  get(id: string): LoadedTemplate;
  instantiate(id: string, today: string, profile?: OfficeProfile | null, options?: InstantiateOptions): GongwenDocument;
  /** Templates left out of `list()` and why. */
  problems(): TemplateProblem[];
}

export interface TemplateServiceOptions {
  /**
   * The package's own files, validated when the bundle was built: a file whose text is exactly
   * one of these is not validated again (the CLI's start-up); any other text is, as always.
   */
  prevalidated?: PrevalidatedTemplates;
}

export function createTemplateService(templatesDir: string, options: TemplateServiceOptions = {}): TemplateService {
  const root = path.resolve(templatesDir);
  const prevalidated = options.prevalidated ?? {};

  function dirOf(id: string): string {
    // The id is checked before it becomes a path: no "..", no separators, no absolute paths.
    if (typeof id !== 'string' || !TEMPLATE_ID.test(id)) throw new TemplateError('template-bad-id', 'templates.errors.badId', { id: String(id).slice(0, 60) });
    return path.join(root, id);
  }

  function readText(file: string, id: string): string {
    try {
      if (statSync(file).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new TemplateError('template-invalid', 'templates.errors.invalid', { id, file: path.basename(file) }, [(error as Error).message]);
    }
  }

  function parseJson(text: string, file: string, id: string): unknown {
    try {
      return JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (error) {
      throw new TemplateError('template-invalid', 'templates.errors.invalid', { id, file: path.basename(file) }, [`not valid JSON: ${(error as Error).message}`]);
    }
  }

  function readTemplate(id: string): TemplateData {
    const file = path.join(dirOf(id), 'template.json');
    if (!existsSync(file)) throw new TemplateError('template-not-found', 'templates.errors.notFound', { id });
    const text = readText(file, id);
    const known = Object.hasOwn(prevalidated, id) ? prevalidated[id] : undefined;
    if (known && known.templateText === text) return structuredClone(known.template);
    const parsed = templateSchema.safeParse(parseJson(text, file, id));
    if (!parsed.success) throw new TemplateError('template-invalid', 'templates.errors.invalid', { id, file: 'template.json' }, describeTemplateIssues(parsed.error));
    if (parsed.data.id !== id) {
      throw new TemplateError('template-invalid', 'templates.errors.invalid', { id, file: 'template.json' }, [`id: "${parsed.data.id}" does not match the folder name "${id}"`]);
    }
    return parsed.data;
  }

  function get(id: string): LoadedTemplate {
    const template = readTemplate(id);
    const checksFile = path.join(dirOf(id), 'checks.json');
    if (!existsSync(checksFile)) return { template, checks: null };
    const text = readText(checksFile, id);
    const known = Object.hasOwn(prevalidated, id) ? prevalidated[id] : undefined;
    if (known?.ruleset && known.checksText === text) return { template, checks: parseJson(text, checksFile, id), ruleset: structuredClone(known.ruleset) };
    return { template, checks: parseJson(text, checksFile, id) };
  }

  function scan(): { summaries: (TemplateSummary & { order: number })[]; problems: TemplateProblem[] } {
    const summaries: (TemplateSummary & { order: number })[] = [];
    const problems: TemplateProblem[] = [];
    let entries: string[] = [];
    try {
      entries = readdirSync(root).sort();
    } catch {
      return { summaries, problems };
    }
    for (const id of entries) {
      if (!TEMPLATE_ID.test(id) || !existsSync(path.join(root, id, 'template.json'))) continue;
      try {
        const template = readTemplate(id);
        summaries.push({ id, name: { ...template.name }, description: { ...template.description }, order: template.order ?? 1_000 });
      } catch (error) {
        const details = error instanceof TemplateError ? [...error.details] : [(error as Error).message];
        problems.push({ id, file: path.join(id, 'template.json'), details: details.length ? details : [(error as Error).message] });
      }
    }
    summaries.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    return { summaries, problems };
  }

  return {
    list: () => scan().summaries.map(({ id, name, description }) => ({ id, name, description })),
    get,
    instantiate: (id, today, profile, options) => instantiateTemplate(readTemplate(id), today, profile ?? null, options),
    problems: () => scan().problems,
  };
}

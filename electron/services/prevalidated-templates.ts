/**
 * The package's own templates (templates/<id>/template.json and checks.json), validated when
 * the CLI is built: scripts/build-node.mjs calls `prevalidateTemplates` and embeds the result,
 * each file's exact text beside its validated data, in the CLI's bundles. At run time the
 * template service takes a file whose text is exactly the embedded one as validated, so a
 * one-shot command does not build and run the zod schemas for data that passed them when the
 * bundle was made (CLI start-up, issue 15). A file an office edited (one byte differs) is
 * validated as always; the embedded data is never used for any other text.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRuleset, type CheckRuleset } from '../../shared/checks/ruleset';
import type { TemplateData } from '../../shared/templates/template-schema';
import { createTemplateService } from './template-service';

export interface PrevalidatedTemplate {
  templateText: string;
  template: TemplateData;
  /** null when the template has no checks.json (or its checks.json did not pass: then it is checked at run time and its error shown). */
  checksText: string | null;
  ruleset: CheckRuleset | null;
}

export type PrevalidatedTemplates = Record<string, PrevalidatedTemplate>;

/**
 * Every template under `templatesDir` that passes validation, through the template service
 * itself (the same checks as at run time). `problems`: what did not pass (left out, so the run
 * time reports it as before).
 */
export function prevalidateTemplates(templatesDir: string): { templates: PrevalidatedTemplates; problems: string[] } {
  const service = createTemplateService(templatesDir);
  const templates: PrevalidatedTemplates = {};
  const problems = service.problems().map((p) => `${p.file}: ${p.details.join('; ')}`);
  for (const { id } of service.list()) {
    const dir = path.join(templatesDir, id);
    const loaded = service.get(id);
    let checksText: string | null = null;
    let ruleset: CheckRuleset | null = null;
    if (loaded.checks !== null && existsSync(path.join(dir, 'checks.json'))) {
      try {
        ruleset = parseRuleset(loaded.checks);
        checksText = readFileSync(path.join(dir, 'checks.json'), 'utf8');
      } catch (error) {
        problems.push(`${id}/checks.json: ${(error as Error).message}`);
      }
    }
    templates[id] = { templateText: readFileSync(path.join(dir, 'template.json'), 'utf8'), template: loaded.template, checksText, ruleset };
  }
  return { templates, problems };
}

/** Set by scripts/build-node.mjs in the CLI bundles: JSON of `prevalidateTemplates(templates/).templates`. */
declare const __GONGWEN_PREVALIDATED_TEMPLATES__: string | undefined;

/** The embedded templates, or none when run from the sources (tests) or another bundle. */
export function bundledPrevalidatedTemplates(): PrevalidatedTemplates {
  const json = typeof __GONGWEN_PREVALIDATED_TEMPLATES__ === 'string' ? __GONGWEN_PREVALIDATED_TEMPLATES__ : undefined;
  return json ? (JSON.parse(json) as PrevalidatedTemplates) : {};
}


/**
 * Check rulesets and template guidance for a kind, read from templates/<kind>/ of the
 * package (checks.json and template.json). Read once per kind per process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseRuleset, minimalRuleset, type CheckRuleset } from '../../shared/checks/ruleset';
import { toBlocks, type SerializedBody } from '../../shared/model/lexical-json';
import { templateSchema } from '../../shared/templates/template-schema';
import { guidanceTexts } from '../../shared/templates/instantiate';

export interface KindRules {
  kind: string;
  ruleset: CheckRuleset;
  guidanceTexts: string[];
}

const KIND_ID = /^[a-z0-9-]{1,40}$/;

function readJson(file: string): unknown | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as unknown;
}

/**
 * Every guidance text in a template.json, whatever its exact layout: Lexical guidance nodes
 * (`gw-guidance`) in any body, `{type: 'guidance', text}` blocks, and string lists under a
 * `guidance`/`guidanceTexts` key.
 */
export function collectGuidance(json: unknown): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, key: string, depth: number) => {
    if (depth > 40 || value === null || typeof value !== 'object') {
      if (typeof value === 'string' && /^guidance(Texts?)?$/i.test(key) && value.trim()) out.add(value.trim());
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    if (obj.root && typeof obj.root === 'object' && Array.isArray((obj.root as { children?: unknown }).children)) {
      try {
        for (const b of toBlocks(obj as unknown as SerializedBody)) if (b.type === 'guidance' && b.text.trim()) out.add(b.text.trim());
      } catch {
        // not a body after all; the generic walk below still looks inside
      }
    }
    if (obj.type === 'guidance' && typeof obj.text === 'string' && obj.text.trim()) out.add(obj.text.trim());
    for (const [k, v] of Object.entries(obj)) visit(v, k, depth + 1);
  };
  visit(json, '', 0);
  return [...out];
}

/** The template's own sentence list (shared/templates) when the file is valid, else every guidance text found in it. */
function templateGuidance(json: unknown): string[] {
  const parsed = templateSchema.safeParse(json);
  return parsed.success ? guidanceTexts(parsed.data) : collectGuidance(json);
}

export function createRulesetLoader(templatesDir: string): (kind: string) => KindRules {
  const cache = new Map<string, KindRules>();
  const load = (kind: string): KindRules => {
    const id = KIND_ID.test(kind) ? kind : 'generic';
    const hit = cache.get(id);
    if (hit) return hit;
    const checks = readJson(path.join(templatesDir, id, 'checks.json'));
    let rules: KindRules;
    if (checks === undefined) {
      // A kind without rules of its own is checked as a general document.
      rules = id === 'generic' ? { kind, ruleset: minimalRuleset('generic'), guidanceTexts: [] } : { ...load('generic'), kind };
    } else {
      const template = readJson(path.join(templatesDir, id, 'template.json'));
      rules = { kind, ruleset: parseRuleset(checks), guidanceTexts: template === undefined ? [] : templateGuidance(template) };
    }
    cache.set(id, rules);
    return rules;
  };
  return load;
}

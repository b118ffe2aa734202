/**
 * What the public version shows, as texts to screen: every body block and the header fields
 * printed in it (title, 主送机关, 附件, 署名, 附注). Each with its place, so a finding can name it.
 */
import type { GongwenDocument, ReportHeader } from '../../model/document';
import type { CheckInput } from '../analysis';
import { blockText } from '../analysis';

export interface ScreenTarget {
  block: number | null;
  field: keyof ReportHeader | null;
  text: string;
}

const STRING_FIELDS = ['title', 'recipient', 'note'] as const satisfies readonly (keyof ReportHeader)[];
const LIST_FIELDS = ['attachments', 'signingOrgans'] as const satisfies readonly (keyof ReportHeader)[];

export function screenTargets(input: CheckInput): ScreenTarget[] {
  const out: ScreenTarget[] = [];
  const h = input.doc.header;
  for (const field of STRING_FIELDS) if (h[field].trim()) out.push({ block: null, field, text: h[field] });
  for (const field of LIST_FIELDS) for (const line of h[field]) if (line.trim()) out.push({ block: null, field, text: line });
  input.blocks.forEach((block, index) => {
    if (block.type !== 'guidance') out.push({ block: index, field: null, text: blockText(block) });
  });
  return out;
}

/** Replaces the first `find` in a header field (each line of a list field); unchanged when absent. */
export function replaceInField(doc: GongwenDocument, field: keyof ReportHeader, find: string, replacement: string): GongwenDocument {
  const value = doc.header[field];
  if (typeof value === 'string') {
    return value.includes(find) ? { ...doc, header: { ...doc.header, [field]: value.replace(find, replacement) } } : doc;
  }
  if (Array.isArray(value)) {
    const i = value.findIndex((line) => line.includes(find));
    if (i < 0) return doc;
    const next = value.slice();
    next[i] = next[i]!.replace(find, replacement);
    return { ...doc, header: { ...doc.header, [field]: next } };
  }
  return doc;
}

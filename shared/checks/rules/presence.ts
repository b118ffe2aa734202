/** Whether a header rule applies to this document ('redHeader' = only for the formal red-header version). */
import type { GongwenDocument } from '../../model/document';

export function headerRuleApplies(presence: 'always' | 'redHeader' | 'never', doc: GongwenDocument): boolean {
  return presence === 'always' || (presence === 'redHeader' && doc.header.redHeader);
}

export function blank(s: string | undefined | null): boolean {
  return !s || s.trim() === '';
}

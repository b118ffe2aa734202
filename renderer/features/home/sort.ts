import type { DraftSummary } from '../../../shared/ipc/contract';

export type DraftSort = 'modified' | 'title' | 'year';
export const DRAFT_SORTS: readonly DraftSort[] = ['modified', 'title', 'year'];

/**
 * The list as shown: filtered by a title search (case- and width-insensitive, spaces ignored)
 * and sorted. Ties fall back to the newest first, so the order never jumps between refreshes.
 */
export function visibleDrafts<T extends DraftSummary>(drafts: readonly T[], query: string, sort: DraftSort, lang: string): T[] {
  const needle = normalise(query);
  const filtered = needle ? drafts.filter((d) => normalise(d.title).includes(needle)) : [...drafts];
  const byModified = (a: T, b: T) => b.modifiedAt.localeCompare(a.modifiedAt);
  const collator = new Intl.Collator(lang === 'en-US' ? 'en-US' : 'zh-CN-u-co-pinyin', { numeric: true });
  const compare: Record<DraftSort, (a: T, b: T) => number> = {
    modified: byModified,
    title: (a, b) => {
      // untitled drafts go last rather than first
      if (!a.title !== !b.title) return a.title ? -1 : 1;
      return collator.compare(a.title, b.title) || byModified(a, b);
    },
    year: (a, b) => (b.reportYear ?? -Infinity) - (a.reportYear ?? -Infinity) || byModified(a, b),
  };
  return filtered.sort(compare[sort]);
}

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLocaleLowerCase();
}

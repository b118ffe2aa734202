/**
 * Repeated findings of one rule, as one row with its places: `文中还有待填写的占位符（4处）`
 * opening onto the four places. The panel, the export-blocked dialog and the CLI all group
 * through here, so they count the same.
 *
 * Findings group when they share rule, severity and message key (a placeholder mark and a
 * guidance sentence left in are two rows of placeholder.remaining). The order is the
 * engine's: a group stands where its first finding stood.
 */
import type { Finding, Severity } from './types';
import { formatFinding, type Translate } from './format';

export interface FindingGroup {
  key: string;
  rule: string;
  severity: Severity;
  messageKey: string;
  findings: Finding[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.severity}\u0000${f.messageKey}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, rule: f.rule, severity: f.severity, messageKey: f.messageKey, findings: [] }));
    g.findings.push(f);
  }
  return [...groups.values()];
}

/**
 * Message keys with a title of their own for several places (checks.group.*, plural by count);
 * the values differ from place to place (the mark, the number), so the title names none.
 */
export const GROUP_TITLES: Readonly<Record<string, string>> = {
  'checks.placeholder.marker': 'checks.group.placeholderMarker',
  'checks.placeholder.guidanceText': 'checks.group.guidanceText',
  'checks.placeholder.guidanceBlock': 'checks.group.guidanceBlock',
  'checks.genre.requestInReport': 'checks.group.requestInReport',
  'checks.section.empty': 'checks.group.sectionEmpty',
  'checks.public.secrecy.word': 'checks.group.secrecyWord',
  'checks.public.idNumber': 'checks.group.idNumber',
  'checks.public.bankCard': 'checks.group.bankCard',
  'checks.public.phone.text': 'checks.group.phone',
  'checks.public.personalName': 'checks.group.personalName',
};

/** The row's text: the finding's own message when it is alone, else the group title with the count. */
export function formatGroupTitle(group: FindingGroup, t: Translate): string {
  const count = group.findings.length;
  const first = group.findings[0]!;
  if (count === 1) return formatFinding(first, t);
  const titled = GROUP_TITLES[group.messageKey];
  if (titled) return t(titled, { count });
  const messages = new Set(group.findings.map((f) => formatFinding(f, t)));
  return t(messages.size === 1 ? 'checks.group.same' : 'checks.group.several', { message: formatFinding(first, t), count });
}

/** A place's own message, when it says more than the group's title (the values differ). */
export function placeMessage(group: FindingGroup, finding: Finding, t: Translate): string | null {
  if (group.findings.length === 1) return null;
  const own = formatFinding(finding, t);
  return GROUP_TITLES[group.messageKey] || own !== formatFinding(group.findings[0]!, t) ? own : null;
}

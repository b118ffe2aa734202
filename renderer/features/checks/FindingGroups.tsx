import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_KEY, formatGroupTitle, formatPlace, groupFindings, placeMessage, type Finding, type FindingGroup } from '../../../shared/checks';
import { snippet } from '../../../shared/checks/text';

function sameValues(a: Finding['values'], b: Finding['values']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Two findings that show the same row and point at the same place (the worker sends fresh objects with every report). */
export function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a === b ||
    (a.rule === b.rule &&
      a.severity === b.severity &&
      a.source === b.source &&
      a.basisRef === b.basisRef &&
      a.messageKey === b.messageKey &&
      a.where.block === b.where.block &&
      a.where.field === b.where.field &&
      a.where.text === b.where.text &&
      a.where.start === b.where.start &&
      a.where.end === b.where.end &&
      a.where.excerpt === b.where.excerpt &&
      (a.fix?.id ?? null) === (b.fix?.id ?? null) &&
      (a.fix?.labelKey ?? null) === (b.fix?.labelKey ?? null) &&
      sameValues(a.values, b.values))
  );
}

const sameGroup = (a: FindingGroup, b: FindingGroup) => a.key === b.key && a.findings.length === b.findings.length && a.findings.every((f, i) => sameFinding(f, b.findings[i]!));

export interface FindingActions {
  /** Absent: nothing to jump to (places are listed, not clickable). */
  onJump?: ((finding: Finding) => void) | undefined;
  /** Absent in the export dialog: fixes are made in the panel. */
  onFix?: (finding: Finding) => void;
}

/** Where the finding is, as the rules' own excerpts are cut (two lines of the panel); the whole text as the tooltip. */
function FindingWhere({ text }: { text: string }) {
  const short = snippet(text);
  return (
    <q className="finding-where" title={short === text ? undefined : text}>
      {short}
    </q>
  );
}

function FixButton({ finding, onFix }: { finding: Finding; onFix?: (finding: Finding) => void }) {
  const { t } = useTranslation();
  if (!finding.fix || !onFix) return null;
  return (
    <button type="button" className="finding-fix" onClick={() => onFix(finding)}>
      {t(finding.fix.labelKey, finding.values)}
    </button>
  );
}

/**
 * One rule's findings: a single one as its message (a click selects its place); several as one
 * row `文中还有待填写的占位符（4处）` that opens onto the places, each a button with a short
 * excerpt that selects exactly that text. Not re-rendered (nor translated) while the group reads the same.
 */
const GroupRow = memo(
  function GroupRow({ group, onJump, onFix, placed = false }: { group: FindingGroup; placed?: boolean } & FindingActions) {
    const { t } = useTranslation();
    const tr = (key: string, values?: Record<string, string | number>) => t(key, values ?? {});
    const jump = (f: Finding) => onJump?.(f);
    // Open from the start when its places offer quick fixes (删除这条提示 at each), closed otherwise.
    const [open, setOpen] = useState(() => group.findings.some((f) => f.fix !== null));
    const first = group.findings[0]!;
    const several = group.findings.length > 1;
    const source = (
      <span className="finding-source" data-source={first.source} title={t(first.basisRef ?? `checks.sourceName.${SOURCE_KEY[first.source]}`)}>
        {t(`checks.source.${SOURCE_KEY[first.source]}`)}
      </span>
    );
    if (!several && placed) {
      // The export dialog: the message, where it is (正文第 N 段), and 定位.
      const place = formatPlace(first, tr);
      return (
        <li data-rule={first.rule}>
          {formatGroupTitle(group, tr)}
          {place ? <span className="finding-place">{t('checks.withPlace', { message: '', place })}</span> : null}
          {onJump && (first.where.block !== null || first.where.field) ? (
            <button type="button" className="link" onClick={() => jump(first)}>
              {t('exportDialog.jump')}
            </button>
          ) : null}
        </li>
      );
    }
    if (!several) {
      return (
        <li className={`finding ${first.severity}`} data-rule={first.rule}>
          <button type="button" className="finding-text" onClick={() => jump(first)}>
            {formatGroupTitle(group, t)}
          </button>
          {source}
          {first.where.excerpt || first.where.text ? <FindingWhere text={first.where.excerpt || first.where.text} /> : null}
          <FixButton finding={first} onFix={onFix} />
        </li>
      );
    }
    return (
      <li className={placed ? 'finding-grouped' : `finding ${first.severity} finding-grouped`} data-rule={first.rule} data-count={group.findings.length}>
        <button type="button" className="finding-text" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {formatGroupTitle(group, t)}
        </button>
        {source}
        {open ? (
          <ol className="finding-places">
            {group.findings.map((f, i) => {
              const own = placeMessage(group, f, t);
              return (
                <li key={i} className="finding-places-item">
                  <button type="button" className="finding-place-go" title={own ?? undefined} onClick={() => jump(f)}>
                    <q>{f.where.excerpt || f.where.text || formatPlace(f, tr)}</q>
                  </button>
                  {placed && formatPlace(f, tr) ? <span className="finding-place">{t('checks.withPlace', { message: '', place: formatPlace(f, tr) })}</span> : null}
                  <FixButton finding={f} onFix={onFix} />
                </li>
              );
            })}
          </ol>
        ) : null}
      </li>
    );
  },
  (prev, next) => prev.onJump === next.onJump && prev.onFix === next.onFix && prev.placed === next.placed && sameGroup(prev.group, next.group),
);

/** Findings as rows, repeated ones of a rule grouped with their places (shared/checks/group.ts). */
export function GroupedFindings({ findings, onJump, onFix, className, placed }: { findings: readonly Finding[]; className?: string; placed?: boolean } & FindingActions) {
  return (
    <ul className={className}>
      {groupFindings(findings).map((group) => (
        <GroupRow key={group.key} group={group} onJump={onJump} onFix={onFix} placed={placed} />
      ))}
    </ul>
  );
}

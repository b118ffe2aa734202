/**
 * The yearly cycle of the 法治政府建设年度报告 (《法治政府建设与责任落实督察工作规定》, 2019;
 * ../shared/docs/annual-report.md): by the level of the reporting body, when the report about
 * a year is due upward and when it must be published. Pure: `today` is passed in. An office
 * can move the dates (local rules differ); the overrides live in its profile.
 */

export const REPORTING_LEVELS = ['township', 'county-gov', 'county-dept', 'city-gov', 'city-dept', 'province'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

/** The Chinese names the CLI accepts (乡镇 and 街道 are one level). */
const LEVEL_NAMES: Record<string, ReportingLevel> = {
  '乡镇/街道': 'township',
  乡镇: 'township',
  街道: 'township',
  乡镇街道: 'township',
  县级政府: 'county-gov',
  县级部门: 'county-dept',
  市级政府: 'city-gov',
  市级部门: 'city-dept',
  省级: 'province',
  省级政府: 'province',
};

export function parseLevel(raw: string): ReportingLevel | null {
  const s = raw.trim();
  if ((REPORTING_LEVELS as readonly string[]).includes(s)) return s as ReportingLevel;
  return LEVEL_NAMES[s.replace(/\s+/g, '')] ?? null;
}

export const DEADLINE_IDS = ['submit', 'publish'] as const;
export type DeadlineId = (typeof DEADLINE_IDS)[number];

/** Month and day, in the year after the report year. */
export interface MonthDay {
  month: number;
  day: number;
}

export type DeadlineOverrides = Partial<Record<DeadlineId, MonthDay>>;

/**
 * The rule's dates: 县级以上 departments and 市县乡 governments report before 1 March, a
 * province before 1 April; every local government and 县级以上 department publishes before 1 April.
 */
export function defaultDeadlines(level: ReportingLevel): Record<DeadlineId, MonthDay> {
  return { submit: level === 'province' ? { month: 4, day: 1 } : { month: 3, day: 1 }, publish: { month: 4, day: 1 } };
}

export interface Deadline {
  id: DeadlineId;
  /** 'YYYY-MM-DD' */
  date: string;
  month: number;
  day: number;
  /** True when the office changed it from the rule's date. */
  custom: boolean;
}

function validMonthDay(md: MonthDay | undefined): md is MonthDay {
  if (!md || !Number.isInteger(md.month) || !Number.isInteger(md.day) || md.month < 1 || md.month > 12 || md.day < 1) return false;
  return md.day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][md.month - 1]!;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The deadlines of the report about `reportYear` (they fall in reportYear + 1), in date order. */
export function annualDeadlines(level: ReportingLevel, reportYear: number, overrides: DeadlineOverrides = {}): Deadline[] {
  const base = defaultDeadlines(level);
  const year = reportYear + 1;
  return DEADLINE_IDS.map((id) => {
    const o = overrides[id];
    const custom = validMonthDay(o) && !(year % 4 !== 0 && o.month === 2 && o.day === 29);
    const md = custom ? o! : base[id];
    return { id, month: md.month, day: md.day, date: iso(year, md.month, md.day), custom: custom && (md.month !== base[id].month || md.day !== base[id].day) };
  }).sort((a, b) => a.date.localeCompare(b.date));
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Whole days from `today` to `date` (0 = today, negative = past). */
export function daysBetween(today: string, date: string): number {
  return dayNumber(date) - dayNumber(today);
}

/**
 * The report year of "the current year's report" on `today`: until the last deadline of the
 * report about last year has passed, that one; afterwards this year's.
 */
export function currentReportYear(level: ReportingLevel, today: string, overrides: DeadlineOverrides = {}): number {
  const year = Number(today.slice(0, 4));
  const last = annualDeadlines(level, year - 1, overrides).at(-1)!;
  return daysBetween(today, last.date) >= 0 ? year - 1 : year;
}

export interface NextDeadline extends Deadline {
  daysLeft: number;
  reportYear: number;
}

/** What is next for the report about `reportYear` on `today`, or null when every date has passed. */
export function nextDeadline(level: ReportingLevel, reportYear: number, today: string, overrides: DeadlineOverrides = {}): NextDeadline | null {
  for (const d of annualDeadlines(level, reportYear, overrides)) {
    const daysLeft = daysBetween(today, d.date);
    if (daysLeft >= 0) return { ...d, daysLeft, reportYear };
  }
  return null;
}

/**
 * A date as YYYY-MM-DD in the local time zone — the one way the app names "today" (checks,
 * templates, file names). Pure: the caller passes the clock's reading.
 */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

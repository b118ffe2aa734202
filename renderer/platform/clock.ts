import { localIsoDate } from '../../shared/model/today';

/** Today's date as YYYY-MM-DD in local time: shared code never reads the clock itself. */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}

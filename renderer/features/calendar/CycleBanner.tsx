/**
 * The yearly cycle on the home screen: for the active office's reporting level, what is next
 * for the current year's report and how many days are left (报送截止 3月1日，还有 12 天), from
 * the pure calendar in shared/calendar. Nothing leaves the PC; no notification outside the app.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annualDeadlines, currentReportYear, daysBetween, nextDeadline } from '../../../shared/calendar/annual';
import type { OfficeProfile } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform/context';
import { todayIso } from '../../platform/clock';

/** Sent by 单位设置 after a save, so the banner shows the new level at once. */
export const SETTINGS_CHANGED_EVENT = 'gongwen:settings-changed';

export function CycleBanner({ today = todayIso() }: { today?: string }) {
  const { t } = useTranslation();
  const { api } = usePlatform();
  const [profile, setProfile] = useState<OfficeProfile | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void Promise.resolve(api['settings:get'](undefined)).then((result) => {
        if (live && result?.ok) setProfile(result.value.profiles.find((p) => p.id === result.value.activeProfileId) ?? null);
      });
    load();
    window.addEventListener(SETTINGS_CHANGED_EVENT, load);
    return () => {
      live = false;
      window.removeEventListener(SETTINGS_CHANGED_EVENT, load);
    };
  }, [api]);
  const level = profile?.level ?? null;
  if (!level) return null;
  const overrides = profile?.deadlines ?? {};
  const year = currentReportYear(level, today, overrides);
  const next = nextDeadline(level, year, today, overrides);
  const all = annualDeadlines(level, year, overrides);
  return (
    <section className="cycle-banner" aria-label={t('calendar.banner.label')}>
      <strong>{t('calendar.banner.report', { year, level: t(`calendar.level.${level}`) })}</strong>
      <ul>
        {all.map((d) => {
          const left = daysBetween(today, d.date);
          const date = t('calendar.shortDate', { month: d.month, day: d.day });
          const text = left < 0 ? t('calendar.banner.passed', { what: t(`calendar.deadline.${d.id}`), date }) : left === 0 ? t('calendar.banner.today', { what: t(`calendar.deadline.${d.id}`), date }) : t('calendar.banner.left', { what: t(`calendar.deadline.${d.id}`), date, count: left });
          return (
            <li key={d.id} className={next?.id === d.id ? 'cycle-next' : undefined} data-deadline={d.id}>
              {text}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

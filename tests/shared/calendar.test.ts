/** The annual report's calendar: dates by level, office overrides, days left, and which year's report is current. */
import { describe, expect, it } from 'vitest';
import { annualDeadlines, currentReportYear, daysBetween, nextDeadline, parseLevel } from '../../shared/calendar/annual';

describe('annual report calendar', () => {
  it('县级部门, report about 2026: 报送 by 1 March 2027, 公开 by 1 April 2027', () => {
    expect(annualDeadlines('county-dept', 2026).map((d) => [d.id, d.date])).toEqual([
      ['submit', '2027-03-01'],
      ['publish', '2027-04-01'],
    ]);
  });
  it('a province reports by 1 April; towns and city departments by 1 March', () => {
    expect(annualDeadlines('province', 2025).find((d) => d.id === 'submit')!.date).toBe('2026-04-01');
    expect(annualDeadlines('township', 2025).find((d) => d.id === 'submit')!.date).toBe('2026-03-01');
    expect(annualDeadlines('city-dept', 2025).find((d) => d.id === 'submit')!.date).toBe('2026-03-01');
  });
  it('an office can move a date; a date that does not exist is ignored', () => {
    const moved = annualDeadlines('township', 2026, { submit: { month: 1, day: 20 } });
    expect(moved[0]).toMatchObject({ id: 'submit', date: '2027-01-20', custom: true });
    expect(annualDeadlines('township', 2026, { submit: { month: 2, day: 30 } })[0]).toMatchObject({ date: '2027-03-01', custom: false });
    expect(annualDeadlines('township', 2026, { submit: { month: 2, day: 29 } })[0]).toMatchObject({ date: '2027-03-01', custom: false });
    expect(annualDeadlines('township', 2027, { submit: { month: 2, day: 29 } })[0]).toMatchObject({ date: '2028-02-29', custom: true });
  });
  it('days left, across a leap February', () => {
    expect(daysBetween('2027-02-17', '2027-03-01')).toBe(12);
    expect(daysBetween('2028-02-17', '2028-03-01')).toBe(13);
    expect(nextDeadline('county-dept', 2026, '2027-02-17')).toMatchObject({ id: 'submit', daysLeft: 12 });
    expect(nextDeadline('county-dept', 2026, '2027-03-01')).toMatchObject({ id: 'submit', daysLeft: 0 });
    expect(nextDeadline('county-dept', 2026, '2027-03-02')).toMatchObject({ id: 'publish', daysLeft: 30 });
    expect(nextDeadline('county-dept', 2026, '2027-04-02')).toBeNull();
  });
  it('the current report is last year’s until its publication date has passed', () => {
    expect(currentReportYear('county-dept', '2027-01-05')).toBe(2026);
    expect(currentReportYear('county-dept', '2027-04-01')).toBe(2026);
    expect(currentReportYear('county-dept', '2027-04-02')).toBe(2027);
    expect(currentReportYear('county-dept', '2027-12-20')).toBe(2027);
  });
  it('reads the level names of the CLI', () => {
    expect(parseLevel('县级部门')).toBe('county-dept');
    expect(parseLevel('乡镇')).toBe('township');
    expect(parseLevel('街道')).toBe('township');
    expect(parseLevel('省级')).toBe('province');
    expect(parseLevel('city-gov')).toBe('city-gov');
    expect(parseLevel('村级')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from '../../../shared/model/document';
import { fromBlocks } from '../../../shared/model/lexical-json';
import { migrateDocument } from '../../../shared/model/migrate';
import { reportYearOf, setReportYear, titleYear, withReportYear } from '../../../shared/model/report-year';
import { documentSchema } from '../../../shared/ipc/schemas';

function doc(title: string, reportYear: number | null, fixed?: boolean): GongwenDocument {
  return { schemaVersion: SCHEMA_VERSION, kind: 'fazhi-annual', reportYear, ...(fixed === undefined ? {} : { reportYearFixed: fixed }), header: { ...emptyHeader(), title }, body: fromBlocks([{ type: 'paragraph', text: '正文' }]) };
}

describe('titleYear', () => {
  it.each([
    ['××街道关于2023年度法治政府建设情况的报告', 2023],
    ['城西街道２０２４年法治政府建设年度报告', 2024],
    ['关于二〇二二年度法治政府建设情况的报告', 2022],
    ['关于落实《纲要（2021-2025年）》2023年度情况的报告', 2023],
    ['关于2021—2025年规划的报告', null],
    ['工作报告', null],
    ['第12023年', null],
  ])('%s → %s', (title, year) => expect(titleYear(title)).toBe(year));
});

describe('the 报告年度 follows the title until the user sets it', () => {
  it('follows the title when not set, whatever was stored', () => {
    expect(reportYearOf(doc('关于2023年度法治政府建设情况的报告', 2026))).toBe(2023);
    expect(withReportYear(doc('关于2023年度法治政府建设情况的报告', 2026)).reportYear).toBe(2023);
  });
  it('keeps the stored year when the title names none', () => {
    expect(reportYearOf(doc('××关于法治政府建设情况的报告', 2026))).toBe(2026);
    expect(reportYearOf(doc('', null))).toBeNull();
  });
  it('a year the user set stays, even against the title', () => {
    const set = setReportYear(doc('关于2023年度法治政府建设情况的报告', 2023), 2024);
    expect(set).toMatchObject({ reportYear: 2024, reportYearFixed: true });
    const retitled = { ...set, header: { ...set.header, title: '关于2025年度法治政府建设情况的报告' } };
    expect(reportYearOf(retitled)).toBe(2024);
    expect(withReportYear(retitled).reportYear).toBe(2024);
  });
  it('clearing it goes back to following the title', () => {
    const set = setReportYear(doc('关于2023年度法治政府建设情况的报告', 2023), 2030);
    const cleared = setReportYear(set, null);
    expect(cleared.reportYear).toBe(2023);
    expect('reportYearFixed' in cleared).toBe(false);
  });
  it('refuses a year out of range', () => {
    expect(() => setReportYear(doc('', null), 1800)).toThrow(RangeError);
    expect(() => setReportYear(doc('', null), 2023.5)).toThrow(RangeError);
  });
  it('fixed without a year means nothing: it follows the title', () => {
    expect(withReportYear(doc('关于2023年度的报告', null, true))).toMatchObject({ reportYear: 2023 });
    expect('reportYearFixed' in withReportYear(doc('关于2023年度的报告', null, true))).toBe(false);
  });
  it('returns the same object when nothing changes', () => {
    const d = doc('关于2023年度的报告', 2023);
    expect(withReportYear(d)).toBe(d);
  });
});

describe('every way in', () => {
  it('an old draft without the field loads and follows its title (migrate)', () => {
    const old = { schemaVersion: 1, kind: 'fazhi-annual', reportYear: 2026, header: { ...emptyHeader(), title: '关于2023年度法治政府建设情况的报告' }, body: fromBlocks([]) };
    const migrated = migrateDocument(old);
    expect(migrated.reportYear).toBe(2023);
    expect('reportYearFixed' in migrated).toBe(false);
    expect(migrateDocument({ ...old, reportYearFixed: true })).toMatchObject({ reportYear: 2026, reportYearFixed: true });
    // anything but true is not a year the user set
    expect('reportYearFixed' in migrateDocument({ ...old, reportYearFixed: 'yes' })).toBe(false);
  });
  it('documentSchema (IPC, .gwdraft) validates the field and gives the year in force', () => {
    const d = doc('关于2023年度法治政府建设情况的报告', 2026);
    expect(documentSchema.parse(d).reportYear).toBe(2023);
    expect(documentSchema.parse({ ...d, reportYearFixed: true })).toMatchObject({ reportYear: 2026, reportYearFixed: true });
    expect(documentSchema.safeParse({ ...d, reportYearFixed: 'yes' }).success).toBe(false);
    expect(documentSchema.safeParse({ ...d, reportYear: 99999, reportYearFixed: true }).success).toBe(false);
    expect(documentSchema.safeParse({ ...d, reportYear: 2023.5 }).success).toBe(false);
  });
});

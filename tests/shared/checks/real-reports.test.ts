/**
 * Table-driven over real reports: the 18 labelled openings (../shared/fixtures/openings,
 * labels.json) and the three full fixtures. For each, the title as imported and the
 * measures and 第一责任人 parts as the checker sees them must agree with the labels
 * (null = the excerpt never reaches that part: not judged). Per-section precision and
 * recall are printed so the closing note can quote them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, FIXTURES, TODAY } from './helpers';
import { importText } from '../../../shared/import/text';

interface Label {
  title: string;
  year: number;
  sections: { measures: boolean | null; responsibility: boolean | null };
}

const OPENINGS = path.join(FIXTURES, 'openings');
const labels = JSON.parse(fs.readFileSync(path.join(OPENINGS, 'labels.json'), 'utf8')) as Record<string, Label>;

const FULL: Record<string, Label> = {
  'report-chengxi-2024.txt': { title: '中共黔江区城西街道工作委员会 黔江区人民政府城西街道办事处关于2024年度法治政府建设情况的报告', year: 2024, sections: { measures: true, responsibility: true } },
  'report-jinlanshan-2022.txt': { title: '中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告', year: 2022, sections: { measures: true, responsibility: true } },
  'report-zhaishang-2023.txt': { title: '寨上街道办事处2023年度法治政府建设情况报告', year: 2023, sections: { measures: true, responsibility: true } },
};

const CASES = [
  ...Object.entries(labels).map(([file, label]) => ({ file, path: path.join(OPENINGS, file), label })),
  ...Object.entries(FULL).map(([file, label]) => ({ file, path: path.join(FIXTURES, file), label })),
];

type Tally = { tp: number; fp: number; fn: number; tn: number };
const tally: Record<'measures' | 'responsibility', Tally> = { measures: { tp: 0, fp: 0, fn: 0, tn: 0 }, responsibility: { tp: 0, fp: 0, fn: 0, tn: 0 } };

describe.each(CASES)('$file', ({ path: file, label }) => {
  const doc = importText(fs.readFileSync(file, 'utf8'), { today: TODAY });
  const report = check(doc);

  it('title as labelled', () => {
    expect(doc.header.title).toBe(label.title);
    expect(doc.reportYear).toBe(label.year);
  });

  for (const section of ['measures', 'responsibility'] as const) {
    const expected = label.sections[section];
    if (expected === null) continue;
    it(`${section}: ${expected ? 'present' : 'absent (near miss)'}`, () => {
      const found = report.sections[section];
      const t = tally[section];
      if (expected && found) t.tp++;
      else if (!expected && found) t.fp++;
      else if (expected && !found) t.fn++;
      else t.tn++;
      expect(found).toBe(expected);
      const finding = report.findings.find((f) => f.rule === `section.${section}`);
      if (expected) expect(finding).toBeUndefined();
      else expect(finding).toMatchObject({ severity: 'error' });
    });
  }

  it('no error for a part the report has', () => {
    // Openings are cut: the parts never reached may be missing; none that is there may be an error.
    const present = Object.entries(report.sections).filter(([, v]) => v).map(([k]) => `section.${k}`);
    const wrong = report.findings.filter((f) => f.severity === 'error' && present.includes(f.rule));
    expect(wrong).toEqual([]);
  });
});

afterAll(() => {
  const rows = Object.entries(tally).map(([id, t]) => {
    const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
    const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
    return `${id}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${t.tp} fp ${t.fp} fn ${t.fn} tn ${t.tn})`;
  });
  console.info(`real reports — ${rows.join('; ')}`);
});

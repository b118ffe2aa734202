import { describe, expect, it } from 'vitest';
import { TITLE_LINE_CELLS, titleLines } from '../../../shared/page/title-breaks';

const cells = (s: string) => [...s].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 0.5 : 1), 0);

describe('title line breaks (GB/T 9704 7.3.3)', () => {
  it('a 2号 line holds 20 characters', () => {
    expect(TITLE_LINE_CELLS).toBe(20);
  });

  it('keeps a short title on one line and keeps typed breaks', () => {
    expect(titleLines('关于2024年度法治政府建设情况的报告')).toEqual(['关于2024年度法治政府建设情况的报告']);
    expect(titleLines('寨上街道办事处\n2023年度法治政府建设情况报告')).toEqual(['寨上街道办事处', '2023年度法治政府建设情况报告']);
  });

  it('breaks before 关于 and never inside a number + 年度', () => {
    const lines = titleLines('中共黔江区城西街道工作委员会关于2023年度法治政府建设情况的报告');
    expect(lines).toEqual(['中共黔江区城西街道工作委员会', '关于2023年度法治政府建设情况的报告']);
    for (const l of titleLines('寨上街道办事处2023年度法治政府建设情况报告')) {
      expect(l.startsWith('度')).toBe(false);
      expect(/\d$/.test(l)).toBe(false);
    }
  });

  it('keeps organ names whole in a joint title (委员|会 and 新县|金兰山 stay together)', () => {
    expect(titleLines('中共新县金兰山街道工作委员会新县金兰山街道办事处关于2022年度法治政府建设工作情况的报告')).toEqual([
      '中共新县金兰山街道工作委员会',
      '新县金兰山街道办事处',
      '关于2022年度法治政府建设工作情况的报告',
    ]);
  });

  it('every line fits, no line starts with closing punctuation, and nothing is lost (seeded fuzz)', () => {
    const seed = 20261201;
    let x = seed;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const words = ['关于', '2024', '年度', '法治政府', '建设', '情况', '的', '报告', '某某县', '人民政府', '办公室', '印发', '工作要点', '（试行）', '《条例》', '通知', '和', '进一步', '加强'];
    for (let run = 0; run < 300; run++) {
      const title = Array.from({ length: 3 + Math.floor(rnd() * 14) }, () => words[Math.floor(rnd() * words.length)]).join('');
      const lines = titleLines(title);
      expect(lines.join(''), `seed ${seed} run ${run}`).toBe(title);
      for (const l of lines) {
        expect(cells(l), `seed ${seed} run ${run}: ${lines.join('/')}`).toBeLessThanOrEqual(TITLE_LINE_CELLS);
        expect(/^[，。、；：）》”〕]/.test(l), `seed ${seed} run ${run}: ${lines.join('/')}`).toBe(false);
      }
    }
  });
});

/** Quick fixes: each removes its finding, changes nothing else, and is pure. */
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/checks/engine';
import { toBlocks } from '../../../shared/model';
import type { GongwenDocument } from '../../../shared/model';
import { check, docOf, fixture, g, goodBlocks, h1, mapBlocks, p, redHeader, rules } from './helpers';

function fixAll(doc: GongwenDocument, rule: string, guidance: string[] = []): GongwenDocument {
  let current = doc;
  for (let round = 0; round < 50; round++) {
    const f = check(current, { guidance }).findings.find((x) => x.rule === rule && x.fix);
    if (!f) return current;
    const next = applyFix(current, f);
    expect(next).not.toBe(current);
    current = next;
  }
  throw new Error('fix did not converge');
}

describe('applyFix', () => {
  it('brackets to full width, one heading at a time (jinlanshan)', () => {
    const doc = fixture('report-jinlanshan-2022.txt');
    const before = JSON.stringify(doc);
    const fixed = fixAll(doc, 'numbering.brackets');
    expect(JSON.stringify(doc)).toBe(before);
    expect(rules(check(fixed))).toEqual(['date.missing', 'section.reasons']);
    const labels = toBlocks(fixed.body).flatMap((b) => (b.type === 'heading' && b.level === 2 ? [b.label] : []));
    expect(labels.slice(0, 4)).toEqual(['（一）', '（二）', '（三）', '（四）']);
    expect(toBlocks(fixed.body).map((b) => b.text)).toEqual(toBlocks(doc.body).map((b) => b.text));
  });

  it('renumber sets every label to generated', () => {
    const doc = mapBlocks(docOf(goodBlocks()), (b) => b.map((x) => (x.type === 'heading' && x.label === '二、' ? { ...x, label: '三、' } : x)));
    const fixed = fixAll(doc, 'numbering.sequence');
    expect(toBlocks(fixed.body).every((b) => b.type !== 'heading' || b.label === null)).toBe(true);
    expect(check(fixed).findings).toEqual([]);
  });

  it.each([
    ['金文【2023】05号', '金文〔2023〕5号'],
    ['金文[2023]第5号', '金文〔2023〕5号'],
  ])('文号 %s → %s', (docNumber, expected) => {
    const fixed = fixAll(docOf(goodBlocks(), { ...redHeader(), docNumber, date: '2023年12月5日' }), 'header.docNumber');
    expect(fixed.header.docNumber).toBe(expected);
  });

  it.each([
    ['2023-12-05', '2023年12月5日'],
    ['二〇二三年十二月五日', '2023年12月5日'],
    ['2023年12月05日', '2023年12月5日'],
  ])('date %s → %s', (date, expected) => {
    const doc = docOf(goodBlocks(), { ...redHeader(), docNumber: '青文〔2023〕3号', date });
    const fixed = fixAll(doc, 'date.format');
    expect(fixed.header.date).toBe(expected);
    expect(check(fixed).findings).toEqual([]);
  });

  it('removes leftover guidance: the block, or the sentence inside a paragraph', () => {
    const guidance = '简要写明上一年度推进法治政府建设的主要举措和取得的成效。';
    const blocks = goodBlocks();
    const doc = docOf([...blocks.slice(0, 2), g('此处写主要举措。'), ...blocks.slice(2, 4), p(`${guidance}全年办理复议案件9件。`), p(guidance), ...blocks.slice(4)]);
    const fixed = fixAll(doc, 'placeholder.remaining', [guidance]);
    expect(check(fixed, { guidance: [guidance] }).findings).toEqual([]);
    const texts = toBlocks(fixed.body).map((b) => b.text);
    expect(texts).toContain('全年办理复议案件9件。');
    expect(texts.some((t) => t.includes(guidance))).toBe(false);
    expect(toBlocks(fixed.body).some((b) => b.type === 'guidance')).toBe(false);
  });

  it('title punctuation', () => {
    const fixed = fixAll(docOf(goodBlocks(), { title: '青山镇关于2023年度法治政府建设情况的报告。' }), 'title.punctuation');
    expect(fixed.header.title).toBe('青山镇关于2023年度法治政府建设情况的报告');
  });

  it('a finding without a fix, or a stale one, leaves the document as it is', () => {
    const doc = docOf([h1('一、', '主要举措和成效')]);
    const f = check(doc).findings.find((x) => x.fix === null)!;
    expect(applyFix(doc, f)).toBe(doc);
    expect(applyFix(doc, { ...f, fix: { id: 'numbering.fullWidth', labelKey: '' }, where: { ...f.where, block: 99 } })).toBe(doc);
  });
});

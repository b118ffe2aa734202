/**
 * fast-check over random block lists and headers: the engine never throws, every finding is
 * well-formed (known severity, a message key that exists in both locales, a block index in
 * range), counts and exportable agree, and every offered fix applies without throwing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFix, runChecks } from '../../../shared/checks/engine';
import { SECTION_IDS } from '../../../shared/checks/types';
import { createI18n } from '../../../shared/i18n';
import { emptyHeader, fromBlocks, toBlocks, type Block, type GongwenDocument } from '../../../shared/model';
import { FAZHI, ruleset } from './helpers';

/** Fixed, so a failure replays; fast-check prints it with the failing case. GW_FUZZ_SEED tries another. */
const FUZZ_SEED = Number(process.env.GW_FUZZ_SEED ?? 20261203);

const pieces = ['一、', '（一）', '(二)', '1.', '（1）', '第一责任人', '党委书记', '履行', '职责', '法治', '主要举措', '成效', '不足', '原因', '工作计划', '2023年', '2024年度', '××', '。', '，', ' ', '\n', '〔', '【', '号', 'x', '〇'];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 12 }).map((a) => a.join(''));
const label = fc.option(fc.oneof(fc.constantFrom('一、', '二、', '十一、', '（一）', '(二)', '（三)', '1.', '2、', '（1）', '一.', '？', ''), text), { nil: null });
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, label, text, runIn: fc.option(text, { nil: null }) }),
  fc.record({ type: fc.constant('paragraph' as const), text }),
  fc.record({ type: fc.constant('guidance' as const), text }),
);
const header = fc.record({
  issuerLines: fc.array(text, { maxLength: 2 }),
  docNumber: fc.oneof(text, fc.constantFrom('金文〔2023〕5号', '金文【23】第05号', '')),
  signers: fc.array(text, { maxLength: 2 }),
  direction: fc.constantFrom('up', 'down', 'parallel') as fc.Arbitrary<'up' | 'down' | 'parallel'>,
  recipient: text,
  title: text,
  date: fc.oneof(text, fc.constantFrom('2024年1月5日', '二〇二四年一月', '2024-13-40', '')),
  printDate: text,
  redHeader: fc.boolean(),
});
const doc: fc.Arbitrary<GongwenDocument> = fc.record({ blocks: fc.array(block, { maxLength: 25 }), header, reportYear: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }) }).map(({ blocks, header: h, reportYear }) => ({
  schemaVersion: 1,
  kind: 'fazhi-annual',
  reportYear,
  header: { ...emptyHeader(), ...h },
  body: fromBlocks(blocks),
}));

const zh = createI18n('zh-CN');
const en = createI18n('en-US');

describe('engine fuzz', () => {
  for (const [name, rs] of [['fazhi-annual', FAZHI], ['generic', ruleset('generic')], ['qingshi', ruleset('qingshi')]] as const) {
    it(`${name}: no throw, findings well-formed, fixes apply`, () => {
      fc.assert(
        fc.property(doc, fc.array(text, { maxLength: 3 }), (d, guidanceTexts) => {
          const report = runChecks(d, { today: '2025-03-01', ruleset: rs, guidanceTexts });
          const n = toBlocks(d.body).length;
          expect(Object.keys(report.sections).sort()).toEqual([...SECTION_IDS].sort());
          let errors = 0;
          for (const f of report.findings) {
            expect(['error', 'warning', 'hint']).toContain(f.severity);
            expect(f.messageKey.startsWith('checks.')).toBe(true);
            expect(zh.exists(f.messageKey) && en.exists(f.messageKey), f.messageKey).toBe(true);
            if (f.fix) expect(zh.exists(f.fix.labelKey) && en.exists(f.fix.labelKey), f.fix.labelKey).toBe(true);
            if (f.where.block !== null) expect(f.where.block >= 0 && f.where.block < n).toBe(true);
            for (const v of Object.values(f.values)) expect(['string', 'number']).toContain(typeof v);
            if (f.severity === 'error') errors++;
            if (f.fix) applyFix(d, f);
          }
          expect(report.counts.error).toBe(errors);
          expect(report.exportable).toBe(errors === 0);
        }),
        { numRuns: 300, seed: FUZZ_SEED },
      );
    });
  }

  it('keyword scanning stays linear on a long single paragraph', () => {
    const long = '党委书记履行'.repeat(5_000) + '法治'.repeat(20_000);
    const d: GongwenDocument = { schemaVersion: 1, kind: 'fazhi-annual', reportYear: 2023, header: emptyHeader(), body: fromBlocks([{ type: 'paragraph', text: long }]) };
    const t0 = performance.now();
    runChecks(d, { today: '2025-03-01', ruleset: FAZHI, guidanceTexts: ['一段不会出现的模板提示文字'] });
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

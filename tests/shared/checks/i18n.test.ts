/** Every message and fix key the checks can use exists in both locales with the same placeholders, and reads as plain text. */
import { describe, expect, it } from 'vitest';
import zh from '../../../shared/i18n/locales/zh-CN.json';
import en from '../../../shared/i18n/locales/en-US.json';
import { createI18n } from '../../../shared/i18n';
import { formatFinding } from '../../../shared/checks/format';
import { check, docOf, fixture, goodBlocks, h1, p } from './helpers';

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}.${k}`] : leaves(v, `${prefix}.${k}`)));
}

describe('checks i18n', () => {
  it('zh-CN and en-US have the same checks.* keys', () => {
    expect(leaves((zh as unknown as { checks: Tree }).checks, 'checks').sort()).toEqual(leaves((en as unknown as { checks: Tree }).checks, 'checks').sort());
  });

  it('a rendered finding has no key and no unfilled placeholder, in both languages', () => {
    const docs = [
      fixture('report-jinlanshan-2022.txt'),
      docOf([h1('二、', '主要举措'), p('××')], { redHeader: true, docNumber: '金文【23】第05号', date: '二〇二四年一月', title: '报告。' }),
      docOf(goodBlocks(), { title: '' }),
    ];
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const i18n = createI18n(lang);
      const t = (key: string, values?: Record<string, string | number>) => i18n.t(key, values ?? {});
      for (const doc of docs) {
        for (const f of check(doc).findings) {
          const text = formatFinding(f, t);
          expect(text, f.messageKey).not.toContain('{{');
          expect(text).not.toBe(f.messageKey);
        }
      }
    }
  });
});

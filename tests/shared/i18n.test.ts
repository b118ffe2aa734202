import { describe, expect, it } from 'vitest';
import zh from '../../shared/i18n/locales/zh-CN.json';
import en from '../../shared/i18n/locales/en-US.json';
import { createI18n, languageForLocale } from '../../shared/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const zhKeys = flatten(zh as Tree);
  const enKeys = flatten(en as Tree);

  it('zh-CN and en-US have the same keys', () => {
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('no message is empty and both use the same placeholders', () => {
    for (const [key, value] of zhKeys) {
      expect(value.trim(), key).not.toBe('');
      expect(enKeys.get(key)?.trim(), key).not.toBe('');
      expect(vars(enKeys.get(key) ?? ''), key).toEqual(vars(value));
    }
  });

  it('zh-CN is the default and carries the contract names', () => {
    const t = createI18n().t;
    expect(t('home.newReport')).toBe('新建报告');
    expect(t('editor.body')).toBe('正文');
    expect(t('editor.exportWord')).toBe('导出 Word');
    expect(t('editor.print')).toBe('打印');
    expect(t('editor.check')).toBe('检查');
    expect(['发文机关标志', '发文字号', '签发人', '主送机关', '标题', '成文日期']).toEqual(
      ['issuer', 'docNumber', 'signers', 'recipient', 'title', 'date'].map((k) => t(`header.${k}`)),
    );
  });
});

describe('languageForLocale', () => {
  it('maps any Chinese OS locale to zh-CN and any other to en-US', () => {
    for (const l of ['zh-CN', 'zh', 'zh-TW', 'zh-HK', 'ZH-cn', 'zh_CN']) expect(languageForLocale(l)).toBe('zh-CN');
    for (const l of ['en-US', 'en-GB', 'en', 'fr', 'de-DE', 'ja']) expect(languageForLocale(l)).toBe('en-US');
    // no locale reported: the product's default
    for (const l of ['', '  ', undefined, null]) expect(languageForLocale(l)).toBe('zh-CN');
    // 'zhx' is not Chinese
    expect(languageForLocale('zhx')).toBe('en-US');
  });
});

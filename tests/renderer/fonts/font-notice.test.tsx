import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n';
import { PlatformContext } from '../../../renderer/platform/context';
import type { Platform } from '../../../renderer/platform/client';
import type { FontStatus } from '../../../shared/ipc/contract';
import { FontNotice } from '../../../renderer/features/fonts/FontNotice';

const officePc: FontStatus = {
  source: 'windows',
  missing: 3,
  fonts: [
    { key: 'xiaobiaosong', standard: '方正小标宋简体', installed: false, fallback: 'SimSun', equivalent: false },
    { key: 'fangsong', standard: '仿宋_GB2312', installed: false, fallback: 'FangSong', equivalent: true },
    { key: 'kaiti', standard: '楷体_GB2312', installed: false, fallback: 'KaiTi', equivalent: true },
    { key: 'heiti', standard: '黑体', installed: true, fallback: null, equivalent: false },
  ],
};

function mount(status: FontStatus, variant?: 'bar' | 'export', language: 'zh-CN' | 'en-US' = 'zh-CN') {
  const api = { 'fonts:status': vi.fn(async () => ({ ok: true, value: status })) };
  const platform: Platform = { api: api as never, shell: 'electron', on: () => () => {} };
  render(
    <PlatformContext.Provider value={platform}>
      <I18nextProvider i18n={createI18n(language)}>
        <FontNotice {...(variant ? { variant } : {})} />
      </I18nextProvider>
    </PlatformContext.Provider>,
  );
  return api;
}

describe('FontNotice', () => {
  it('on start: asks the Node side, says how many fonts are missing, details on demand', async () => {
    const api = mount(officePc);
    expect(await screen.findByText('本机缺少 3 种公文标准字体')).toBeTruthy();
    expect(api['fonts:status']).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/方正小标宋简体（标题/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '详情' }));
    expect(screen.getByText('方正小标宋简体（标题、发文机关标志）：本机没有，屏幕和打印改用“宋体”，字形不同。')).toBeTruthy();
    expect(screen.getByText(/仿宋_GB2312（正文、版头和版记）：本机没有，改用“仿宋”——同一字形/)).toBeTruthy();
    expect(screen.getByText('黑体（一级标题、密级和紧急程度）：已安装。')).toBeTruthy();
    expect(screen.getByText(/导出的 Word 文件仍然写明标准字体/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByText('本机缺少 3 种公文标准字体')).toBeNull();
  });

  it('before export: open at once, and explains what Word/WPS will do with the file', async () => {
    mount(officePc, 'export');
    expect(await screen.findByText(/缺少的字体由 Word\/WPS 自行替换/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '关闭' })).toBeNull();
  });

  it('says nothing when all four are installed, or when the fonts could not be read', async () => {
    const all: FontStatus = { source: 'fontconfig', missing: 0, fonts: officePc.fonts.map((f) => ({ ...f, installed: true, fallback: null })) };
    const api = mount(all);
    await vi.waitFor(() => expect(api['fonts:status']).toHaveBeenCalled());
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('speaks English too', async () => {
    mount(officePc, 'bar', 'en-US');
    expect(await screen.findByText('3 of the standard document fonts are missing on this PC')).toBeTruthy();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n';
import { PlatformContext } from '../../../renderer/platform/context';
import type { Platform } from '../../../renderer/platform/client';
import type { Settings } from '../../../shared/ipc/contract';
import { ProfileDialog } from '../../../renderer/features/settings/ProfileDialog';

describe('单位设置', () => {
  it('saves a new office profile and makes it the current one', async () => {
    const settings: Settings = { language: 'zh-CN', activeProfileId: null, profiles: [], lastExportDir: null, nextDocNumbers: {} };
    const update = vi.fn(async (patch: Partial<Settings>) => ({ ok: true as const, value: { ...settings, ...patch } }));
    const platform = { api: { 'settings:get': async () => ({ ok: true, value: settings }), 'settings:update': update }, shell: 'preview', on: () => () => {} } as unknown as Platform;
    render(
      <PlatformContext.Provider value={platform}>
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <ProfileDialog onClose={() => {}} />
        </I18nextProvider>
      </PlatformContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('发文机关标志'), { target: { value: '中共新县金兰山街道工作委员会文件\n' } });
    fireEvent.change(screen.getByLabelText('机关代字'), { target: { value: '金文' } });
    fireEvent.change(screen.getByLabelText('主送机关'), { target: { value: '县委、县政府' } });
    fireEvent.change(screen.getByLabelText('签发人'), { target: { value: '张健平  余志强' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    const patch = update.mock.calls[0]![0];
    expect(patch.profiles).toHaveLength(1);
    expect(patch.profiles![0]).toMatchObject({ issuerLines: ['中共新县金兰山街道工作委员会文件'], agencyCode: '金文', recipient: '县委、县政府', signers: ['张健平', '余志强'], name: '中共新县金兰山街道工作委员会' });
    expect(patch.activeProfileId).toBe(patch.profiles![0]!.id);
    expect(await screen.findByText('已保存，并设为当前单位。')).toBeTruthy();
  });
});

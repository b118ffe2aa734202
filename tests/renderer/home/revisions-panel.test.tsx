import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RevisionsPanel } from '../../../renderer/features/drafts/RevisionsPanel';
import { docWith, fakePlatform, renderWith } from './fake-platform';

const revisions = [
  { id: '20250110T090000000Z-restore', savedAt: '2025-01-10T09:00:00.000Z', reason: 'restore' },
  { id: '20250110T085000000Z-export', savedAt: '2025-01-10T08:50:00.000Z', reason: 'export' },
  { id: '20250110T080000000Z-autosave', savedAt: '2025-01-10T08:00:00.000Z', reason: 'autosave' },
];

describe('历史版本', () => {
  it('lists versions with their reason; 恢复此版本 saves first, restores, and hands the document back', async () => {
    const restored = docWith('旧版本');
    const order: string[] = [];
    const { platform, api } = fakePlatform(
      { drafts: [], trash: [], setAside: [] },
      {
        'drafts:revisions': async () => ({ ok: true, value: revisions }),
        'drafts:restoreRevision': async () => {
          order.push('restore');
          return { ok: true, value: { id: 'draft-1', document: restored, modifiedAt: '', recovered: null, revision: 9 } };
        },
      },
    );
    const onRestored = vi.fn();
    const beforeRestore = vi.fn(async () => void order.push('save'));
    renderWith(platform, <RevisionsPanel draftId="draft-1" beforeRestore={beforeRestore} onRestored={onRestored} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: '历史版本' });
    const items = await within(dialog).findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.revision-reason')?.textContent)).toEqual(['恢复前', '导出时', '自动保存']);
    fireEvent.click(within(items[2]!).getByRole('button', { name: '恢复此版本' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(restored, 9));
    expect(order).toEqual(['save', 'restore']);
    expect(api['drafts:restoreRevision']).toHaveBeenCalledWith({ id: 'draft-1', revisionId: '20250110T080000000Z-autosave' });
  });

  it('says so when there are no versions yet', async () => {
    const { platform } = fakePlatform({ drafts: [], trash: [], setAside: [] }, { 'drafts:revisions': async () => ({ ok: true, value: [] }) });
    renderWith(platform, <RevisionsPanel draftId="draft-1" onRestored={vi.fn()} onClose={vi.fn()} />);
    expect(await screen.findByText(/还没有历史版本/)).toBeTruthy();
  });

  it('a restore that fails keeps the panel open with the reason', async () => {
    const { platform } = fakePlatform(
      { drafts: [], trash: [], setAside: [] },
      {
        'drafts:revisions': async () => ({ ok: true, value: revisions.slice(2) }),
        'drafts:restoreRevision': async () => ({ ok: false, error: { code: 'revision-not-found', messageKey: 'drafts.errors.revisionNotFound' } }),
      },
    );
    const onRestored = vi.fn();
    renderWith(platform, <RevisionsPanel draftId="draft-1" onRestored={onRestored} onClose={vi.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: '恢复此版本' }));
    expect((await screen.findByRole('alert')).textContent).toContain('找不到这个历史版本');
    expect(onRestored).not.toHaveBeenCalled();
  });
});

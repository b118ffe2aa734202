import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../shared/i18n';
import { EditorActions, type EditorActionsProps } from '../../../renderer/features/shell/EditorActions';

function setup(overrides: Partial<EditorActionsProps> = {}) {
  const i18n = createI18n('zh-CN');
  const translate = vi.spyOn(i18n, 't');
  const props: EditorActionsProps = { saveStatus: 'saved', counts: { errors: 2, warnings: 1 }, onBack: vi.fn(), onRevisions: vi.fn(), onApprovals: vi.fn(), onCheck: vi.fn(), onExport: vi.fn(), ...overrides };
  const view = render(
    <I18nextProvider i18n={i18n}>
      <EditorActions {...props} />
    </I18nextProvider>,
  );
  const rerender = (next: Partial<EditorActionsProps>) =>
    view.rerender(
      <I18nextProvider i18n={i18n}>
        <EditorActions {...props} {...next} />
      </I18nextProvider>,
    );
  return { props, translate, rerender };
}

describe('the editor action bar', () => {
  it('each button does its action; the counts and the save state are shown', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
    expect(props.onCheck).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: /Word/ }));
    expect(props.onExport).toHaveBeenCalledWith('docx');
    fireEvent.click(screen.getByRole('button', { name: /打印/ }));
    expect(props.onExport).toHaveBeenCalledWith('print');
    fireEvent.click(screen.getByRole('button', { name: /返回/ }));
    expect(props.onBack).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('toolbar').textContent).toMatch(/2/);
    expect(screen.getByRole('status').className).toContain('saved');
  });

  it('no 修订记录 button without revisions to show', () => {
    setup({ onRevisions: null });
    expect(screen.queryByRole('button', { name: /修订/ })).toBeNull();
  });

  it('the same props (a body-only change of the screen) translate nothing again; a new save state does', () => {
    const { props, translate, rerender } = setup();
    translate.mockClear();
    rerender({});
    expect(translate).not.toHaveBeenCalled();
    rerender({ saveStatus: 'dirty' });
    expect(translate).toHaveBeenCalled();
    expect(screen.getByRole('status').className).toContain('dirty');
    expect(props.onCheck).not.toHaveBeenCalled();
  });
});

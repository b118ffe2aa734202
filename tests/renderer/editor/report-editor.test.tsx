/**
 * The editor component in happy-dom: heading numbers drawn from positions (and renumbered
 * when a section is inserted, restored by undo), header fields with their input help, the
 * controller the screen uses.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { $getRoot, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { createI18n } from '../../../shared/i18n';
import { emptyHeader, fromBlocks, toBlocks, type Block, type GongwenDocument } from '../../../shared/model';
import { ReportEditor, type EditorController } from '../../../renderer/editor/ReportEditor';
import { $createGwHeadingNode } from '../../../renderer/editor/nodes';
import { SET_BLOCK_LEVEL_COMMAND } from '../../../renderer/editor/plugins/HeadingLevelPlugin';
import { RENUMBER_HEADINGS_COMMAND } from '../../../renderer/editor/plugins/NumberingPlugin';
import { EDIT_PAUSE_MS } from '../../../renderer/editor/page/page-layer';

const BODY: Block[] = [
  { type: 'paragraph', text: '现将有关情况报告如下：' },
  { type: 'heading', level: 1, label: null, text: '主要举措和成效', runIn: null },
  { type: 'heading', level: 2, label: null, text: '强化组织领导。', runIn: '一是加强组织领导。' },
  { type: 'heading', level: 2, label: '(二)', text: '推进依法行政', runIn: null },
  { type: 'paragraph', text: '正文。' },
  { type: 'heading', level: 1, label: null, text: '存在的不足和原因', runIn: null },
  { type: 'guidance', text: '写明不足及其原因。' },
  { type: 'heading', level: 1, label: null, text: '下一年度主要安排', runIn: null },
];

function makeDoc(): GongwenDocument {
  return {
    schemaVersion: 1,
    kind: 'fazhi-annual',
    reportYear: 2023,
    header: { ...emptyHeader(), issuerLines: ['中共新县金兰山街道工作委员会文件'], title: '关于2023年度法治政府建设情况的报告', recipient: '县委、县政府', signers: ['张健平', '余志强'] },
    body: fromBlocks(BODY),
  };
}

function mount(doc = makeDoc()) {
  const onChange = vi.fn();
  let controller: EditorController | null = null;
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <ReportEditor document={doc} onChange={onChange} onReady={(c) => (controller = c)} />
    </I18nextProvider>,
  );
  const body = screen.getByRole('textbox', { name: '正文' });
  const editor = (body as unknown as { __lexicalEditor: LexicalEditor }).__lexicalEditor;
  return { onChange, body, editor, controller: () => controller! };
}

const labels = (body: HTMLElement) => [...body.querySelectorAll('.gw-heading')].map((el) => el.getAttribute('data-gw-label'));

describe('ReportEditor', () => {
  it('shows the body as our nodes with generated and written numbers', async () => {
    const { body } = mount();
    await waitFor(() => expect(labels(body)).toEqual(['一、', '（一）', '(二)', '二、', '三、']));
    expect(body.querySelector('.gw-h2 .gw-run-in')?.textContent).toBe('一是加强组织领导。');
    expect(body.querySelector('.gw-guidance')?.textContent).toBe('写明不足及其原因。');
    expect(screen.getByRole('navigation', { name: '大纲' }).textContent).toContain('二、存在的不足和原因');
  });

  it('the body is hidden from the commit-time selection walk of React (CommitGuardPlugin), still editable', () => {
    const { body } = mount();
    expect(body.getAttribute('contenteditable')).toBe('true');
    expect(body.contentEditable).toBe('inherit');
  });

  it('a level-1 heading inserted before section 二 renumbers the following ones; undo restores them', async () => {
    const { body, editor } = mount();
    await waitFor(() => expect(labels(body)).toContain('三、'));
    await act(async () => {
      editor.update(() => {
        const before = $getRoot().getChildAtIndex(5)!;
        const heading = $createGwHeadingNode(1);
        before.insertBefore(heading);
        heading.select();
        heading.selectEnd().insertText('新增的部分');
      }, { discrete: true });
    });
    await waitFor(() => expect(labels(body)).toEqual(['一、', '（一）', '(二)', '二、', '三、', '四、']));
    expect(body.querySelectorAll('.gw-heading')[3]!.textContent).toBe('新增的部分');
    await act(async () => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    await waitFor(() => expect(labels(body)).toEqual(['一、', '（一）', '(二)', '二、', '三、']));
  });

  it('setting a paragraph to a heading level through the command numbers it; renumber drops written labels', async () => {
    const { body, editor, controller } = mount();
    await act(async () => {
      editor.update(() => $getRoot().getChildAtIndex(4)!.selectEnd(), { discrete: true });
      editor.dispatchCommand(SET_BLOCK_LEVEL_COMMAND, 2);
    });
    await waitFor(() => expect(labels(body)).toEqual(['一、', '（一）', '(二)', '（三）', '二、', '三、']));
    await act(async () => {
      editor.dispatchCommand(RENUMBER_HEADINGS_COMMAND, undefined);
    });
    await waitFor(() => expect(labels(body)).toEqual(['一、', '（一）', '（二）', '（三）', '二、', '三、']));
    const blocks = toBlocks(controller().getDocument().body);
    expect(blocks[4]).toMatchObject({ type: 'heading', level: 2, text: '正文。' });
    expect(blocks.filter((b) => b.type === 'heading').every((b) => b.type === 'heading' && b.label === null)).toBe(true);
  });

  it('header fields carry the accessible names and the input help', async () => {
    const { onChange, controller } = mount();
    for (const name of ['发文机关标志', '发文字号', '签发人', '主送机关', '标题', '成文日期']) expect(screen.getByLabelText(name)).toBeTruthy();
    const docNumber = screen.getByLabelText('发文字号') as HTMLInputElement;
    fireEvent.focus(docNumber);
    fireEvent.change(docNumber, { target: { value: '金文2024 5' } });
    expect(docNumber.value).toBe('金文2024 5');
    fireEvent.blur(docNumber);
    expect(docNumber.value).toBe('金文〔2024〕5号');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ header: expect.objectContaining({ docNumber: '金文〔2024〕5号' }) }));

    fireEvent.change(screen.getByLabelText('选择成文日期'), { target: { value: '2024-01-05' } });
    expect((screen.getByLabelText('成文日期') as HTMLInputElement).value).toBe('2024年1月5日');
    expect(controller().getDocument().header.date).toBe('2024年1月5日');

    const recipient = screen.getByLabelText('主送机关') as HTMLInputElement;
    fireEvent.focus(recipient);
    fireEvent.change(recipient, { target: { value: '县委、县政府：' } });
    fireEvent.blur(recipient);
    expect(controller().getDocument().header.recipient).toBe('县委、县政府');

    const issuer = screen.getByLabelText('发文机关标志') as HTMLTextAreaElement;
    fireEvent.focus(issuer);
    fireEvent.change(issuer, { target: { value: '中共××县委\n××县人民政府\n' } });
    fireEvent.blur(issuer);
    expect(controller().getDocument().header.issuerLines).toEqual(['中共××县委', '××县人民政府']);
  });

  it('报告年度 follows the title until set; a set year stays; 改为随标题 goes back; a bad year is refused', async () => {
    const { onChange, controller } = mount({ ...makeDoc(), reportYear: 2026 });
    const field = screen.getByRole('textbox', { name: '报告年度' }) as HTMLInputElement;
    // the stored 2026 (a template's) gives way to the title's 2023
    expect(field.value).toBe('2023');
    expect(screen.getByText('随标题中的年份')).toBeTruthy();
    const title = screen.getByLabelText('标题') as HTMLTextAreaElement;
    const retitle = (text: string) => {
      fireEvent.focus(title);
      fireEvent.change(title, { target: { value: text } });
      fireEvent.blur(title);
    };
    retitle('关于2024年度法治政府建设情况的报告');
    expect(field.value).toBe('2024');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ reportYear: 2024 }));
    expect(controller().getDocument().reportYearFixed).toBeUndefined();

    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '２０２２' } });
    fireEvent.blur(field);
    expect(field.value).toBe('2022');
    expect(controller().getDocument()).toMatchObject({ reportYear: 2022, reportYearFixed: true });
    expect(screen.getByText('已手动设定')).toBeTruthy();
    retitle('关于2025年度法治政府建设情况的报告');
    expect(field.value).toBe('2022');
    expect(controller().getDocument().reportYear).toBe(2022);

    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '20' } });
    fireEvent.blur(field);
    expect(screen.getByRole('alert').textContent).toContain('请填写1949至2200之间的四位年份');
    expect(field.value).toBe('2022');
    expect(controller().getDocument().reportYear).toBe(2022);

    fireEvent.click(screen.getByRole('button', { name: '改为随标题' }));
    expect(field.value).toBe('2025');
    expect(controller().getDocument().reportYear).toBe(2025);
    expect(controller().getDocument().reportYearFixed).toBeUndefined();
  });

  it('the controller replaces the document (undoable) and focuses fields, also in the collapsed panel', async () => {
    const { body, editor, controller } = mount();
    await waitFor(() => expect(labels(body)).toHaveLength(5));
    const next = { ...makeDoc(), header: { ...makeDoc().header, title: '新标题' }, body: fromBlocks([{ type: 'heading', level: 1, label: null, text: '唯一部分', runIn: null }]) };
    await act(async () => controller().replaceDocument(next));
    await waitFor(() => expect(labels(body)).toEqual(['一、']));
    expect((screen.getByLabelText('标题') as HTMLTextAreaElement).value).toBe('新标题');
    expect(toBlocks(controller().getDocument().body)).toEqual([{ type: 'heading', level: 1, label: null, text: '唯一部分', runIn: null }]);
    await act(async () => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    await waitFor(() => expect(labels(body)).toHaveLength(5));
    act(() => controller().jumpToField('docNumber'));
    expect(document.activeElement).toBe(screen.getByLabelText('发文字号'));
    // the panel's fields exist only while it is open: the jump opens it, then focuses the field
    expect(screen.queryByLabelText('抄送')).toBeNull();
    act(() => controller().jumpToField('cc'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('抄送')));
    expect(screen.getByRole('button', { name: '更多版头/版记字段' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('reports body edits through onChange', async () => {
    const { editor, onChange } = mount();
    await act(async () => {
      editor.update(() => $getRoot().getFirstChild()!.selectEnd().insertText('补充。'), { discrete: true });
    });
    await waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 2000 });
    const doc = onChange.mock.calls.at(-1)![0] as GongwenDocument;
    expect(toBlocks(doc.body)[0]).toEqual({ type: 'paragraph', text: '现将有关情况报告如下：补充。' });
  });
  it('字数 waits for a pause in typing (EDIT_PAUSE_MS), not for each gap between keys', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback', 'performance'] });
    try {
      const { editor } = mount();
      const status = () => screen.getByRole('status', { name: '文档统计' }).textContent ?? '';
      await act(async () => {
        await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 1000);
      });
      const before = status();
      expect(before).toMatch(/字数 \d+/);
      for (let i = 0; i < 6; i++) {
        await act(async () => {
          editor.update(() => $getRoot().getFirstChild()!.selectEnd().insertText('字'), { discrete: true });
          await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS - 100);
        });
        expect(status()).toBe(before);
      }
      await act(async () => {
        await vi.advanceTimersByTimeAsync(EDIT_PAUSE_MS + 1000);
      });
      expect(status()).not.toBe(before);
      expect(Number(/字数 (\d+)/.exec(status())![1]) - Number(/字数 (\d+)/.exec(before)![1])).toBe(6);
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * The body's rich-text setup (RichTextSetupPlugin): Lexical's rich-text commands are registered
 * while it is mounted and gone after, and — unlike Lexical's RichTextPlugin, whose placeholder
 * reads the root's text and sets React state after every update — it adds no update listener.
 */
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, FORMAT_TEXT_COMMAND, type LexicalEditor } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextSetupPlugin, TYPING_EVENTS, typesCharacter } from '../../../renderer/editor/plugins/RichTextSetupPlugin';

let captured: LexicalEditor | null = null;
function Capture() {
  [captured] = useLexicalComposerContext();
  return null;
}

const updateListeners = (editor: LexicalEditor): number => (editor as unknown as { _listeners: { update: Set<unknown> } })._listeners.update.size;

function mount(setup: 'ours' | 'lexical') {
  return render(
    <LexicalComposer initialConfig={{ namespace: 'test', onError: (e) => { throw e; } }}>
      {setup === 'ours' ? (
        <>
          <ContentEditable aria-label="body" />
          <RichTextSetupPlugin />
        </>
      ) : (
        <RichTextPlugin contentEditable={<ContentEditable aria-label="body" />} ErrorBoundary={LexicalErrorBoundary} />
      )}
      <Capture />
    </LexicalComposer>,
  );
}

afterEach(() => {
  captured = null;
  document.body.innerHTML = '';
});

describe('RichTextSetupPlugin', () => {
  it('registers the rich-text commands while mounted, and none after', () => {
    const view = mount('ours');
    const editor = captured!;
    let handled = false;
    editor.update(
      () => {
        const text = $createTextNode('法治政府');
        $getRoot().clear().append($createParagraphNode().append(text));
        text.select(0, 2);
        handled = editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold');
      },
      { discrete: true },
    );
    expect(handled).toBe(true);
    const bold = editor.getEditorState().read(() => $getRoot().getAllTextNodes().filter((n) => $isTextNode(n) && n.hasFormat('bold')).map((n) => n.getTextContent()));
    expect(bold).toEqual(['法治']);
    view.unmount();
    editor.update(() => {
      $getRoot().getFirstDescendant()?.selectStart();
      handled = editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold');
    }, { discrete: true });
    expect(handled).toBe(false);
  });

  it('adds no update listener (Lexical’s RichTextPlugin adds its placeholder’s, run after every key)', () => {
    mount('lexical');
    const withPlaceholder = updateListeners(captured!);
    document.body.innerHTML = '';
    mount('ours');
    expect(updateListeners(captured!)).toBe(withPlaceholder - 1);
    expect(updateListeners(captured!)).toBe(0);
  });

  it('ends the events of typing at the body, where Lexical handles them, and lets keydown and focus on', () => {
    const view = mount('ours');
    const body = view.getByLabelText('body');
    const atBody: string[] = [];
    const above: string[] = [];
    const seenAbove = (event: Event) => above.push(event.type);
    for (const type of [...TYPING_EVENTS, 'keydown', 'focusin']) {
      body.addEventListener(type, () => atBody.push(type));
      window.addEventListener(type, seenAbove);
    }
    for (const type of [...TYPING_EVENTS, 'keydown', 'focusin']) body.dispatchEvent(new Event(type, { bubbles: true }));
    expect(atBody).toEqual([...TYPING_EVENTS, 'keydown', 'focusin']);
    expect(above).toEqual(['keydown', 'focusin']);
    // another root element takes the stop along; the old one lets the events on again
    const other = document.createElement('div');
    document.body.append(other);
    captured!.setRootElement(other);
    above.length = 0;
    body.dispatchEvent(new Event('input', { bubbles: true }));
    other.dispatchEvent(new Event('input', { bubbles: true }));
    expect(above).toEqual(['input']);
    expect(atBody.filter((type) => type === 'input')).toHaveLength(2);
    for (const type of [...TYPING_EVENTS, 'keydown', 'focusin']) window.removeEventListener(type, seenAbove);
    view.unmount();
  });

  it('ends a keydown that types a character at the body; shortcuts and named keys go on to the window', () => {
    const view = mount('ours');
    const body = view.getByLabelText('body');
    const atBody: string[] = [];
    const above: string[] = [];
    const name = (e: KeyboardEvent) => `${e.ctrlKey ? 'Ctrl+' : ''}${e.metaKey ? 'Meta+' : ''}${e.altKey ? 'Alt+' : ''}${e.shiftKey ? 'Shift+' : ''}${e.key}`;
    body.addEventListener('keydown', (e) => atBody.push(name(e)));
    const onWindow = (e: KeyboardEvent) => above.push(name(e));
    window.addEventListener('keydown', onWindow);
    const keys: KeyboardEventInit[] = [
      { key: 'a' },
      { key: 'A', shiftKey: true },
      { key: '法' },
      { key: '𠀋' },
      { key: '=', ctrlKey: true },
      { key: 'f', ctrlKey: true },
      { key: 'h', metaKey: true },
      { key: 'x', altKey: true },
      { key: 'Escape' },
      { key: 'Enter' },
      { key: 'Backspace' },
      { key: 'Process' },
      { key: 'Tab' },
    ];
    for (const init of keys) body.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));
    expect(atBody).toHaveLength(keys.length);
    expect(above).toEqual(['Ctrl+=', 'Ctrl+f', 'Meta+h', 'Alt+x', 'Escape', 'Enter', 'Backspace', 'Process', 'Tab']);
    window.removeEventListener('keydown', onWindow);
    view.unmount();
  });

  it('typesCharacter: one character and no Ctrl, Meta or Alt', () => {
    expect(typesCharacter(new KeyboardEvent('keydown', { key: '1' }))).toBe(true);
    expect(typesCharacter(new KeyboardEvent('keydown', { key: ' ' }))).toBe(true);
    expect(typesCharacter(new KeyboardEvent('keydown', { key: 'Dead' }))).toBe(false);
    expect(typesCharacter(new KeyboardEvent('keydown', { key: '0', ctrlKey: true }))).toBe(false);
    expect(typesCharacter(new KeyboardEvent('keydown', {}))).toBe(false);
  });
});

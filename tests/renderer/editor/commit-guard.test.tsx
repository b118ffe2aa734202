/**
 * React walks the whole focused contenteditable at every commit (to save its selection as
 * character offsets); the editor's root is hidden from that walk (CommitGuardPlugin), so a
 * commit elsewhere in the app reads none of the report's text nodes.
 */
import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { hideEditableFromReact } from '../../../renderer/editor/plugins/CommitGuardPlugin';

let bump: () => void = () => {};
function Counter() {
  const [n, setN] = useState(0);
  bump = () => setN((v) => v + 1);
  return <span>{n}</span>;
}

/** A focused contenteditable of `count` paragraphs with the caret in the last; reads of its text nodes counted. */
function editable(count: number) {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  const reads = { n: 0 };
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    const text = document.createTextNode(`第${i}段`);
    let proto: object | null = Object.getPrototypeOf(text);
    while (proto && !Object.getOwnPropertyDescriptor(proto, 'nodeValue')) proto = Object.getPrototypeOf(proto);
    const own = proto ? Object.getOwnPropertyDescriptor(proto, 'nodeValue') : undefined;
    Object.defineProperty(text, 'nodeValue', {
      configurable: true,
      get() {
        reads.n += 1;
        return own?.get?.call(this);
      },
    });
    p.append(text);
    el.append(p);
  }
  document.body.append(el);
  el.focus();
  const last = el.lastChild!.firstChild!;
  const range = document.createRange();
  range.setStart(last, 1);
  range.collapse(true);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return { el, reads };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CommitGuardPlugin: React commits do not walk the editor', () => {
  it('without the guard React reads every text node of the focused editable at a commit; with it, none', () => {
    render(<Counter />);
    const plain = editable(200);
    expect(document.activeElement).toBe(plain.el);
    act(() => bump());
    expect(plain.reads.n).toBeGreaterThanOrEqual(200);
    plain.el.remove();

    const guarded = editable(200);
    const undo = hideEditableFromReact(guarded.el);
    expect(guarded.el.contentEditable).toBe('inherit');
    expect(guarded.el.getAttribute('contenteditable')).toBe('true');
    act(() => bump());
    expect(guarded.reads.n).toBe(0);

    // Writes still reach the element; the undo gives the property back.
    guarded.el.contentEditable = 'false';
    expect(guarded.el.getAttribute('contenteditable')).toBe('false');
    expect(guarded.el.contentEditable).toBe('false');
    undo();
    guarded.el.contentEditable = 'true';
    expect(guarded.el.contentEditable).toBe('true');
  });
});

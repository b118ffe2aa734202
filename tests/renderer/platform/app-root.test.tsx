/**
 * The app's React root (renderer/platform/app-root.ts): no capture-phase listener for the
 * events of typing, every other listener as React sets it up, and no capture prop anywhere in
 * the app that would go unheard because of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppRoot, NO_CAPTURE_EVENTS, UNHEARD_DOCUMENT_EVENTS } from '../../../renderer/platform/app-root';

const RENDERER = path.resolve(__dirname, '../../../renderer');
// act() outside @testing-library: tell React this environment runs it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  document.body.innerHTML = '';
});

/** The listeners React's root adds to `container` (recorded by an own addEventListener, which createAppRoot must leave in place). */
function listenersAdded(container: HTMLElement): { type: string; capture: boolean }[] {
  const added: { type: string; capture: boolean }[] = [];
  const native = container.addEventListener.bind(container);
  const recording = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    added.push({ type, capture: typeof options === 'boolean' ? options : Boolean(options?.capture) });
    native(type, listener, options);
  };
  container.addEventListener = recording as HTMLElement['addEventListener'];
  const root = createAppRoot(container);
  expect(container.addEventListener).toBe(recording);
  act(() => root.unmount());
  return added;
}

describe('createAppRoot', () => {
  it('leaves out only the capture-phase listeners of the typing events', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const added = listenersAdded(container);
    const capture = new Set(added.filter((l) => l.capture).map((l) => l.type));
    const bubble = new Set(added.filter((l) => !l.capture).map((l) => l.type));
    for (const type of NO_CAPTURE_EVENTS) expect(capture.has(type), type).toBe(false);
    // React's other listeners are all there: capture for clicks and focus, bubble for typing too
    for (const type of ['click', 'focusin', 'paste']) expect(capture.has(type), type).toBe(true);
    for (const type of ['keydown', 'keyup', 'input', 'keypress', 'click']) expect(bubble.has(type), type).toBe(true);
  });

  it('leaves out React\'s document listener for selectionchange, and gives the document its own addEventListener back', () => {
    // A document React has not listened to yet (it listens to each document once).
    const doc = document.implementation.createHTMLDocument('fresh');
    const container = doc.createElement('div');
    doc.body.append(container);
    const added: string[] = [];
    const native = doc.addEventListener.bind(doc);
    const recording = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      added.push(type);
      native(type, listener, options);
    };
    doc.addEventListener = recording as Document['addEventListener'];
    const root = createAppRoot(container);
    expect(doc.addEventListener).toBe(recording);
    for (const type of UNHEARD_DOCUMENT_EVENTS) expect(added, type).not.toContain(type);
    // the same createRoot without the filter does add it: the test would see it
    const plain = document.implementation.createHTMLDocument('plain');
    const seen: string[] = [];
    const plainNative = plain.addEventListener.bind(plain);
    plain.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      seen.push(type);
      plainNative(type, listener, options);
    }) as Document['addEventListener'];
    const plainContainer = plain.createElement('div');
    plain.body.append(plainContainer);
    const plainRoot = createRoot(plainContainer);
    expect(seen).toContain('selectionchange');
    act(() => {
      root.unmount();
      plainRoot.unmount();
    });
  });

  it('the app uses no onSelect prop (React hears selectionchange only for it)', () => {
    const files = (fs.readdirSync(RENDERER, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const users = files.filter((f) => /\bonSelect(Capture)?\b/.test(fs.readFileSync(path.join(RENDERER, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(users).toEqual([]);
  });

  it('gives the container its own addEventListener back', () => {
    const container = document.createElement('div');
    const root = createAppRoot(container);
    expect(Object.prototype.hasOwnProperty.call(container, 'addEventListener')).toBe(false);
    act(() => root.unmount());
  });

  it('bubble-phase props of the typing events still fire; their capture props do not', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createAppRoot(container);
    const heard: string[] = [];
    act(() =>
      root.render(
        <div onKeyUp={() => heard.push('keyup')} onKeyUpCapture={() => heard.push('keyup capture')} onClickCapture={() => heard.push('click capture')}>
          <input aria-label="field" onKeyDown={() => heard.push('keydown')} onInput={() => heard.push('input')} />
        </div>,
      ),
    );
    const input = container.querySelector('input')!;
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true }));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(heard).toEqual(['keydown', 'keyup', 'input', 'click capture']);
    act(() => root.unmount());
  });

  it('the app uses no capture prop of those events', () => {
    const props = [...NO_CAPTURE_EVENTS].map((type) => ({ keydown: 'KeyDown', keypress: 'KeyPress', keyup: 'KeyUp', textInput: 'BeforeInput', beforeinput: 'BeforeInput', input: 'Input', compositionstart: 'CompositionStart', compositionupdate: 'CompositionUpdate', compositionend: 'CompositionEnd' })[type]);
    const pattern = new RegExp(`\\bon(${[...new Set(props)].join('|')})Capture\\b`);
    const files = (fs.readdirSync(RENDERER, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const users = files.filter((f) => pattern.test(fs.readFileSync(path.join(RENDERER, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(users).toEqual([]);
  });
});

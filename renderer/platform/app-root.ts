/**
 * The app's React root, without React's capture-phase listeners for the events of typing.
 *
 * React listens to every event twice at its root container: in the capture phase (for the
 * `onXxxCapture` props) and in the bubble phase. The bubble listener never hears typing in the
 * body (RichTextSetupPlugin ends those events at the body), but the capture one ran before
 * Lexical's own listeners on every key: five dispatches through the component tree, and worse,
 * the microtask checkpoint after the `input` one delivered the browser's own text insertion to
 * Lexical's MutationObserver before Lexical's input handler could take it, so Lexical reconciled
 * each key a second way (bare Lexical never runs that observer while typing; README
 * "Benchmarks"). The app has no capture props for these events (a test keeps it so); their
 * bubble-phase props (onKeyDown, onChange, onInput of the form fields) work as before.
 */
import { createRoot, type Root } from 'react-dom/client';

/** Events whose capture-phase props (`onKeyDownCapture`, `onInputCapture`, …) the app does not use. */
export const NO_CAPTURE_EVENTS: ReadonlySet<string> = new Set([
  'keydown',
  'keypress',
  'keyup',
  'textInput',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
]);

const isCapture = (options: boolean | AddEventListenerOptions | undefined): boolean =>
  typeof options === 'boolean' ? options : options?.capture === true;

export function createAppRoot(container: HTMLElement): Root {
  // React adds its root listeners once, inside createRoot; only those calls are filtered.
  const own = Object.prototype.hasOwnProperty.call(container, 'addEventListener');
  const original = container.addEventListener;
  container.addEventListener = function addEventListener(this: HTMLElement, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    if (isCapture(options) && NO_CAPTURE_EVENTS.has(type)) return;
    original.call(this, type, listener, options);
  } as HTMLElement['addEventListener'];
  try {
    return createRoot(container);
  } finally {
    if (own) container.addEventListener = original;
    else delete (container as { addEventListener?: unknown }).addEventListener;
  }
}

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
 *
 * Nor does the root listen to the document's `selectionchange`: React listens to it only for the
 * `onSelect` prop, which the app does not use (a test keeps it so), and it ran on every key and
 * every move of the caret, asking the browser for the selection and walking the component tree.
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

/** Document events React's root need not hear: only its `onSelect` prop listens to these. */
export const UNHEARD_DOCUMENT_EVENTS: ReadonlySet<string> = new Set(['selectionchange']);

type AddListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => void;

/** Runs `fn` with `target.addEventListener` skipping the registrations `skip` names, then gives `target` its own back. */
function filteringListeners<T>(target: EventTarget, skip: (type: string, options: boolean | AddEventListenerOptions | undefined) => boolean, fn: () => T): T {
  const own = Object.prototype.hasOwnProperty.call(target, 'addEventListener');
  const original = target.addEventListener as AddListener;
  (target as { addEventListener: AddListener }).addEventListener = function addEventListener(this: EventTarget, type, listener, options) {
    if (!skip(type, options)) original.call(this, type, listener, options);
  };
  try {
    return fn();
  } finally {
    if (own) (target as { addEventListener: AddListener }).addEventListener = original;
    else delete (target as { addEventListener?: unknown }).addEventListener;
  }
}

export function createAppRoot(container: HTMLElement): Root {
  // React adds its root listeners once, inside createRoot; only those calls are filtered.
  return filteringListeners(
    container.ownerDocument,
    (type) => UNHEARD_DOCUMENT_EVENTS.has(type),
    () => filteringListeners(container, (type, options) => isCapture(options) && NO_CAPTURE_EVENTS.has(type), () => createRoot(container)),
  );
}

/**
 * Find & replace: Ctrl+F (or Ctrl+H) opens a small bar above the page; Enter finds the
 * next match, Shift+Enter the previous; replace one or all (one undo step). Matches are
 * highlighted with the CSS Custom Highlight API where the browser has it, so the editor's
 * DOM is never touched for highlighting.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR, createCommand, type LexicalEditor } from 'lexical';
import { $findMatches, $replaceAll, $replaceSelected, $selectMatch, type FindMatch } from './find';

export const OPEN_FIND_COMMAND = createCommand<{ replace?: boolean } | void>('OPEN_FIND_COMMAND');

const HIGHLIGHT = 'gw-find';
const CURRENT = 'gw-find-current';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function highlights(): { registry: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

function rangesFor(editor: LexicalEditor, match: FindMatch): Range[] {
  const out: Range[] = [];
  for (const span of match.spans) {
    const el = editor.getElementByKey(span.key);
    const textNode = el?.firstChild;
    if (!textNode || textNode.nodeType !== 3) continue;
    const range = document.createRange();
    range.setStart(textNode, Math.min(span.start, textNode.textContent?.length ?? 0));
    range.setEnd(textNode, Math.min(span.end, textNode.textContent?.length ?? 0));
    out.push(range);
  }
  return out;
}

function paint(editor: LexicalEditor, matches: FindMatch[], current: number): void {
  const api = highlights();
  if (!api) return;
  api.registry.set(HIGHLIGHT, new api.Highlight(...matches.flatMap((m) => rangesFor(editor, m))));
  const cur = matches[current];
  api.registry.set(CURRENT, new api.Highlight(...(cur ? rangesFor(editor, cur) : [])));
}

function clearPaint(): void {
  const api = highlights();
  api?.registry.delete(HIGHLIGHT);
  api?.registry.delete(CURRENT);
}

export function FindReplacePlugin() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matches, setMatches] = useState<FindMatch[]>([]);
  const [current, setCurrent] = useState(-1);
  const [status, setStatus] = useState('');
  const queryRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const wantReplace = useRef(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_FIND_COMMAND,
          (payload) => {
            wantReplace.current = Boolean(payload && payload.replace);
            setOpen(true);
            // A short selection in the text is what the user wants to find.
            const s = window.getSelection()?.toString() ?? '';
            const selected = s.length > 0 && s.length < 60 && !s.includes('\n') ? s : '';
            if (selected) setQuery(selected);
            requestAnimationFrame(() => (wantReplace.current ? replaceRef : queryRef).current?.focus());
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key !== 'f' && key !== 'h') return;
      event.preventDefault();
      editor.dispatchCommand(OPEN_FIND_COMMAND, { replace: key === 'h' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);

  const search = useCallback(
    (q: string) => {
      const found = editor.getEditorState().read(() => $findMatches(q));
      setMatches(found);
      setCurrent((c) => (found.length === 0 ? -1 : Math.min(Math.max(c, 0), found.length - 1)));
      return found;
    },
    [editor],
  );

  // Re-find while the bar is open and the text changes (debounced: not on the typing path).
  useEffect(() => {
    if (!open) return undefined;
    search(query);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => search(query), 200);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [open, query, editor, search]);

  useEffect(() => {
    if (open) paint(editor, matches, current);
    else clearPaint();
  }, [open, matches, current, editor]);
  useEffect(() => clearPaint, []);

  const go = (delta: number) => {
    const found = matches.length ? matches : search(query);
    if (found.length === 0) {
      setStatus(t('editor.find.none'));
      return;
    }
    const next = (((current < 0 && delta < 0 ? 0 : current) + delta) % found.length + found.length) % found.length;
    setCurrent(next);
    setStatus('');
    const match = found[next]!;
    editor.update(() => $selectMatch(match));
    editor.getElementByKey(match.blockKey)?.scrollIntoView({ block: 'center', behavior: 'auto' });
  };

  const replaceOne = () => {
    let replaced = false;
    editor.update(() => {
      replaced = $replaceSelected(query, replacement);
    });
    if (!replaced) return go(1);
    setTimeout(() => {
      const found = search(query);
      if (found.length > 0) go(0);
    }, 0);
  };

  const replaceAll = () => {
    let count = 0;
    editor.update(() => {
      count = $replaceAll(query, replacement);
    });
    setStatus(t('editor.find.replaced', { n: count }));
    setTimeout(() => search(query), 0);
  };

  const close = () => {
    setOpen(false);
    setStatus('');
    editor.focus();
  };

  if (!open) return null;
  return (
    <div className="gw-find" role="search" aria-label={t('editor.find.title')}>
      <input
        ref={queryRef}
        type="search"
        aria-label={t('editor.find.query')}
        placeholder={t('editor.find.query')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') close();
        }}
      />
      <span className="gw-find-count" aria-live="polite">
        {query ? t('editor.find.count', { current: current >= 0 ? current + 1 : 0, total: matches.length }) : ''}
      </span>
      <button type="button" onClick={() => go(-1)} aria-label={t('editor.find.previous')} title={t('editor.find.previous')}>
        ↑
      </button>
      <button type="button" onClick={() => go(1)} aria-label={t('editor.find.next')} title={t('editor.find.next')}>
        ↓
      </button>
      <input
        ref={replaceRef}
        type="text"
        aria-label={t('editor.find.replacement')}
        placeholder={t('editor.find.replacement')}
        value={replacement}
        onChange={(e) => setReplacement(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            replaceOne();
          } else if (e.key === 'Escape') close();
        }}
      />
      <button type="button" onClick={replaceOne} disabled={!query}>
        {t('editor.find.replace')}
      </button>
      <button type="button" onClick={replaceAll} disabled={!query}>
        {t('editor.find.replaceAll')}
      </button>
      <span className="gw-find-status" role="status">
        {status}
      </span>
      <button type="button" className="gw-find-close" onClick={close} aria-label={t('editor.find.close')} title={t('editor.find.close')}>
        ×
      </button>
    </div>
  );
}

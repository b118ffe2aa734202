/**
 * The outline on the left: every heading with its number as shown; a click moves the
 * caret to the heading and scrolls it into view. Read again only after an update that
 * touched a heading (registerHeadingWatch), once typing pauses.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import { $readHeadings, registerHeadingWatch, type HeadingEntry } from '../../heading-index';

const FLASH_MS = 1200;

/** Caret to the start of a top-level block, scrolled into view and briefly highlighted. */
export function revealBlock(editor: LexicalEditor, key: NodeKey): void {
  editor.update(
    () => {
      const node = $getNodeByKey(key);
      if (node && 'selectStart' in node && typeof node.selectStart === 'function') node.selectStart();
    },
    {
      onUpdate: () => {
        const dom = editor.getElementByKey(key);
        if (!dom) return;
        dom.scrollIntoView({ block: 'center', behavior: 'auto' });
        dom.classList.add('gw-flash');
        setTimeout(() => dom.classList.remove('gw-flash'), FLASH_MS);
        editor.focus(undefined, { defaultSelection: 'rootStart' });
      },
    },
  );
}

function sameHeadings(a: HeadingEntry[], b: HeadingEntry[]): boolean {
  return a.length === b.length && a.every((h, i) => h.key === b[i]!.key && h.label === b[i]!.label && h.text === b[i]!.text && h.level === b[i]!.level);
}

export function OutlinePlugin() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [headings, setHeadings] = useState<HeadingEntry[]>([]);
  useEffect(() => {
    const read = () => {
      const next = editor.getEditorState().read(() => $readHeadings());
      setHeadings((prev) => (sameHeadings(prev, next) ? prev : next));
    };
    read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Only an update that touched a heading can change the outline.
    const off = registerHeadingWatch(editor, () => {
      clearTimeout(timer);
      timer = setTimeout(read, 150);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor]);
  return (
    <nav className="gw-outline" aria-label={t('editor.outline.title')}>
      <h2>{t('editor.outline.title')}</h2>
      {headings.length === 0 ? <p className="gw-outline-empty">{t('editor.outline.empty')}</p> : null}
      <ul>
        {headings.map((h) => (
          <li key={h.key} className={`gw-outline-l${h.level}`}>
            <button type="button" onClick={() => revealBlock(editor, h.key)}>
              <span className="gw-outline-label">{h.label}</span>
              {h.text}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

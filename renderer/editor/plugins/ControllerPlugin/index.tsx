/**
 * The EditorController handed to the screen (check panel jumps, quick fixes, restore).
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import type { GongwenDocument, ReportHeader } from '../../../../shared/model';
import { $replaceBody } from '../../bridge';
import { $selectBlockRange } from '../../select-range';
import { revealBlock } from '../OutlinePlugin';
import { OPEN_FIND_COMMAND } from '../FindReplacePlugin';
import { ZOOM_DEFAULT, ZOOM_IN_COMMAND, ZOOM_OUT_COMMAND, ZOOM_SET_COMMAND } from '../ZoomPlugin';

export interface EditorController {
  /** Index into toBlocks(doc.body): scroll into view, caret there, highlighted briefly. */
  jumpToBlock(index: number): void;
  /** Selects exactly [start, end) of the block's text (a finding's place), scrolled to the middle of the view. */
  selectInBlock(index: number, start: number, end: number): void;
  /** Focus a header field; with a range (a finding's place in the field's value), select exactly that. */
  jumpToField(field: keyof ReportHeader, range?: { start: number; end: number }): void;
  /** Replace header and body; the body change is one undo step. */
  replaceDocument(document: GongwenDocument): void;
  getDocument(): GongwenDocument;
  /** The menu's 查找 and zoom items: the same commands as the page's own keys. */
  command(name: 'find' | 'zoom-in' | 'zoom-out' | 'zoom-reset'): void;
}

/** The nearest ancestor that scrolls. */
function scroller(el: HTMLElement): HTMLElement | null {
  for (let e: HTMLElement | null = el.parentElement; e; e = e.parentElement) {
    const { overflowY } = getComputedStyle(e);
    if ((overflowY === 'auto' || overflowY === 'scroll') && e.scrollHeight > e.clientHeight) return e;
  }
  return null;
}

/** Puts the DOM selection (not just its paragraph: a paragraph may run over two sheets) in the middle of the view. */
function scrollSelectionIntoView(fallback: HTMLElement | null): void {
  const sel = window.getSelection();
  const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
  const rect = range?.getBoundingClientRect();
  const anchor = fallback ?? (range?.startContainer.parentElement as HTMLElement | null) ?? null;
  if (!anchor) return;
  const box = scroller(anchor);
  if (!rect || (rect.width === 0 && rect.height === 0) || !box) {
    anchor.scrollIntoView({ block: 'center', behavior: 'auto' });
    return;
  }
  const view = box.getBoundingClientRect();
  box.scrollTop += rect.top + rect.height / 2 - (view.top + box.clientHeight / 2);
}

export interface ControllerPluginProps {
  onReady?: (controller: EditorController) => void;
  getDocument: () => GongwenDocument;
  setHeader: (header: ReportHeader) => void;
  /** The 报告年度 as the replacing document has it. */
  setYear: (year: Pick<GongwenDocument, 'reportYear' | 'reportYearFixed'>) => void;
  focusField: (field: keyof ReportHeader, range?: { start: number; end: number }) => void;
}

export function ControllerPlugin({ onReady, getDocument, setHeader, setYear, focusField }: ControllerPluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!onReady) return;
    onReady({
      jumpToBlock(index) {
        const key = editor.getEditorState().read(() => $getRoot().getChildAtIndex(index)?.getKey() ?? null);
        if (key !== null) revealBlock(editor, key);
      },
      selectInBlock(index, start, end) {
        let key: string | null = null;
        let blockKey: string | null = null;
        editor.update(
          () => {
            const block = $getRoot().getChildAtIndex(index);
            if (!block) return;
            blockKey = block.getKey();
            key = $selectBlockRange(block, start, end);
          },
          {
            onUpdate: () => {
              if (key === null) {
                if (blockKey !== null) revealBlock(editor, blockKey);
                return;
              }
              editor.focus(() => scrollSelectionIntoView(editor.getElementByKey(key!)), { defaultSelection: 'rootStart' });
            },
          },
        );
      },
      jumpToField: focusField,
      replaceDocument(document) {
        editor.update(() => $replaceBody(document.body));
        setYear(document);
        setHeader(document.header);
      },
      getDocument,
      command(name) {
        if (name === 'find') editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
        else if (name === 'zoom-in') editor.dispatchCommand(ZOOM_IN_COMMAND, undefined);
        else if (name === 'zoom-out') editor.dispatchCommand(ZOOM_OUT_COMMAND, undefined);
        else editor.dispatchCommand(ZOOM_SET_COMMAND, ZOOM_DEFAULT);
      },
    });
  }, [editor, onReady, getDocument, setHeader, setYear, focusField]);
  return null;
}

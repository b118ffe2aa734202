/**
 * Page zoom, 50–200 %: Ctrl+= / Ctrl+- / Ctrl+0 and the toolbar. The zoom scales the page
 * view only (CSS `zoom` on the sheet), not the interface around it, and is not saved in
 * the document.
 */
import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR, createCommand } from 'lexical';

export const ZOOM_MIN = 50;
export const ZOOM_MAX = 200;
export const ZOOM_STEP = 10;
export const ZOOM_DEFAULT = 100;

export const ZOOM_IN_COMMAND = createCommand<void>('ZOOM_IN_COMMAND');
export const ZOOM_OUT_COMMAND = createCommand<void>('ZOOM_OUT_COMMAND');
export const ZOOM_SET_COMMAND = createCommand<number>('ZOOM_SET_COMMAND');

export function clampZoom(percent: number): number {
  if (!Number.isFinite(percent)) return ZOOM_DEFAULT;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(percent)));
}

export function ZoomPlugin({ zoom, onZoom }: { zoom: number; onZoom: (percent: number) => void }): null {
  const [editor] = useLexicalComposerContext();
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  useEffect(() => {
    const set = (percent: number) => {
      onZoom(clampZoom(percent));
      return true;
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key === '=' || event.key === '+') editor.dispatchCommand(ZOOM_IN_COMMAND, undefined);
      else if (event.key === '-' || event.key === '_') editor.dispatchCommand(ZOOM_OUT_COMMAND, undefined);
      else if (event.key === '0') editor.dispatchCommand(ZOOM_SET_COMMAND, ZOOM_DEFAULT);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return mergeRegister(
      () => window.removeEventListener('keydown', onKey),
      editor.registerCommand(ZOOM_IN_COMMAND, () => set(zoomRef.current + ZOOM_STEP), COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(ZOOM_OUT_COMMAND, () => set(zoomRef.current - ZOOM_STEP), COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(ZOOM_SET_COMMAND, (percent) => set(percent), COMMAND_PRIORITY_EDITOR),
    );
  }, [editor, onZoom]);
  return null;
}

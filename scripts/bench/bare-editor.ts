/**
 * The baseline of scripts/bench-editor.mjs: a bare Lexical rich-text editor (no React, no
 * plugins beyond rich text itself) laid out like our page column, loaded with the same
 * text. Bundled by the bench script into a temporary folder; never part of the app.
 */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';

declare global {
  interface Window {
    loadBare(paragraphs: string[]): void;
  }
}

const root = document.getElementById('editor')!;
const editor = createEditor({ namespace: 'bare', onError: (e) => console.error(e) });
editor.setRootElement(root);
registerRichText(editor);
window.loadBare = (paragraphs) => {
  editor.update(
    () => {
      const r = $getRoot();
      r.clear();
      for (const text of paragraphs) r.append($createParagraphNode().append($createTextNode(text)));
      r.getLastChild()?.selectEnd();
    },
    { discrete: true },
  );
};

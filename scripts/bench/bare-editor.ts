/**
 * The baseline of scripts/bench-editor.mjs: a bare Lexical rich-text editor (no React, no
 * plugins beyond rich text itself, and @lexical/table's own plugin for the table row) laid
 * out like our page column, loaded with the same text. Bundled by the bench script into a
 * temporary folder; never part of the app.
 */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
  registerTableCellUnmergeTransform,
  registerTablePlugin,
  registerTableSelectionObserver,
} from '@lexical/table';

declare global {
  interface Window {
    loadBare(paragraphs: string[]): void;
    /** Paragraphs with a table (rows of cell texts, the first row the header) after the `at`-th one. */
    loadBareTable(paragraphs: string[], rows: string[][], at: number): void;
  }
}

const root = document.getElementById('editor')!;
const editor = createEditor({
  namespace: 'bare',
  nodes: [TableNode, TableRowNode, TableCellNode],
  theme: { table: 'bt', tableCell: 'btd', tableCellHeader: 'bth' },
  onError: (e) => console.error(e),
});
editor.setRootElement(root);
registerRichText(editor);
registerTablePlugin(editor);
registerTableSelectionObserver(editor, true);
registerTableCellUnmergeTransform(editor);

const paragraph = (text: string) => $createParagraphNode().append($createTextNode(text));

window.loadBare = (paragraphs) => {
  editor.update(
    () => {
      const r = $getRoot();
      r.clear();
      for (const text of paragraphs) r.append(paragraph(text));
      r.getLastChild()?.selectEnd();
    },
    { discrete: true },
  );
};

window.loadBareTable = (paragraphs, rows, at) => {
  editor.update(
    () => {
      const r = $getRoot();
      r.clear();
      paragraphs.forEach((text, i) => {
        r.append(paragraph(text));
        if (i !== at) return;
        const table = $createTableNode();
        rows.forEach((cells, ri) => {
          const row = $createTableRowNode();
          for (const text of cells) row.append($createTableCellNode(ri === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS).append(paragraph(text)));
          table.append(row);
        });
        r.append(table);
      });
      r.getLastChild()?.selectEnd();
    },
    { discrete: true },
  );
};

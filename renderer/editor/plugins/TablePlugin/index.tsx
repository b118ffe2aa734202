/**
 * Tables: @lexical/table's nodes and plugin (cell editing, Tab / arrow navigation between
 * cells, cell selection, merge), and the toolbar's table tools. Only what reaches the .docx
 * stays on a cell (shared/model/normalize.ts): a header-row flag and spans — no colours, no
 * widths, no header column. The transform runs on the cells an update touched only.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $getTableCellNodeFromLexicalNode,
  $getTableNodeFromLexicalNodeOrThrow,
  $getTableRowIndexFromTableCellNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableSelection,
  $mergeCells,
  $setTableRowIsHeader,
  $unmergeCell,
  INSERT_TABLE_COMMAND,
  TableCellHeaderStates,
  TableCellNode,
} from '@lexical/table';
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';

/** Largest table the insert form makes (a report table is seldom wider than 8 columns). */
export const MAX_INSERT_ROWS = 50;
export const MAX_INSERT_COLUMNS = 12;

export function registerTableCellCleanup(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TableCellNode, (cell) => {
    if (cell.getBackgroundColor() !== null) cell.setBackgroundColor(null);
    if (cell.getWidth() !== undefined) cell.setWidth(undefined);
    if ((cell.getHeaderStyles() & TableCellHeaderStates.COLUMN) !== 0) cell.setHeaderStyles(cell.getHeaderStyles() & TableCellHeaderStates.ROW);
  });
}

export function GwTablePlugin(): ReactElement {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTableCellCleanup(editor), [editor]);
  return <TablePlugin hasCellMerge hasTabHandler hasCellBackgroundColor={false} hasNestedTables={false} hasHorizontalScroll={false} />;
}

/** The cell holding the caret (or the anchor of a cell selection), or null. */
function $currentCell(): TableCellNode | null {
  const selection = $getSelection();
  if ($isRangeSelection(selection) || $isTableSelection(selection)) return $getTableCellNodeFromLexicalNode(selection.anchor.getNode());
  return null;
}

export function $insertTable(editor: LexicalEditor, rows: number, columns: number): void {
  editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: String(rows), columns: String(columns), includeHeaders: { rows: true, columns: false } });
}

export function $toggleHeaderRow(): void {
  const cell = $currentCell();
  if (!cell) return;
  const table = $getTableNodeFromLexicalNodeOrThrow(cell);
  $setTableRowIsHeader(table, $getTableRowIndexFromTableCellNode(cell), (cell.getHeaderStyles() & TableCellHeaderStates.ROW) === 0);
}

export function $mergeSelectedCells(): void {
  const selection = $getSelection();
  if (!$isTableSelection(selection)) return;
  const cells = selection.getNodes().filter($isTableCellNode);
  if (cells.length > 1) $mergeCells(cells);
}

/** The toolbar's table tools: insert (rows × columns) anywhere; row, column, merge and header tools inside a table. */
export function TableTools(): ReactElement {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [inTable, setInTable] = useState(false);
  const [canMerge, setCanMerge] = useState(false);
  const [formOpen, setFormOpen] = useState(false);
  const [rows, setRows] = useState(3);
  const [columns, setColumns] = useState(3);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          setInTable($currentCell() !== null);
          const selection = $getSelection();
          setCanMerge($isTableSelection(selection) && selection.getNodes().filter($isTableCellNode).length > 1);
        }),
      ),
    [editor],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = Math.min(MAX_INSERT_ROWS, Math.max(1, Math.floor(rows) || 1));
    const c = Math.min(MAX_INSERT_COLUMNS, Math.max(1, Math.floor(columns) || 1));
    setFormOpen(false);
    editor.focus(() => editor.update(() => $insertTable(editor, r, c)));
  };
  const act = (fn: () => void) => () => editor.update(fn);

  return (
    <span className="gw-table-tools">
      <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen((v) => !v)} title={t('editor.table.insertHint')}>
        {t('editor.table.insert')}
      </button>
      {formOpen ? (
        <form className="gw-table-form" onSubmit={submit} aria-label={t('editor.table.insert')}>
          <label>
            {t('editor.table.rows')}
            <input type="number" min={1} max={MAX_INSERT_ROWS} value={rows} onChange={(e) => setRows(Number(e.target.value))} />
          </label>
          <label>
            {t('editor.table.columns')}
            <input type="number" min={1} max={MAX_INSERT_COLUMNS} value={columns} onChange={(e) => setColumns(Number(e.target.value))} />
          </label>
          <button type="submit">{t('editor.table.insertConfirm')}</button>
        </form>
      ) : null}
      {inTable ? (
        <>
          <button type="button" onClick={act(() => $insertTableRowAtSelection(true))}>{t('editor.table.addRow')}</button>
          <button type="button" onClick={act(() => $insertTableColumnAtSelection(true))}>{t('editor.table.addColumn')}</button>
          <button type="button" onClick={act(() => $deleteTableRowAtSelection())}>{t('editor.table.deleteRow')}</button>
          <button type="button" onClick={act(() => $deleteTableColumnAtSelection())}>{t('editor.table.deleteColumn')}</button>
          <button type="button" disabled={!canMerge} onClick={act($mergeSelectedCells)} title={t('editor.table.mergeHint')}>{t('editor.table.merge')}</button>
          <button type="button" onClick={act(() => $unmergeCell())}>{t('editor.table.unmerge')}</button>
          <button type="button" onClick={act($toggleHeaderRow)} title={t('editor.table.headerRowHint')}>{t('editor.table.headerRow')}</button>
        </>
      ) : null}
    </span>
  );
}

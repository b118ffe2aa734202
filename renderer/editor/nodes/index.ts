/**
 * The one list of node classes, shared by the composer (ReportEditor) and the headless
 * editor (bridge tests, anything that converts bodies outside the DOM). ParagraphNode,
 * TextNode and LineBreakNode are Lexical's own and always registered.
 */
import type { Klass, LexicalNode } from 'lexical';
import { GwGuidanceNode } from './GwGuidanceNode';
import { GwHeadingNode } from './GwHeadingNode';
import { GwRunInNode } from './GwRunInNode';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';

/** Tables are @lexical/table's own nodes (JSON typed in shared/model/lexical-json.ts). */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [GwHeadingNode, GwRunInNode, GwGuidanceNode, TableNode, TableRowNode, TableCellNode];

export * from './GwHeadingNode';
export * from './GwRunInNode';
export * from './GwGuidanceNode';

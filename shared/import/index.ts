export { importText, importMarkdown, parseReportLines, toDocument, type ImportOptions, type ParsedReport } from './text';
export { importHtml, htmlToLines, decodeEntities } from './html';
export { toSourceLine, splitLines, type SourceLine } from './source-line';
export { matchHeadingLabel, isDocNumber, isDateLine, firstYear, type HeadingLabelMatch } from './patterns';

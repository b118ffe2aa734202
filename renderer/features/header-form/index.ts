export { PageHeader } from './PageHeader';
export { PageClosing, PageColophon } from './PageClosing';
export { HeaderMorePanel } from './HeaderMorePanel';
export { DraftField } from './DraftField';
export * from './field-format';
export type { FieldRegistrar, HeaderUpdate } from './types';
export { ReportYearField } from './ReportYearField';

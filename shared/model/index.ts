export * from './document';
export * from './blocks';
export * from './lexical-json';
export * from './numbering';
export * from './migrate';
export * from './normalize';
export * from './approvals';
export * from './report-year';

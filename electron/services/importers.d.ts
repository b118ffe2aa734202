// Types for the worker-only importers (import-legacy.ts, import-pdf.ts).
// word-extractor ships no types; these are the parts import-legacy.ts uses.
declare module 'word-extractor' {
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<{ getBody(options?: { filterUnicode?: boolean }): string }>;
  }
}
declare module 'word-extractor/lib/ole-allocation-table' {
  const AllocationTable: { prototype: { _table: number[]; getSecIdChain(start: number): number[] } };
  export default AllocationTable;
}
// pdf.js's worker module ships no types; import-pdf.ts only hands it to pdf.js (globalThis.pdfjsWorker).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

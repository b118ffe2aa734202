/**
 * The PDF importer inside the import worker, compiled only when a PDF comes in. pdf.js and the
 * Chinese CMaps are three quarters of the importers (2 of 2.8 MB): in the worker's own bundle
 * they were compiled at every worker start, for a .docx or a .gwdraft too. They are a bundle of
 * their own (dist/import-pdf.cjs, built from ./import-pdf); the caller hands its code to the
 * worker with a PDF job (import-bounded.ts), and this module runs it once.
 *
 * In the worker bundle, import-service's `import('./import-pdf')` resolves here
 * (scripts/import-pdf-apart.cjs). The PDF bundle's own `./import-service` is this worker's:
 * one ImportError class, so refusals keep their code and message.
 */
import { runInThisContext } from 'node:vm';
import { createRequire } from 'node:module';
import type { GongwenDocument } from '../../shared/model/document';
import * as importService from './import-service';

type PdfImporter = typeof import('./import-pdf');

let code: string | undefined;
let loaded: PdfImporter | undefined;

/** The PDF bundle's source, handed over with a PDF job (kept; compiled on first use). */
export function providePdfCode(source: string): void {
  code ??= source;
}

function load(): PdfImporter {
  if (loaded) return loaded;
  if (code === undefined) throw new Error('the PDF importer was not handed to the import worker');
  const base = typeof require === 'function' ? require : createRequire(`${process.cwd()}/`);
  const module = { exports: {} as PdfImporter };
  const run = runInThisContext(`(function (exports, require, module) {${code}\n})`, { filename: 'import-pdf.cjs' }) as (e: unknown, r: (id: string) => unknown, m: typeof module) => void;
  run(module.exports, (id) => (id === './import-service' ? importService : base(id)), module);
  loaded = module.exports;
  return loaded;
}

export function importPdfBytes(name: string, bytes: Uint8Array, today: string): Promise<GongwenDocument> {
  return load().importPdfBytes(name, bytes, today);
}

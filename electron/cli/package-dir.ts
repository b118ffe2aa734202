/**
 * Where templates/ lives: the package root, found by walking up from this file — which is
 * electron/cli/ in the sources (tests) and dist/ in the esbuild bundle.
 */
import path from 'node:path';
import { findPackageRoot } from '../services/package-root';

export function defaultTemplatesDir(): string {
  const starts = [typeof __dirname === 'string' ? __dirname : '', process.argv[1] ? path.dirname(process.argv[1]) : '', process.cwd()].filter(Boolean);
  for (const start of starts) {
    try {
      return path.join(findPackageRoot(start), 'templates');
    } catch {
      // try the next place
    }
  }
  return path.join(process.cwd(), 'templates');
}

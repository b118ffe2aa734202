/**
 * Whether two check reports read the same, by value. The worker sends a fresh report object
 * for every live check; most keystrokes change no finding, and a report that reads the same
 * must not re-render the screen, the check panel and the counts (a second frame per key).
 */
import type { CheckReport } from '../../../shared/checks';

/** Structural equality of JSON-like data (what a report is: it crosses postMessage). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export function sameReport(a: CheckReport | null, b: CheckReport | null): boolean {
  return sameValue(a, b);
}

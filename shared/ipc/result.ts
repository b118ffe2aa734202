/**
 * What every IPC channel and service answers: a value, or an error with a stable code and an
 * i18n key. Apart from ./contract (which builds every channel's zod schema when loaded), so a
 * service that only answers — the export service in `gongwen export` — loads no schema.
 */

export interface AppError {
  /** Stable machine code, e.g. "invalid-payload", "draft-not-found", "export-blocked". */
  code: string;
  /** i18n key under `errors.` plus values for interpolation. */
  messageKey: string;
  values?: Record<string, string | number>;
  /** Extra detail for the user (e.g. the list of blocking findings' messages). */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function fail(code: string, messageKey: string, values?: AppError['values'], details?: string[]): { ok: false; error: AppError } {
  return { ok: false, error: { code, messageKey, ...(values ? { values } : {}), ...(details ? { details } : {}) } };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

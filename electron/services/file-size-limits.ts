/**
 * The largest file of each kind read from outside (import, open, the command line): a wrong
 * file is stopped before it is read. Here on their own, with no imports, so a caller that only
 * needs a cap (the CLI's main thread) does not load the draft format and its schemas.
 */

/** Text over this is not a report (a report is ~20–60 KB). */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
/** A .docx (or .doc, .wps, PDF) may carry photos. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** The largest .gwdraft accepted from outside (import, open): generous for a report, stops a wrong file early. */
export const MAX_DRAFT_BYTES = 50 * 1024 * 1024;

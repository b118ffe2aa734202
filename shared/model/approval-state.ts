/**
 * Whether a sign-off or a secrecy review is still for the text as it is: the fingerprint of the
 * text (`documentFingerprint`) and the stale state. No zod here (the schemas of the record are in
 * ./approvals): the checks engine needs only this, and building the schemas at start-up was a
 * good part of a command-line check's time.
 */
import type { GongwenDocument } from './document';
import type { SecrecyReview, SignOff } from './approvals';
import { toBlocks } from './lexical-json';

/** cyrb53 (public domain): a fast 53-bit string hash; two seeds give 106 bits. Not a signature: it tells a change. */
function cyrb53(s: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The fingerprint of what a leader signs and a reviewer reads: every header field's text and
 * the body's blocks (text, headings, tables, 加粗). Not in it: the approvals themselves, and the
 * red-header and seal switches (which version is printed is not a change of the text).
 */
export function documentFingerprint(doc: GongwenDocument): string {
  const { redHeader: _r, withSeal: _s, ...text } = doc.header;
  const canonical = JSON.stringify([doc.kind, doc.reportYear, Object.entries(text).sort(([a], [b]) => (a < b ? -1 : 1)), toBlocks(doc.body)]);
  return cyrb53(canonical, 1) + cyrb53(canonical, 2);
}

export interface ApprovalState {
  signOff: SignOff | null;
  /** The text changed since the sign-off. */
  signOffStale: boolean;
  secrecyReview: SecrecyReview | null;
  secrecyReviewStale: boolean;
}

export function approvalState(doc: GongwenDocument, fp?: string): ApprovalState {
  const a = doc.approvals;
  const signOff = a?.signOff ?? null;
  const secrecyReview = a?.secrecyReview ?? null;
  // The fingerprint only when there is a record to compare it with: most documents have none, and
  // hashing the whole text on every check was a good part of a command-line check (start-up).
  const current = signOff !== null || secrecyReview !== null ? (fp ?? documentFingerprint(doc)) : '';
  return { signOff, signOffStale: signOff !== null && signOff.fingerprint !== current, secrecyReview, secrecyReviewStale: secrecyReview !== null && secrecyReview.fingerprint !== current };
}

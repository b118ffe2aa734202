/**
 * The approvals record: the fingerprint tells a changed text, a record is stale after an edit,
 * every way in validates it (zod for IPC, the stored-document normaliser keeps what is valid),
 * older drafts without one still load, and the checks see a stale sign-off and the 保密审查.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/engine';
import { documentSchema } from '../../../shared/ipc/schemas';
import { channels } from '../../../shared/ipc/contract';
import { approvalState, documentFingerprint, sanitizeApprovals, withHistory, type Approvals, type SecrecyReview, type SignOff } from '../../../shared/model/approvals';
import { migrateDocument } from '../../../shared/model/migrate';
import { docOf, FAZHI, goodBlocks, p, TODAY } from '../checks/helpers';

const base = docOf(goodBlocks(), { title: '××镇关于2023年度法治政府建设情况的报告', recipient: '县委、县政府', date: '2024年1月15日' });

function signOffFor(doc = base, extra: Partial<SignOff> = {}): SignOff {
  return { name: '王建国', role: '镇长', date: '2024-01-16', recordedAt: '2024-01-16T02:00:00.000Z', fingerprint: documentFingerprint(doc), revisionId: '20240116T020000000Z-signoff', ...extra };
}
function reviewFor(doc = base, extra: Partial<SecrecyReview> = {}): SecrecyReview {
  return { reviewer: '李保密', date: '2024-01-17', conclusion: 'publish', note: '', recordedAt: '2024-01-17T02:00:00.000Z', fingerprint: documentFingerprint(doc), ...extra };
}
const withApprovals = (doc: typeof base, approvals: Approvals) => ({ ...doc, approvals });
const edited = (doc: typeof base) => docOf([...goodBlocks(), p('补充一句。')], doc.header);

describe('documentFingerprint', () => {
  it('changes with the body text, a header field or 加粗, not with the red-header or seal switch or the approvals', () => {
    const fp = documentFingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{28}$/);
    expect(documentFingerprint(edited(base))).not.toBe(fp);
    expect(documentFingerprint({ ...base, header: { ...base.header, recipient: '县政府' } })).not.toBe(fp);
    const bold = docOf(goodBlocks().map((b, i) => (i === 0 && b.type === 'paragraph' ? { ...b, runs: [{ text: b.text, bold: true }] } : b)), base.header);
    expect(documentFingerprint(bold)).not.toBe(fp);
    expect(documentFingerprint({ ...base, header: { ...base.header, redHeader: !base.header.redHeader, withSeal: !base.header.withSeal } })).toBe(fp);
    expect(documentFingerprint(withApprovals(base, { signOff: signOffFor(), secrecyReview: null, history: [] }))).toBe(fp);
  });

  it('one character changed anywhere in a long body changes it (every position of a 2,000-character paragraph)', () => {
    const text = '坚持依法行政，严格规范公正文明执法。'.repeat(110);
    const fps = new Set<string>();
    for (let i = 0; i < text.length; i += 37) fps.add(documentFingerprint(docOf([p(text.slice(0, i) + '甲' + text.slice(i + 1))], base.header)));
    fps.add(documentFingerprint(docOf([p(text)], base.header)));
    expect(fps.size).toBe(Math.ceil(text.length / 37) + 1);
  });
});

describe('approval state and the checks', () => {
  it('a sign-off is current for the signed text and stale after an edit; the check warns then', () => {
    const signed = withApprovals(base, { signOff: signOffFor(), secrecyReview: null, history: [] });
    expect(approvalState(signed).signOffStale).toBe(false);
    const ctx = { today: TODAY, ruleset: FAZHI, guidanceTexts: [] };
    expect(runChecks(signed, ctx).findings.map((f) => f.rule)).not.toContain('approval.signOffStale');
    const later = { ...edited(base), approvals: signed.approvals };
    expect(approvalState(later).signOffStale).toBe(true);
    const stale = runChecks(later, ctx).findings.find((f) => f.rule === 'approval.signOffStale')!;
    expect(stale).toMatchObject({ severity: 'warning', source: '实务', values: { name: '王建国', date: '2024-01-16' } });
    // An unsigned draft has nothing to be stale.
    expect(runChecks(edited(base), ctx).findings.map((f) => f.rule)).not.toContain('approval.signOffStale');
  });

  it('a document with no record is not fingerprinted (its text is not read: no hashing of the whole report on every check)', () => {
    const unread = Object.defineProperty({ ...base, approvals: undefined }, 'body', {
      get() {
        throw new Error('the body was read');
      },
    });
    expect(approvalState(unread)).toEqual({ signOff: null, signOffStale: false, secrecyReview: null, secrecyReviewStale: false });
    // with a record, the text is compared as before
    const signed = withApprovals(base, { signOff: signOffFor(), secrecyReview: null, history: [] });
    expect(() => approvalState(Object.defineProperty({ ...signed }, 'body', { get: () => { throw new Error('the body was read'); } }))).toThrow('the body was read');
  });

  it('public.secrecyReview: none → hint, for an older text → warning, 不予公开 → error; the official version is not screened', () => {
    const ctx = { today: TODAY, ruleset: FAZHI, guidanceTexts: [], public: { allowedPhones: [] } };
    const find = (doc: typeof base) => runChecks(doc, ctx).findings.find((f) => f.rule === 'public.secrecyReview');
    expect(find(base)).toMatchObject({ severity: 'hint', source: '条例', basisRef: 'checks.basisRef.publicReview' });
    expect(find(withApprovals(base, { signOff: null, secrecyReview: reviewFor(), history: [] }))).toBeUndefined();
    expect(find({ ...edited(base), approvals: { signOff: null, secrecyReview: reviewFor(), history: [] } })).toMatchObject({ severity: 'warning' });
    const withheld = withApprovals(base, { signOff: null, secrecyReview: reviewFor(base, { conclusion: 'withhold' }), history: [] });
    expect(find(withheld)).toMatchObject({ severity: 'error', values: { reviewer: '李保密' } });
    expect(runChecks(withheld, { ...ctx, public: null }).findings.map((f) => f.rule)).not.toContain('public.secrecyReview');
  });
});

describe('every way in validates the record', () => {
  const good: Approvals = withHistory(undefined, { type: 'signOff', ...signOffFor() }, { signOff: signOffFor(), secrecyReview: reviewFor() });

  it('IPC (documentSchema, drafts:approve) accepts a good record and refuses a bad one', () => {
    expect(documentSchema.safeParse(withApprovals(base, good)).success).toBe(true);
    expect(documentSchema.safeParse(base).success).toBe(true);
    const bad = [
      { ...good, signOff: { ...good.signOff!, name: '' } },
      { ...good, signOff: { ...good.signOff!, fingerprint: 'not hex!' } },
      { ...good, secrecyReview: { ...good.secrecyReview!, conclusion: 'maybe' } },
      { ...good, history: [{ type: 'deleted-everything' }] },
      { ...good, history: Array.from({ length: 501 }, () => good.history[0]) },
      { ...good, extra: 1 },
      { ...good, signOff: { ...good.signOff!, date: '2024年1月16日' } },
    ];
    for (const approvals of bad) expect(documentSchema.safeParse({ ...base, approvals }).success, JSON.stringify(approvals).slice(0, 120)).toBe(false);
    const approve = channels['drafts:approve'];
    expect(approve.safeParse({ id: 'abcdef12', document: base, approval: { type: 'signOff', name: '王建国', role: '镇长', date: '2024-01-16' } }).success).toBe(true);
    expect(approve.safeParse({ id: 'abcdef12', document: base, approval: { type: 'signOff', name: '王建国', role: '镇长', date: '2024-01-16', fingerprint: '00000000' } }).success).toBe(false);
    expect(approve.safeParse({ id: 'abcdef12', document: base, approval: { type: 'secrecyReview', reviewer: '  ', date: '2024-01-16', conclusion: 'publish', note: '' } }).success).toBe(false);
  });

  it('a stored draft (migrate): a draft without a record loads as before; a damaged part is dropped, not the draft', () => {
    const old = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    const loaded = migrateDocument(old);
    expect(loaded.approvals).toBeUndefined();
    expect(documentSchema.safeParse(loaded).success).toBe(true);
    const damaged = { ...old, approvals: { signOff: { name: 5 }, secrecyReview: reviewFor(), history: [good.history[0], { type: 'x' }, 'junk'] } };
    const kept = migrateDocument(damaged);
    expect(kept.approvals).toEqual({ signOff: null, secrecyReview: reviewFor(), history: [good.history[0]] });
    expect(documentSchema.safeParse(kept).success).toBe(true);
    expect(sanitizeApprovals('nonsense')).toEqual({ signOff: null, secrecyReview: null, history: [] });
  });
});

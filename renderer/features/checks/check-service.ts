/**
 * What the check worker does with each message (./check-worker.ts wires it to the worker's
 * scope; tests drive it directly). A report that reads the same as the last one it sent goes
 * back as `unchanged` only: at 300 pages taking a full report off the channel and comparing
 * it (same-report.ts) cost the main thread ≈ 4 ms per live check, and while the user types
 * most reports read the same.
 */
import { runChecks, type CheckReport, type KindRules } from '../../../shared/checks';
import { createBlockDecoder, type DocumentDelta } from '../../../shared/model/block-delta';
import { sameReport } from './same-report';

/**
 * A check's document comes as a delta against the one posted before (shared/model/block-delta.ts).
 * `forget`: the screen showed a report of its own (检查, the export gate), so the next one is sent
 * whole even if it reads as the last one sent.
 */
export type CheckWorkerRequest = { type: 'rules'; rules: KindRules } | { type: 'check'; id: number; delta: DocumentDelta; today: string } | { type: 'forget' };
export type CheckWorkerReply = { id: number; report: CheckReport } | { id: number; unchanged: true } | { id: number; error: string };

export function createCheckService(post: (reply: CheckWorkerReply) => void): (message: CheckWorkerRequest) => void {
  let rules: KindRules | null = null;
  let lastSent: CheckReport | null = null;
  const decode = createBlockDecoder();
  return (message) => {
    if (message.type === 'rules') {
      rules = message.rules;
      lastSent = null;
      return;
    }
    if (message.type === 'forget') {
      lastSent = null;
      return;
    }
    try {
      // Decoded first, always: the next delta counts on this body.
      const document = decode(message.delta);
      if (!rules) return post({ id: message.id, error: 'no rules' });
      const report = runChecks(document, { today: message.today, ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts });
      if (lastSent !== null && sameReport(lastSent, report)) return post({ id: message.id, unchanged: true });
      lastSent = report;
      post({ id: message.id, report });
    } catch (error) {
      lastSent = null;
      post({ id: message.id, error: String(error) });
    }
  };
}

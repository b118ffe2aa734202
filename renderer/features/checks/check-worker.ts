/**
 * The live check off the main thread: the same engine (shared/checks runChecks) with the
 * rules the renderer received from the Node side (`checks:rules`), posted
 * here by use-checks.ts. Built by Vite as a same-origin file (the CSP allows no blob: worker).
 */
import { runChecks, type KindRules } from '../../../shared/checks';
import { createBlockDecoder, type DocumentDelta } from '../../../shared/model/block-delta';

/** A check's document comes as a delta against the one posted before (shared/model/block-delta.ts). */
export type CheckWorkerRequest = { type: 'rules'; rules: KindRules } | { type: 'check'; id: number; delta: DocumentDelta; today: string };
export type CheckWorkerReply = { id: number; report: ReturnType<typeof runChecks> } | { id: number; error: string };

let rules: KindRules | null = null;
const decode = createBlockDecoder();
const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckWorkerRequest>) => void) | null; postMessage: (reply: CheckWorkerReply) => void };
scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'rules') {
    rules = message.rules;
    return;
  }
  try {
    // Decoded first, always: the next delta counts on this body.
    const document = decode(message.delta);
    if (!rules) return scope.postMessage({ id: message.id, error: 'no rules' });
    scope.postMessage({ id: message.id, report: runChecks(document, { today: message.today, ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts }) });
  } catch (error) {
    scope.postMessage({ id: message.id, error: String(error) });
  }
};

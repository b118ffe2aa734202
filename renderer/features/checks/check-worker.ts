/**
 * The live check off the main thread: the same engine (shared/checks runChecks) with the
 * rules the renderer received from the Node side (`checks:rules`), posted here by
 * use-checks.ts; what it does with each message is ./check-service.ts. Built by Vite as a
 * same-origin file (the CSP allows no blob: worker).
 */
import { createCheckService, type CheckWorkerReply, type CheckWorkerRequest } from './check-service';

export type { CheckWorkerReply, CheckWorkerRequest } from './check-service';

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckWorkerRequest>) => void) | null; postMessage: (reply: CheckWorkerReply) => void };
const handle = createCheckService((reply) => scope.postMessage(reply));
scope.onmessage = (event) => handle(event.data);

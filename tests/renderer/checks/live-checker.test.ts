/**
 * The live check off the main thread gives the report the main thread gives, checks only
 * the latest of the documents that queued up while one was being checked, and never shows
 * a result older than one 检查 produced at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindRulesFrom, type CheckReport } from '../../../shared/checks';
import { importText } from '../../../shared/import/text';
import type { GongwenDocument } from '../../../shared/model';
import { checkNow, createLiveChecker } from '../../../renderer/features/checks/use-checks';
import { createCheckService, type CheckWorkerReply, type CheckWorkerRequest } from '../../../renderer/features/checks/check-service';

const REPO = path.resolve(__dirname, '../../..');
const RULES = kindRulesFrom(
  'fazhi-annual',
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'template.json'), 'utf8')),
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'checks.json'), 'utf8')),
);
const doc = (name: string): GongwenDocument => importText(fs.readFileSync(path.join(REPO, '../shared/fixtures', name), 'utf8'), { today: '2025-03-01' });

/** Stands in for the Worker: keeps what was posted (cloned, as postMessage does) and, when told, hands it to check-worker.ts's own service. */
class FakeWorker {
  onmessage: ((e: MessageEvent<CheckWorkerReply>) => void) | null = null;
  onerror: (() => void) | null = null;
  rules: CheckWorkerRequest | null = null;
  checks: Extract<CheckWorkerRequest, { type: 'check' }>[] = [];
  /** Every message, in order, until answered (a check waits for answer(); the others go at once). */
  private queue: CheckWorkerRequest[] = [];
  /** Blocks copied by each post (what the delta saves). */
  copied: number[] = [];
  /** The replies the service gave, in order. */
  replies: CheckWorkerReply[] = [];
  private readonly service = createCheckService((reply) => {
    const copy = structuredClone(reply);
    this.replies.push(copy);
    this.onmessage?.({ data: copy } as MessageEvent<CheckWorkerReply>);
  });
  postMessage(message: CheckWorkerRequest) {
    const copy = structuredClone(message);
    if (copy.type === 'rules') this.rules = copy;
    if (copy.type === 'check') {
      this.checks.push(copy);
      this.copied.push(copy.delta.blocks.filter((b) => typeof b !== 'number').length);
    }
    this.queue.push(copy);
    this.drain();
  }
  /** Runs the next check waiting (and any other message behind it). */
  answer() {
    const at = this.queue.findIndex((m) => m.type === 'check');
    const [next] = this.queue.splice(at, 1);
    this.checks.shift();
    this.service(next!);
    this.drain();
  }
  /** Messages other than checks are handled as soon as no check is ahead of them. */
  private drain() {
    while (this.queue.length > 0 && this.queue[0]!.type !== 'check') this.service(this.queue.shift()!);
  }
  terminate() {}
}

describe('live checker', () => {
  const a = doc('report-jinlanshan-2022.txt');
  const b = doc('report-chengxi-2024.txt');
  const c = doc('report-zhaishang-2023.txt');

  it('reports what the main thread reports, from the same rules', () => {
    const worker = new FakeWorker();
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), worker as unknown as Worker);
    live.check(a);
    worker.answer();
    expect(reports).toEqual([checkNow(a, RULES)]);
    expect(worker.rules).toEqual({ type: 'rules', rules: RULES });
  });

  it('checks only the latest of the documents that waited', () => {
    const worker = new FakeWorker();
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), worker as unknown as Worker);
    live.check(a);
    live.check(b);
    live.check(c);
    expect(worker.checks).toHaveLength(1);
    worker.answer();
    expect(worker.checks.map((m) => m.delta.document.header.title)).toEqual([c.header.title]);
    worker.answer();
    expect(reports).toEqual([checkNow(a, RULES), checkNow(c, RULES)]);
  });

  it('drops a result asked for before a fresher report was shown', () => {
    const worker = new FakeWorker();
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), worker as unknown as Worker);
    live.check(a);
    live.supersede();
    worker.answer();
    expect(reports).toEqual([]);
    live.check(b);
    worker.answer();
    expect(reports).toEqual([checkNow(b, RULES)]);
  });

  it('a report that reads as the last one sent comes back as unchanged only, and nothing is shown again', () => {
    const worker = new FakeWorker();
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), worker as unknown as Worker);
    live.check(a);
    worker.answer();
    live.check(structuredClone(a));
    worker.answer();
    expect(worker.replies.map((r) => Object.keys(r).sort().join())).toEqual(['id,report', 'id,unchanged']);
    expect(reports).toEqual([checkNow(a, RULES)]);
    // A different document's report is sent whole.
    live.check(b);
    worker.answer();
    expect(reports).toEqual([checkNow(a, RULES), checkNow(b, RULES)]);
  });

  it('after the screen showed a report of its own (supersede), the next report is sent whole even when it reads as the last one sent', () => {
    const worker = new FakeWorker();
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), worker as unknown as Worker);
    live.check(a);
    worker.answer();
    live.supersede();
    live.check(structuredClone(a));
    worker.answer();
    expect(reports).toEqual([checkNow(a, RULES), checkNow(a, RULES)]);
  });

  it('without a worker, checks on the main thread when idle', async () => {
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), null);
    live.check(b);
    expect(reports).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(reports).toEqual([checkNow(b, RULES)]);
  });

  it('posts only the blocks that changed since the last post, and the worker checks the whole document', () => {
    const worker = new FakeWorker();
    const reports: CheckReport[] = [];
    const live = createLiveChecker(RULES, (r) => reports.push(r), worker as unknown as Worker);
    live.check(a);
    worker.answer();
    // The editor's next body: the same block objects but one, which changed, and one added.
    const children = [...a.body.root.children];
    const at = children.findIndex((block) => JSON.stringify(block).includes('"text"'));
    const changed = structuredClone(children[at]!);
    (changed as unknown as { children: { text?: string }[] }).children[0]!.text += '依法行政';
    children[at] = changed;
    children.push(structuredClone(children[at]!));
    const next: GongwenDocument = { ...a, body: { root: { ...a.body.root, children } } };
    // Forget the last report sent, so this one comes back whole to compare (not `unchanged`).
    live.supersede();
    live.check(next);
    worker.answer();
    expect(worker.copied).toEqual([a.body.root.children.length, 2]);
    expect(reports[1]).toEqual(checkNow(next, RULES));
    // A document of new objects throughout (a fix, a restored revision) is posted whole.
    const fresh = structuredClone(next);
    live.check(fresh);
    worker.answer();
    expect(worker.copied[2]).toBe(children.length);
    // Checked whole, its report reads as the last one sent: only `unchanged` comes back.
    expect('unchanged' in worker.replies.at(-1)!).toBe(true);
    expect(reports).toHaveLength(2);
    live.supersede();
    live.check(structuredClone(next));
    worker.answer();
    expect(worker.copied[3]).toBe(children.length);
    expect(reports[2]).toEqual(checkNow(next, RULES));
  });
});

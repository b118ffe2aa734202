/**
 * The live check off the main thread gives the report the main thread gives, checks only
 * the latest of the documents that queued up while one was being checked, and never shows
 * a result older than one 检查 produced at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindRulesFrom, runChecks, type CheckReport } from '../../../shared/checks';
import { importText } from '../../../shared/import/text';
import type { GongwenDocument } from '../../../shared/model';
import { checkNow, createLiveChecker } from '../../../renderer/features/checks/use-checks';
import type { CheckWorkerReply, CheckWorkerRequest } from '../../../renderer/features/checks/check-worker';
import { createBlockDecoder } from '../../../shared/model/block-delta';

const REPO = path.resolve(__dirname, '../../..');
const RULES = kindRulesFrom(
  'fazhi-annual',
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'template.json'), 'utf8')),
  JSON.parse(fs.readFileSync(path.join(REPO, 'templates', 'fazhi-annual', 'checks.json'), 'utf8')),
);
const doc = (name: string): GongwenDocument => importText(fs.readFileSync(path.join(REPO, '../shared/fixtures', name), 'utf8'), { today: '2025-03-01' });

/** Stands in for the Worker: keeps what was posted (cloned, as postMessage does) and answers when told, running the engine as check-worker.ts does. */
class FakeWorker {
  onmessage: ((e: MessageEvent<CheckWorkerReply>) => void) | null = null;
  onerror: (() => void) | null = null;
  rules: CheckWorkerRequest | null = null;
  checks: Extract<CheckWorkerRequest, { type: 'check' }>[] = [];
  /** Blocks copied by each post (what the delta saves). */
  copied: number[] = [];
  private readonly decode = createBlockDecoder();
  postMessage(message: CheckWorkerRequest) {
    const copy = structuredClone(message);
    if (copy.type === 'rules') this.rules = copy;
    else {
      this.checks.push(copy);
      this.copied.push(copy.delta.blocks.filter((b) => typeof b !== 'number').length);
    }
  }
  answer() {
    const next = this.checks.shift()!;
    const rules = this.rules?.type === 'rules' ? this.rules.rules : RULES;
    const report = runChecks(this.decode(next.delta), { today: next.today, ruleset: rules.ruleset, guidanceTexts: rules.guidanceTexts });
    const reply: CheckWorkerReply = structuredClone({ id: next.id, report });
    this.onmessage?.({ data: reply } as MessageEvent<CheckWorkerReply>);
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
    live.check(next);
    worker.answer();
    expect(worker.copied).toEqual([a.body.root.children.length, 2]);
    expect(reports[1]).toEqual(checkNow(next, RULES));
    // A document of new objects throughout (a fix, a restored revision) is posted whole.
    const fresh = structuredClone(next);
    live.check(fresh);
    worker.answer();
    expect(worker.copied[2]).toBe(children.length);
    expect(reports[2]).toEqual(checkNow(fresh, RULES));
  });
});

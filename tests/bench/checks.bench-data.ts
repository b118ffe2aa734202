/**
 * Input for `npm run bench` (the lead's scripts/bench.mjs): a ~30-page annual report
 * (≈ 18,000 characters, 22 lines × 28 characters a page) built from the real fixtures, and
 * the context the app would pass. Measure runChecks on it; the target is ≤ 5 ms.
 */
import { fromBlocks, toBlocks, type GongwenDocument } from '../../shared/model';
import { importText } from '../../shared/import/text';
import { parseRuleset, type CheckContext } from '../../shared/checks';

/** Repeats the measures part of `fixtureText` until the body reaches `chars` characters. */
export function longReport(fixtureText: string, chars = 30 * 22 * 28): GongwenDocument {
  const doc = importText(fixtureText, { today: '2025-03-01' });
  const blocks = toBlocks(doc.body);
  const level1 = blocks.flatMap((b, i) => (b.type === 'heading' && b.level === 1 ? [i] : []));
  const measures = blocks.slice(level1[0] ?? 0, level1[1] ?? blocks.length).filter((b) => !(b.type === 'heading' && b.level === 1));
  const out = blocks.slice(0, level1[1] ?? blocks.length);
  const size = () => out.reduce((n, b) => n + b.text.length + (b.type === 'heading' ? (b.runIn?.length ?? 0) : 0), 0);
  while (size() < chars) out.push(...measures);
  out.push(...blocks.slice(level1[1] ?? blocks.length));
  return { ...doc, body: fromBlocks(out) };
}

export function benchContext(checksJson: unknown, guidanceTexts: string[] = []): CheckContext {
  return { today: '2025-03-01', ruleset: parseRuleset(checksJson), guidanceTexts };
}

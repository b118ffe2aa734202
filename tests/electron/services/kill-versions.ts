/**
 * The versions the kill test's child saves: a pure function of (draft, run, counter), so the
 * parent can re-create any version and check that a file holds exactly one of them.
 */
import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from '../../../shared/model/document';
import { fromBlocks } from '../../../shared/model/lexical-json';
import type { Block } from '../../../shared/model/blocks';

export const KILL_DRAFT_IDS = ['killdraft-0', 'killdraft-1', 'killdraft-2'] as const;

/** mulberry32: tiny, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  '街道坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想。',
  '严格落实重大行政决策程序，对重大决策按程序履行论证和风险评估。',
  '修改各类合同文稿179份，完善合同示范文本11份，提出专业意见200余条。',
  '开展治安巡逻26次、排查化解矛盾纠纷100余起，群众满意率97%。',
  '推行政府法律顾问制度，充分发挥法律顾问在依法决策中的参谋助手作用。',
  '法治宣传教育形式较为单一，针对性和实效性有待进一步提高。',
];

export function versionNote(d: number, run: number, i: number): string {
  return `kill:${d}:${run}:${i}`;
}

export function parseNote(note: string): { d: number; run: number; i: number } | null {
  const m = /^kill:(\d+):(\d+):(\d+)$/.exec(note);
  return m ? { d: Number(m[1]), run: Number(m[2]), i: Number(m[3]) } : null;
}

/** Body of 0.2–2 MB (UTF-8), deterministic. */
export function versionDocument(seed: number, d: number, run: number, i: number): GongwenDocument {
  const rnd = prng(seed * 1_000_003 + d * 7_919 + run * 104_729 + i);
  const targetBytes = 200_000 + Math.floor(rnd() * 1_800_000);
  const blocks: Block[] = [];
  let bytes = 0;
  let n = 0;
  while (bytes < targetBytes) {
    if (n % 25 === 0) {
      const text = `第${n}部分 版本${run}-${i}`;
      blocks.push({ type: 'heading', level: 1, label: null, text, runIn: null });
      bytes += text.length * 3;
    } else {
      let text = `${run}.${i}.${n} `;
      const count = 3 + Math.floor(rnd() * 6);
      for (let k = 0; k < count; k++) text += SENTENCES[Math.floor(rnd() * SENTENCES.length)]!;
      blocks.push({ type: 'paragraph', text });
      bytes += text.length * 3;
    }
    n++;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fazhi-annual',
    reportYear: 2023,
    header: { ...emptyHeader(), title: `压力测试草稿${d}`, note: versionNote(d, run, i) },
    body: fromBlocks(blocks),
  };
}

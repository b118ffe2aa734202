/** Shared by the drafts/settings/import tests: temp data folders and small real-looking documents. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from '../../../shared/model/document';
import { fromBlocks } from '../../../shared/model/lexical-json';
import type { Block } from '../../../shared/model/blocks';
import { expect } from 'vitest';
import { ImportError } from '../../../electron/services/import-service';

export const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

export function tempDir(prefix = 'gw-drafts-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeDocument(title = '金兰山街道关于2022年度法治政府建设情况的报告', blocks?: Block[]): GongwenDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fazhi-annual',
    reportYear: 2022,
    header: { ...emptyHeader(), title, docNumber: '金文〔2023〕5号', issuerLines: ['中共金兰山街道工作委员会文件'], signers: ['张健平', '余志强'], recipient: '县委、县政府', date: '2023年1月15日' },
    body: fromBlocks(
      blocks ?? [
        { type: 'heading', level: 1, label: '一、', text: '2022年度法治政府建设主要举措和成效', runIn: null },
        { type: 'paragraph', text: '今年以来，修改各类合同文稿179份，完善合同示范文本11份，提出专业意见200余条。' },
        { type: 'heading', level: 1, label: '二、', text: '2023年工作计划', runIn: null },
        { type: 'paragraph', text: '认真落实《法治政府建设实施纲要（2021-2025年）》。' },
      ],
    ),
  };
}

/** A body of roughly `bytes` characters of report-like text. */
export function bigDocument(bytes: number, seed = 1): GongwenDocument {
  const blocks: Block[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const text = `第${seed}稿第${i}段：街道坚持依法行政，全年办理行政复议案件${(i * 7) % 97}件，开展普法宣传${i % 13}场次。`.repeat(8);
    blocks.push(i % 10 === 0 ? { type: 'heading', level: 2, label: null, text: `标题${i}`, runIn: null } : { type: 'paragraph', text });
    size += text.length * 3;
    i++;
  }
  return makeDocument(`报告${seed}`, blocks);
}

/** The ImportError a promise rejects with (the test fails when it resolves or throws anything else). */
export async function importRefusal(p: Promise<unknown>): Promise<ImportError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** GB18030/GBK encoder built from the platform decoder (Node has no GBK encoder). */
export function gbkEncode(text: string): Uint8Array {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/**
 * The three real reports as GongwenDocuments, for the layout test, the meter runs and the bench.
 *
 * The body comes from the import helper's `importText` (shared/import/text.ts); a small
 * local reader remains as a fallback. The header fields
 * (文号, 签发人, 署名, 版记) are test data chosen to exercise every 版头 layout: joint
 * issuing with three signers (chengxi), two signers without seal (jinlanshan), one signer
 * with seal (zhaishang).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyHeader, SCHEMA_VERSION, type GongwenDocument, type ReportHeader } from '../../shared/model/document';
import type { Block, HeadingLevel } from '../../shared/model/blocks';
import { fromBlocks, toBlocks } from '../../shared/model/lexical-json';
import { importText } from '../../shared/import/text';

export const FIXTURES_DIR = path.resolve(__dirname, '../../../shared/fixtures');

export interface FixtureSpec {
  file: string;
  /** Lines (after trimming Markdown marks) that belong to the header or title, not the body. */
  headerLines: RegExp[];
  header: Partial<ReportHeader>;
  reportYear: number;
  today: string;
}

export const FIXTURES: Record<string, FixtureSpec> = {
  chengxi: {
    file: 'report-chengxi-2024.txt',
    headerLines: [/^中共黔江区城西街道工作委员会$/, /^黔江区人民政府城西街道办事处$/, /^关于2024年度法治政府建设情况的报告$/],
    reportYear: 2024,
    today: '2025-01-20',
    header: {
      issuerLines: ['中共黔江区城西街道工作委员会', '黔江区人民政府城西街道办事处文件'],
      docNumber: '城西街工委〔2025〕3号',
      signers: ['李明', '王强'],
      title: '中共黔江区城西街道工作委员会\n黔江区人民政府城西街道办事处\n关于2024年度法治政府建设情况的报告',
      recipient: '区委、区政府',
      signingOrgans: ['中共黔江区城西街道工作委员会', '黔江区人民政府城西街道办事处'],
      date: '2025年1月20日',
      note: '联系人：张三，电话：023-79223456',
      cc: '区委依法治区办，区司法局',
      printOrgan: '中共黔江区城西街道工作委员会办公室',
      printDate: '2025年1月20日',
      withSeal: true,
    },
  },
  jinlanshan: {
    file: 'report-jinlanshan-2022.txt',
    headerLines: [/^中共新县金兰山街道工作委员会文件$/, /^金文〔2023〕5号$/, /^签发人/, /^中共新县金兰山街道工作委员会 新县金兰山街道办事处/, /^县委、县政府：$/],
    reportYear: 2022,
    today: '2023-01-16',
    header: {
      issuerLines: ['中共新县金兰山街道工作委员会文件'],
      docNumber: '金文〔2023〕5号',
      signers: ['张健平', '余志强'],
      title: '中共新县金兰山街道工作委员会\n新县金兰山街道办事处\n关于2022年度法治政府建设工作情况的报告',
      recipient: '县委、县政府',
      signingOrgans: ['中共新县金兰山街道工作委员会', '新县金兰山街道办事处'],
      date: '2023年1月16日',
      attachments: ['2022年度法治政府建设工作台账', '2023年度法治政府建设工作计划'],
      cc: '县委依法治县办',
      printOrgan: '中共新县金兰山街道工作委员会办公室',
      printDate: '2023年1月16日',
      withSeal: false,
    },
  },
  zhaishang: {
    file: 'report-zhaishang-2023.txt',
    headerLines: [/^寨上街道办事处2023年度法治政府建设$/, /^情况报告$/],
    reportYear: 2023,
    today: '2024-01-10',
    header: {
      copyNumber: '000012',
      issuerLines: ['寨上街道办事处文件'],
      docNumber: '寨办〔2024〕2号',
      signers: ['刘洋'],
      title: '寨上街道办事处\n2023年度法治政府建设情况报告',
      recipient: '区人民政府',
      signingOrgans: ['寨上街道办事处'],
      date: '2024年1月10日',
      cc: '区司法局',
      printOrgan: '寨上街道办事处党政办公室',
      printDate: '2024年1月10日',
      withSeal: true,
    },
  },
};

const CN = '一二三四五六七八九十';
const HEADING_PATTERNS: [HeadingLevel, RegExp][] = [
  [1, new RegExp(`^([${CN}]+、)\\s*`)],
  [2, new RegExp(`^([（(]\\s*[${CN}]+\\s*[）)])\\s*`)],
  [3, /^(\d+[.．])\s*/],
  [4, /^([（(]\d+[）)])\s*/],
];

/** A small stand-in for importText: Markdown marks dropped, numbered lines become headings. */
export function readBlocks(text: string, skip: readonly RegExp[] = []): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const boldLead = /^\s*#*\s*\*\*(.+?)\*\*(.*)$/.exec(raw);
    const line = raw.replace(/^\s*#+\s*/, '').replace(/\*\*/g, '').trim();
    if (!line || skip.some((r) => r.test(line))) continue;
    const heading = HEADING_PATTERNS.find(([, re]) => re.test(line));
    if (!heading) {
      blocks.push({ type: 'paragraph', text: line });
      continue;
    }
    const [level, re] = heading;
    const label = re.exec(line)![1]!;
    let rest = line.slice(re.exec(line)![0].length);
    let runIn: string | null = null;
    if (boldLead && boldLead[2]!.trim()) {
      // "**(一) 标题。**正文…": the bold part is the heading, the rest runs in.
      runIn = boldLead[2]!.trim();
      rest = rest.slice(0, rest.length - runIn.length);
    } else if (level <= 2) {
      const stop = rest.indexOf('。');
      if (stop >= 0 && stop < rest.length - 1 && stop < 40) {
        runIn = rest.slice(stop + 1);
        rest = rest.slice(0, stop + 1);
      }
    }
    blocks.push({ type: 'heading', level, label: label.replace(/\s+/g, ''), text: rest.trim(), runIn });
  }
  return blocks;
}

/** The fixture as a document; `repeatBody` repeats the body blocks (for the 30-page bench). */
export async function fixtureDocument(name: string, repeatBody = 1): Promise<{ doc: GongwenDocument; source: 'importText' | 'local' }> {
  const spec = FIXTURES[name];
  if (!spec) throw new Error(`unknown fixture ${name}`);
  const text = readFileSync(path.join(FIXTURES_DIR, spec.file), 'utf8');
  // The import helper's reader (shared/import/text.ts) is the one users get; the local
  // reader stays as a fallback should it ever return an empty body.
  let blocks: Block[] = toBlocks(importText(text, { today: spec.today }).body).filter((b) => b.type !== 'guidance');
  let source: 'importText' | 'local' = 'importText';
  if (blocks.length < 5) {
    blocks = readBlocks(text, spec.headerLines);
    source = 'local';
  }
  const body = Array.from({ length: repeatBody }, () => blocks).flat();
  const doc: GongwenDocument = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fazhi-annual',
    reportYear: spec.reportYear,
    header: { ...emptyHeader(), direction: 'up', redHeader: true, ...spec.header },
    body: fromBlocks(body),
  };
  return { doc, source };
}

/**
 * The report document: header fields of a GB/T 9704 公文 plus the body.
 *
 * The body is stored as Lexical's serialized editor state (plain JSON, typed in
 * ./lexical-json.ts without importing Lexical), so a draft reopens exactly as it was
 * typed. Checks, the .docx builder and the CLI read the body through `toBlocks`
 * (./blocks.ts), a flat list that is easy to reason about.
 */
import type { SerializedBody } from './lexical-json';
import type { Approvals } from './approvals';

/** A body holds at most this many top-level nodes (documentSchema, the normaliser and import all keep to it). */
export const MAX_BODY_BLOCKS = 100_000;

/** Bump when the on-disk shape changes; add a step in ./migrate.ts at the same time. */
export const SCHEMA_VERSION = 1;

/** 行文方向: every 报告 and 请示 is up-going (上行文), which needs 签发人. */
export type Direction = 'up' | 'parallel' | 'down';

export interface ReportHeader {
  /** 份号: six digits, optional. */
  copyNumber: string;
  /** 密级和保密期限, e.g. "秘密★1年"; empty when not classified. */
  secrecy: string;
  /** 紧急程度: 特急 / 加急 or empty. */
  urgency: string;
  /** 发文机关标志, one line per issuing organ (joint issuing = several lines). Each line as printed, e.g. "中共××街道工作委员会文件". */
  issuerLines: string[];
  /** 发文字号 as written, e.g. "金文〔2023〕5号". Parsed by ./doc-number.ts. */
  docNumber: string;
  /** 签发人 names, host organ's signer first. */
  signers: string[];
  direction: Direction;
  /** 主送机关 without the trailing colon, e.g. "县委、县政府". */
  recipient: string;
  title: string;
  /** 发文机关署名, one per organ. */
  signingOrgans: string[];
  /** 成文日期 as written, e.g. "2024年1月5日". */
  date: string;
  /** 附注 without brackets, e.g. "联系人：张三，电话：1234567". */
  note: string;
  /** 附件 names, in order. */
  attachments: string[];
  /** 抄送机关 without the "抄送：" lead and final full stop. */
  cc: string;
  /** 印发机关 */
  printOrgan: string;
  /** 印发日期 as written, e.g. "2024年1月5日". */
  printDate: string;
  /** Red-header (正式) version on; off = plain report (also the public version). */
  redHeader: boolean;
  /** 加盖印章: decides the signature layout (GB/T 9704 7.3.5.1 vs 7.3.5.2). */
  withSeal: boolean;
}

/** Template / report kinds; the CLI prints `fazhi-annual` or `generic`. */
export type ReportKind = string;

export interface GongwenDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Template id the document was made from, e.g. "fazhi-annual", "generic", "qingshi". */
  kind: ReportKind;
  /** The year the report is about (e.g. 2023 for a report written in January 2024); null when unknown. */
  reportYear: number | null;
  /**
   * true once the user has set the 报告年度 themselves; absent (old drafts too) = it follows the
   * title's year (./report-year.ts decides).
   */
  reportYearFixed?: boolean;
  header: ReportHeader;
  body: SerializedBody;
  /** 主要负责人审核签字, 保密审查 and their history (./approvals.ts); absent in drafts that never had one. */
  approvals?: Approvals;
}

export function emptyHeader(): ReportHeader {
  return {
    copyNumber: '',
    secrecy: '',
    urgency: '',
    issuerLines: [],
    docNumber: '',
    signers: [],
    direction: 'up',
    recipient: '',
    title: '',
    signingOrgans: [],
    date: '',
    note: '',
    attachments: [],
    cc: '',
    printOrgan: '',
    printDate: '',
    redHeader: true,
    withSeal: true,
  };
}

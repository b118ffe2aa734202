/**
 * The three real reports in shared/fixtures, imported as plain text. Every expected value
 * below was read off the fixture file by hand; the comment says where it comes from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../shared/import/text';
import { importHtml } from '../../../shared/import/html';
import { toBlocks, type Block, type HeadingBlock } from '../../../shared/model';
import { documentSchema } from '../../../shared/ipc/schemas';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function headingCounts(blocks: Block[]): Record<number, number> {
  const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const b of blocks) if (b.type === 'heading') counts[b.level]!++;
  return counts;
}
const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
const headings = (blocks: Block[]) => blocks.filter((b): b is HeadingBlock => b.type === 'heading');

/** The text as simple HTML: one <p> per line, special characters escaped. */
function asHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<html><head><style>p{font-family:SimSun}</style></head><body>${text.split(/\r?\n/).map((l) => `<p>${esc(l)}</p>`).join('\n')}</body></html>`;
}

describe('report-jinlanshan-2022.txt (red header, Markdown marks, PDF line breaks)', () => {
  const text = read('report-jinlanshan-2022.txt');
  const doc = importText(text);
  const blocks = toBlocks(doc.body);

  it('reads the 版头: issuer mark, 文号, two signers', () => {
    // Line 3 "# 中共新县金兰山街道工作委员会文件": ends in 文件 → issuer mark, "# " stripped.
    expect(doc.header.issuerLines).toEqual(['中共新县金兰山街道工作委员会文件']);
    // Line 5, kept exactly as written.
    expect(doc.header.docNumber).toBe('金文〔2023〕5号');
    // Line 7 "签发人：张健平 余志强": two names, host organ's signer first.
    expect(doc.header.signers).toEqual(['张健平', '余志强']);
    expect(doc.header.redHeader).toBe(true);
    expect(doc.header.direction).toBe('up');
  });

  it('reads title and recipient', () => {
    // Line 11 "## …": one line with the joint organs and 关于…的报告, spaces as written.
    expect(doc.header.title).toBe('中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告');
    // Line 13 "县委、县政府：" — stored without the colon.
    expect(doc.header.recipient).toBe('县委、县政府');
    // The report ends with the body (no 署名, no date in this copy).
    expect(doc.header.date).toBe('');
    expect(doc.header.signingOrgans).toEqual([]);
    expect(doc.kind).toBe('fazhi-annual');
    expect(doc.reportYear).toBe(2022); // 关于2022年度… in the title
  });

  it('finds the headings by their numbers', () => {
    // Level 1: 一 (line 17), 二 (23), 三 (35), 四 (45). Level 2: (一)–(四) under 二,
    // (一)–(三) under 三, (一)–(四) under 四 = 11.
    expect(headingCounts(blocks)).toEqual({ 1: 4, 2: 11, 3: 0, 4: 0 });
    const hs = headings(blocks);
    // Labels are kept as written: line 25 uses full-width （一）, line 29 half-width (二).
    expect(hs.filter((h) => h.level === 2).map((h) => h.label).slice(0, 2)).toEqual(['（一）', '(二)']);
    // Line 35 "### **三、…不足。**": all bold, nothing after → no run-in, 。 kept.
    expect(hs.find((h) => h.label === '三、')).toMatchObject({ level: 1, label: '三、', text: '2022年度推进法治政府建设存在的不足。', runIn: null });
  });

  it('splits bold run-in headings where the bold ends', () => {
    const second = headings(blocks).find((h) => h.label === '(二)')!;
    // Line 29: the bold part holds two sentences; the run-in starts after the closing **.
    expect(second.text).toBe('推进依法执政。持续推动全面从严治党向纵深发展，严格执行党内法规制度，为全面推进法治政府建设做好根本保障。');
    expect(second.runIn!.startsWith('组织机关、社区干部廉政谈话')).toBe(true);
  });

  it('joins lines broken in mid-paragraph', () => {
    // Lines 19/21 "…由党委书记任组" + "长，党工委副书记…" are one paragraph.
    expect(paragraphs(blocks).some((p) => p.includes('由党委书记任组长，党工委副书记'))).toBe(true);
    // Lines 41/43: the run-in of (三) continues on line 43.
    const third = headings(blocks).find((h) => h.text === '法治意识仍待加强。')!;
    expect(third.runIn).toBe(
      '街道、社区工作人员在法治工作的专业能力、实操经验上相较于目前越来越严格的法治工作任务存在较大的短板，在合法性、规范性、时效性上尚不能完全满足新形势下法治工作的要求、法治意识仍需要不断加强。',
    );
    // "**二是精准靶向发力**。" inside a paragraph: marks stripped.
    expect(paragraphs(blocks).some((p) => p.includes('二是精准靶向发力。主持召开'))).toBe(true);
    expect(blocks.every((b) => !JSON.stringify(b).includes('**'))).toBe(true);
  });

  it('first and last body paragraphs', () => {
    const ps = paragraphs(blocks);
    // Line 15 is the opening paragraph; line 55 the closing one.
    expect(ps[0]).toBe('2022年在县委、县政府的坚强领导下，金兰山街道深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作，营造了良好的法治环境。现将有关工作情况报告如下：');
    expect(ps[ps.length - 1]).toBe('法治政府建设工作任重道远，街道将立足实际，不断提高认识、加强领导、多措并举，切实提高法治政府建设工作水平。');
    expect(documentSchema.safeParse(doc).success).toBe(true);
  });

  it('gives the same document as HTML with one <p> per line', () => {
    expect(importHtml(asHtml(text))).toEqual(doc);
  });
});

describe('report-chengxi-2024.txt (organ lines leading into the title, no 文号)', () => {
  const text = read('report-chengxi-2024.txt');
  const doc = importText(text);
  const blocks = toBlocks(doc.body);

  it('puts the organ names into the title: there is no issuer mark', () => {
    // Lines 1 and 3 are organ names without 文件 and no 文号 follows, so they are the
    // 发文机关 part of the title (发文机关 + 关于 + 事由 + 文种), joint organs separated by a space.
    expect(doc.header.title).toBe('中共黔江区城西街道工作委员会 黔江区人民政府城西街道办事处关于2024年度法治政府建设情况的报告');
    expect(doc.header.issuerLines).toEqual([]);
    expect(doc.header.docNumber).toBe('');
    expect(doc.header.signers).toEqual([]);
    expect(doc.header.redHeader).toBe(false);
    // Line 6 follows the title directly and is a long sentence: no recipient in this copy.
    expect(doc.header.recipient).toBe('');
    expect(doc.header.date).toBe('');
    expect(doc.kind).toBe('fazhi-annual');
    expect(doc.reportYear).toBe(2024);
  });

  it('finds the headings by their numbers', () => {
    // Level 1: 一、工作成效 二、主要举措 三、…不足和原因 四、…目标举措. Level 2: （一）–（六)
    // under 二. Lines 10 and 30–34 start with 一是/二是/三是: paragraphs, not headings.
    expect(headingCounts(blocks)).toEqual({ 1: 4, 2: 6, 3: 0, 4: 0 });
    const first = headings(blocks).find((h) => h.label === '（一）')!;
    // Line 14 runs in: the heading is its first sentence.
    expect(first.text).toBe('高度重视，落实责任。');
    expect(first.runIn!.startsWith('及时调整了街道的法治政府建设工作领导小组')).toBe(true);
  });

  it('first and last body paragraphs', () => {
    const ps = paragraphs(blocks);
    expect(ps[0]!.startsWith('2024年，在区委、区政府的坚强领导下')).toBe(true);
    expect(ps[0]!.endsWith('现将2024年度法治政府建设工作开展情况报告如下：')).toBe(true);
    // Line 34; line 35 holds a single space and is blank.
    expect(ps[ps.length - 1]).toBe(
      '三是完善法治街道建设的相关制度，加强廉政建设。紧紧围绕“职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信”法治街道的总体建设目标，完善政务服务系统，健全政府法律顾问制度，健全依法决策机制，加强行政执法监督检查，改进行政执法，完善街道内部监督，强化重点领域监督，全面推进政务公开，推进街道的廉洁廉政建设。',
    );
    // Line 32 ends in "。   ": trailing spaces dropped.
    expect(ps).toContain('二是加强政务信息透明度，强化行政监督。进一步加强政务公开，增强行政执法的透明度。向群众公开各行政行为的法律政策依据、具体的办事程序，利用各种渠道公示依法应当公示的材料，提高政务透明度，自觉接受社会和群众的监督。');
    expect(documentSchema.safeParse(doc).success).toBe(true);
  });

  it('gives the same document as HTML with one <p> per line', () => {
    expect(importHtml(asHtml(text))).toEqual(doc);
  });
});

describe('report-zhaishang-2023.txt (title over two lines, indented headings)', () => {
  const text = read('report-zhaishang-2023.txt');
  const doc = importText(text);
  const blocks = toBlocks(doc.body);

  it('joins the title broken over two lines', () => {
    // Lines 2 and 4: "寨上街道办事处2023年度法治政府建设" + "情况报告", broken inside a phrase → no space.
    expect(doc.header.title).toBe('寨上街道办事处2023年度法治政府建设情况报告');
    expect(doc.header.issuerLines).toEqual([]);
    expect(doc.header.docNumber).toBe('');
    expect(doc.header.signers).toEqual([]);
    expect(doc.header.recipient).toBe('');
    expect(doc.header.date).toBe('');
    expect(doc.header.redHeader).toBe(false);
    expect(doc.kind).toBe('fazhi-annual');
    expect(doc.reportYear).toBe(2023);
  });

  it('finds indented headings and does not join a paragraph into the next heading', () => {
    // Level 1: 一 (line 8, indented), 二 (32), 三 (36). Level 2: （一）–（五） under 一,
    // （一）–（三） under 三 (line 37 follows line 36 without a blank line).
    expect(headingCounts(blocks)).toEqual({ 1: 3, 2: 8, 3: 0, 4: 0 });
    // Line 43 stops without a full stop ("…拓宽工作深度广度") but line 44 is a heading.
    const ps = paragraphs(blocks);
    expect(ps.some((p) => p.endsWith('完善考核机制，拓宽工作深度广度'))).toBe(true);
    const last = headings(blocks)[headings(blocks).length - 1]!;
    expect(last).toMatchObject({ level: 2, label: '（三）', text: '进一步做好法治宣传教育工作。', runIn: null });
  });

  it('first and last body paragraphs', () => {
    const ps = paragraphs(blocks);
    expect(ps[0]!.startsWith('今年以来，我街坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
    expect(ps[0]!.endsWith('现将有关情况报告如下：')).toBe(true);
    // Lines 28–30 are three paragraphs (each ends in 。), not one.
    expect(ps.filter((p) => /^[一二三]是强化(阵地普法|宣传解读|法治教育)/.test(p))).toHaveLength(3);
    expect(ps[ps.length - 1]!.startsWith('深入贯彻习近平法治思想，坚持领导干部学法用法制度')).toBe(true);
    expect(ps[ps.length - 1]!.endsWith('营造良好法治氛围。')).toBe(true);
    expect(documentSchema.safeParse(doc).success).toBe(true);
  });

  it('gives the same document as HTML with one <p> per line', () => {
    expect(importHtml(asHtml(text))).toEqual(doc);
  });
});

/**
 * Plain-text import on reports written for these tests: the parts the fixtures do not
 * have (署名, 成文日期, 附件, 附注, 抄送, 印发, joint issuing, several signer lines) and the
 * traps (wrapped lines vs headings, half-width numbers, 文号 in wrong brackets).
 */
import { describe, expect, it } from 'vitest';
import { importText, parseReportLines } from '../../../shared/import/text';
import { toBlocks, type HeadingBlock } from '../../../shared/model';
import { documentSchema } from '../../../shared/ipc/schemas';

const FULL = `
000123
秘密★1年
特急
中共××县××镇委员会
××县××镇人民政府
文件

××委〔2024〕3号　　　　　　签发人：王建国

关于2023年度法治政府建设情况的报告

县委、县政府：
　　2023年，我镇在县委、县政府的领导下推进法治政府建设。现将有关情况报告如下：
一、2023年度推进法治政府建设的主要举措和成效
（一）履行第一责任人职责。镇党委书记、镇长主持召开专题会议4次。
1．健全制度。制定了议事规则。
（1）建立台账
二、存在的不足和原因
法治宣传不够深入，原因是人员不足。
三、2024年度的主要安排
继续推进法治政府建设。
特此报告。

附件：1．2023年度法治政府建设工作台账
2．重大行政决策目录

中共××县××镇委员会
××县××镇人民政府
2024年1月15日
（联系人：李四，电话：0123-4567890）

抄送：县司法局，县依法治县办。
××镇党政办公室　　　　2024年1月16日印发
`;

describe('importText: a complete red-header report', () => {
  const doc = importText(FULL);
  const blocks = toBlocks(doc.body);

  it('reads the 版头', () => {
    expect(doc.header.copyNumber).toBe('000123');
    expect(doc.header.secrecy).toBe('秘密★1年');
    expect(doc.header.urgency).toBe('特急');
    // Joint issuing: a lone 文件 line joins the last organ line.
    expect(doc.header.issuerLines).toEqual(['中共××县××镇委员会', '××县××镇人民政府文件']);
    // 文号 and 签发人 printed on one line.
    expect(doc.header.docNumber).toBe('××委〔2024〕3号');
    expect(doc.header.signers).toEqual(['王建国']);
    expect(doc.header.redHeader).toBe(true);
  });

  it('reads title, recipient and the closing part', () => {
    expect(doc.header.title).toBe('关于2023年度法治政府建设情况的报告');
    expect(doc.header.recipient).toBe('县委、县政府');
    expect(doc.header.attachments).toEqual(['2023年度法治政府建设工作台账', '重大行政决策目录']);
    expect(doc.header.signingOrgans).toEqual(['中共××县××镇委员会', '××县××镇人民政府']);
    expect(doc.header.date).toBe('2024年1月15日');
    expect(doc.header.note).toBe('联系人：李四，电话：0123-4567890');
    expect(doc.header.cc).toBe('县司法局，县依法治县办');
    expect(doc.header.printOrgan).toBe('××镇党政办公室');
    expect(doc.header.printDate).toBe('2024年1月16日');
    expect(doc.kind).toBe('fazhi-annual');
    expect(doc.reportYear).toBe(2023);
  });

  it('reads the body with four heading levels', () => {
    const hs = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
    expect(hs.map((h) => [h.level, h.label])).toEqual([
      [1, '一、'], [2, '（一）'], [3, '1．'], [4, '（1）'], [1, '二、'], [1, '三、'],
    ]);
    expect(hs[1]).toMatchObject({ text: '履行第一责任人职责。', runIn: '镇党委书记、镇长主持召开专题会议4次。' });
    expect(hs[2]).toMatchObject({ text: '健全制度。', runIn: '制定了议事规则。' });
    const ps = blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
    expect(ps[0]).toBe('2023年，我镇在县委、县政府的领导下推进法治政府建设。现将有关情况报告如下：');
    expect(ps[ps.length - 1]).toBe('特此报告。');
    expect(documentSchema.safeParse(doc).success).toBe(true);
  });
});

describe('importText: header variants', () => {
  it('keeps a 文号 in wrong brackets as written, so the checks can flag it', () => {
    for (const n of ['金文[2023]5号', '金文【2023】05号', '金文（2023）第5号', '金文(23)5号']) {
      const doc = importText(`××街道工作委员会文件\n${n}\n签发人：张三\n关于××的报告\n县委：\n正文。`);
      expect(doc.header.docNumber).toBe(n);
    }
  });

  it('reads organ names followed by a 文号 as the issuer mark', () => {
    const doc = importText('中共××街道工作委员会\n××街道办事处\n××文〔2024〕2号\n签发人：张三\n关于××工作的报告\n正文内容。');
    expect(doc.header.issuerLines).toEqual(['中共××街道工作委员会', '××街道办事处']);
    expect(doc.header.docNumber).toBe('××文〔2024〕2号');
    expect(doc.header.title).toBe('关于××工作的报告');
  });

  it('reads several signers over two lines', () => {
    const doc = importText('××文件\n××〔2024〕1号\n签发人：张健平 余志强\n李明 王芳\n关于××的请示\n县政府：\n正文。');
    expect(doc.header.signers).toEqual(['张健平', '余志强', '李明', '王芳']);
    expect(doc.header.title).toBe('关于××的请示');
    expect(doc.header.direction).toBe('up');
  });

  it('accepts half-width brackets and numbers and keeps the labels as written', () => {
    const doc = importText('关于××的报告\n一.基本情况\n(二) 主要做法\n1、做法一\n2. 做法二\n(3)细节');
    const hs = toBlocks(doc.body).filter((b): b is HeadingBlock => b.type === 'heading');
    expect(hs.map((h) => [h.level, h.label, h.text])).toEqual([
      [1, '一.', '基本情况'], [2, '(二)', '主要做法'], [3, '1、', '做法一'], [3, '2.', '做法二'], [4, '(3)', '细节'],
    ]);
  });

  it('does not take a number like 3.15 or a year for a heading', () => {
    const blocks = toBlocks(importText('关于××的报告\n3.15消费者权益日开展宣传。\n2023.5全年完成。').body);
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
  });

  it('reads dates in the forms offices write', () => {
    for (const date of ['2023年1月15日', '二〇二三年十二月', '2023-12-05', '２０２３年１２月５日', '2023年 12月 5日']) {
      const doc = importText(`关于××的报告\n正文。\n××局\n${date}`);
      expect(doc.header.date).toBe(date);
      expect(doc.header.signingOrgans).toEqual(['××局']);
    }
  });

  it('gives direction from the 文种 and kind generic for other reports', () => {
    expect(importText('关于召开会议的通知\n正文。').header.direction).toBe('down');
    expect(importText('关于商洽××的函\n正文。').header.direction).toBe('parallel');
    const generic = importText('关于2024年上半年安全生产工作的报告\n正文。');
    expect(generic.kind).toBe('generic');
    expect(generic.reportYear).toBe(2024);
    expect(generic.header.redHeader).toBe(false);
  });

  it('takes the year from the body when the title has none, and null when there is none', () => {
    expect(importText('工作报告\n2021年以来，我们开展了工作。').reportYear).toBe(2021);
    expect(importText('工作报告\n开展了工作。').reportYear).toBeNull();
    // 二〇二三年 in the title counts.
    expect(importText('关于二〇二三年度法治政府建设情况的报告\n正文。').reportYear).toBe(2023);
  });

  it('knows a 法治政府建设 report by its opening paragraph when there is no title', () => {
    const doc = importText('现将2023年度法治政府建设工作情况报告如下：\n一、主要举措\n做了工作。');
    expect(doc.header.title).toBe('');
    expect(doc.kind).toBe('fazhi-annual');
  });
});

describe('importText: wrapped lines', () => {
  it('joins a PDF line break inside a paragraph but not a short line or a heading', () => {
    const lines = [
      '关于××的报告',
      '一、主要工作',
      '我街道认真贯彻落实上级部署要求，扎实推进各项工作，成立了领导小',
      '组，由书记任组长。',
      '二是推进制度建设',
      '（一）强化组织领导',
      '全年召开会议3次。',
    ];
    const blocks = toBlocks(importText(lines.join('\n\n')).body);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(blocks[1]).toMatchObject({ text: '我街道认真贯彻落实上级部署要求，扎实推进各项工作，成立了领导小组，由书记任组长。' });
    // "二是推进制度建设" stops without punctuation but is short: its own paragraph.
    expect(blocks[2]).toMatchObject({ text: '二是推进制度建设' });
  });

  it('in text hard-wrapped at a fixed width (copied from a PDF), a full line ending in 。 goes on; a short one ends the paragraph', () => {
    const WIDTH = 30;
    // Paragraphs whose wraps fall right after a 。 (any full line may), with the two-character
    // first-line indent the copy loses, and digits (half as wide) in the lines.
    // Sentences cut from one text to the lengths that put a 。 at the end of a full line.
    const source = '我街道认真贯彻落实上级部署要求扎实推进各项工作研究解决重点问题调整充实领导小组成员明确职责分工形成工作合力推进行政执法规范化建设全面落实行政执法三项制度完善矛盾纠纷多元化解机制';
    let cut = 0;
    const sentence = (n: number): string => {
      const text = [...source].slice(cut % 60, (cut % 60) + n - 1).join('');
      cut += 7;
      return text + '。';
    };
    const paragraphs = [
      sentence(28) + sentence(30) + sentence(12), // the first line (indent 2) and the second end in 。
      '开展活动36场，发放资料2000余份，' + sentence(12) + sentence(30) + sentence(6), // digits: a full line of 28 + 2×0.5 …
      sentence(20), // one short line
      sentence(28) + sentence(9),
    ];
    const width = (t: string) => [...t].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
    const wrap = (text: string): string[] => {
      const out: string[] = [];
      let line = '';
      let room = WIDTH - 2;
      for (const ch of text) {
        if (width(line + ch) > room) {
          out.push(line);
          line = '';
          room = WIDTH;
        }
        line += ch;
      }
      return [...out, line];
    };
    const lines = ['关于××的报告', '一、主要工作', ...paragraphs.flatMap(wrap)];
    // The wraps this test is about: full lines ending in 。 inside a paragraph.
    expect(lines.filter((l, i) => i > 1 && l.endsWith('。') && !paragraphs.some((p) => p.endsWith(l))).length).toBeGreaterThanOrEqual(2);
    const blocks = toBlocks(importText(lines.join('\n')).body);
    expect(blocks.slice(1).map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual(paragraphs);
  });

  it('text copied with pdftotext: a wrap before 一、 or 二是, a wrapped heading, lines widened by digit spaces, a kept indent', () => {
    const WIDTH = 30;
    const filler = '坚持依法行政推进基层治理健全工作制度落实责任分工强化监督考核提升服务水平完善矛盾化解机制';
    let at = 0;
    const fill = (n: number): string => {
      const text = [...filler.repeat(4)].slice(at % filler.length, (at % filler.length) + n).join('');
      at += 5;
      return text;
    };
    const width = (t: string) => [...t.trim()].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
    const para = (...lines: string[]) => ({ lines, text: lines.map((l) => l.trim()).join('') });
    const paragraphs = [
      // A full line cut inside a word; the wrap puts 一、 at the start of the next line.
      para(fill(27) + '权责统', '一、运转协调的工作新机制。'),
      // 一是… 二是… inside one paragraph; a sentence ends at the edge and 二是 starts the next line.
      para('一是' + fill(27) + '。', '二是' + fill(10) + '。'),
      // pdftotext's spaces around digits make these lines wider than the text block is.
      para(fill(22) + '开展活动 36 场，', '发放资料 2000 余份，举办讲座 12 期，培训 300 人次，' + fill(6), fill(5) + '。'),
      // A line that ends in a closing quote at the edge of the block goes on.
      para(fill(22) + '发挥“六法融合”', '职能，' + fill(10) + '。'),
      // pdftotext -layout keeps the first-line indent as leading spaces: the first line is full.
      para('    ' + fill(26) + '。', fill(12) + '。'),
    ];
    const heading = ['（一）' + fill(27), '划，为推进法治建设提供保障。' + fill(8) + '。'];
    for (const p of paragraphs) for (const l of p.lines.slice(0, -1)) expect(width(l) + (l.startsWith(' ') ? 2 : 0)).toBeGreaterThanOrEqual(WIDTH - 1);
    expect(width(heading[0]!)).toBe(WIDTH);
    const lines = ['关于××的报告', '一、主要工作', ...heading, ...paragraphs.flatMap((p) => p.lines), '二、存在的不足', fill(12) + '。'];
    const blocks = toBlocks(importText(lines.join('\n')).body);
    expect(blocks[1]).toMatchObject({ type: 'heading', label: '（一）', text: `${heading[0]!.slice(3)}划，为推进法治建设提供保障。`, runIn: heading[1]!.slice(14) });
    expect(blocks.slice(2, -2).map((b) => b.text)).toEqual(paragraphs.map((p) => p.text));
    expect(blocks.at(-2)).toMatchObject({ type: 'heading', label: '二、' });
  });

  it('pdftotext of a report PDF: page numbers dropped and the paragraph goes on across the page; -layout indents start paragraphs; a heading filling the line keeps 一是 apart', () => {
    const line = (n: number, tail = '') => '推进依法行政健全工作制度落实责任分工强化监督考核提升服务水平'.slice(0, n - tail.length) + tail;
    const page1 = ['关于××的报告', '  一、主要工作', `  ${line(26)}`, line(28), line(28, '建'), '', '                 —1—', ''];
    const page2 = ['设工作。', '  ' + line(26, '情况'), '  一是' + line(10) + '。', '', '              第 2 页'];
    const page3 = ['3', line(9) + '。'];
    const layout = [...page1, `\f${page2.join('\n')}`, `\f${page3.join('\n')}`].join('\n');
    const blocks = toBlocks(importText(layout).body);
    expect(blocks.map((b) => (b.type === 'heading' ? `${b.label}${b.text}` : b.text))).toEqual([
      '一、主要工作',
      `${line(26)}${line(28)}${line(28, '建')}设工作。`,
      line(26, '情况'),
      `一是${line(10)}。`,
      `${line(9)}。`,
    ]);
    expect(JSON.stringify(blocks)).not.toMatch(/—1—|第 2 页/);
    // Without -layout (no indents): a bare heading that fills the line does not take the 一是 after it.
    const raw = ['关于××的报告', '一、' + line(24) + '情况', '一是' + line(26) + '，', line(20) + '。', '二、' + line(6)].join('\n');
    const rawBlocks = toBlocks(importText(raw).body);
    expect(rawBlocks[0]).toMatchObject({ type: 'heading', label: '一、', text: `${line(24)}情况`, runIn: null });
    expect(rawBlocks[1]).toMatchObject({ type: 'paragraph', text: `一是${line(26)}，${line(20)}。` });
    // A line of text that is only a number in the middle of a page stays.
    expect(toBlocks(importText('关于××的报告\n全年办结案件\n\n12\n\n件。').body).map((b) => b.text).join('')).toContain('12');
  });

  it('joins a line that starts with closing punctuation', () => {
    const blocks = toBlocks(importText('关于××的报告\n全年开展活动6次\n。').body);
    expect(blocks).toEqual([{ type: 'paragraph', text: '全年开展活动6次。' }]);
  });

  it('keeps a two-line title that ends in the 文种 apart from the body', () => {
    const parsed = parseReportLines(['××区2023年度法治政府建设', '情况报告', '区委、区政府：', '2023年，我区……。']);
    expect(parsed.header.title).toBe('××区2023年度法治政府建设情况报告');
    expect(parsed.header.recipient).toBe('区委、区政府');
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: '2023年，我区……。' }]);
  });

  it('strips Markdown marks: headings, bold, underscores, escapes, rules, bullets', () => {
    const doc = importText('# 关于××的报告\n\n---\n\n**一、总体情况**\n\n- 条目一。\n\n__（一）措施__做了工作。\n\n1\\. 第一项\n\n联系人：______');
    const blocks = toBlocks(doc.body);
    expect(doc.header.title).toBe('关于××的报告');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, label: '一、', text: '总体情况', runIn: null },
      { type: 'paragraph', text: '条目一。' },
      { type: 'heading', level: 2, label: '（一）', text: '措施', runIn: '做了工作。' },
      { type: 'heading', level: 3, label: '1.', text: '第一项', runIn: null },
      { type: 'paragraph', text: '联系人：______' },
    ]);
  });
});

describe('importText: endings', () => {
  it('reads a signature without a date, and a one-line 附件', () => {
    const doc = importText('关于××的报告\n正文第一段。\n附件：××工作台账\n特此报告。\n××街道办事处');
    // "附件" is not directly above the signature here, so it stays body text.
    expect(doc.header.signingOrgans).toEqual(['××街道办事处']);
    expect(doc.header.attachments).toEqual([]);
    const doc2 = importText('关于××的报告\n正文第一段。\n附件：××工作台账\n\n××街道办事处\n2024年3月1日');
    expect(doc2.header.attachments).toEqual(['××工作台账']);
    expect(doc2.header.signingOrgans).toEqual(['××街道办事处']);
    expect(toBlocks(doc2.body)).toEqual([{ type: 'paragraph', text: '正文第一段。' }]);
  });

  it('does not take the last short body line for a signature', () => {
    const doc = importText('关于××的报告\n一、主要工作\n特此报告');
    expect(doc.header.signingOrgans).toEqual([]);
    expect(toBlocks(doc.body).map((b) => b.type)).toEqual(['heading', 'paragraph']);
  });

  it('reads side-by-side joint signatures copied from a PDF', () => {
    const doc = importText('关于××的报告\n正文。\n中共××镇委员会      ××镇人民政府\n2024年2月1日');
    expect(doc.header.signingOrgans).toEqual(['中共××镇委员会', '××镇人民政府']);
  });
});

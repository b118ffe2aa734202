/**
 * Word's automatic numbering in a .docx (一、 （一） 1. as numbering definitions, not typed):
 * the labels reach the import, so the headings keep their levels and the parts they open.
 */
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { importFileBytes } from '../../../electron/services/import-service';
import { formatCounter, writeListLabels } from '../../../shared/import/docx-list-labels';
import { toBlocks } from '../../../shared/model/lexical-json';

/** The 公文 heading list both test reports number by: 一、 （一） 1. */
const HEADING_NUMBERING = {
  config: [{
    reference: 'headings',
    levels: [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
      { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
    ],
  }],
};

async function numberedReport(): Promise<Uint8Array> {
  const h = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'headings', level } });
  const doc = new Document({
    numbering: HEADING_NUMBERING,
    sections: [{
      children: [
        new Paragraph('关于2024年度法治政府建设情况的报告'),
        new Paragraph('区委、区政府：'),
        new Paragraph('2024年，我街坚持依法行政，推进法治政府建设。现将有关情况报告如下：'),
        h('主要举措和成效', 0),
        h('强化组织领导', 1),
        h('健全工作机制', 2),
        new Paragraph('街道党政主要负责人切实履行推进法治建设第一责任人职责，全年召开专题会议4次。'),
        h('推进依法决策', 1),
        new Paragraph('重大行政决策全部经过合法性审查。'),
        h('存在的不足和原因', 0),
        new Paragraph('一是执法力量不足；二是法治宣传形式单一。原因是编制有限。'),
        h('2025年工作安排', 0),
        new Paragraph('一是加强执法力量；二是创新法治宣传形式。'),
        new Paragraph('城西街道办事处'),
        new Paragraph('2025年1月20日'),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Headings numbered only by their paragraph style (a 标题 style with a list attached), one style inheriting it through w:basedOn. */
async function styleNumberedReport(): Promise<Uint8Array> {
  const numbered = (reference: string, level: number) => ({ numbering: { reference, level } }) as Record<string, unknown>;
  const doc = new Document({
    numbering: HEADING_NUMBERING,
    styles: {
      paragraphStyles: [
        { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', paragraph: numbered('headings', 0) },
        { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', paragraph: numbered('headings', 1) },
        { id: 'GwItem', name: '公文三级标题', basedOn: 'Normal', next: 'Normal', paragraph: numbered('headings', 2) },
        // Based on the numbered 标题 1 style, with no numbering of its own: it numbers on with it.
        { id: 'GwPartLast', name: '公文一级标题（末）', basedOn: 'Heading1', next: 'Normal' },
      ],
    },
    sections: [{
      children: [
        new Paragraph('关于2024年度法治政府建设情况的报告'),
        new Paragraph('区委、区政府：'),
        new Paragraph('2024年，我街坚持依法行政，推进法治政府建设。现将有关情况报告如下：'),
        new Paragraph({ text: '主要举措和成效', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: '强化组织领导', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: '健全工作机制', style: 'GwItem' }),
        new Paragraph('街道党政主要负责人切实履行推进法治建设第一责任人职责，全年召开专题会议4次。'),
        new Paragraph({ text: '推进依法决策', heading: HeadingLevel.HEADING_2 }),
        new Paragraph('重大行政决策全部经过合法性审查。'),
        new Paragraph({ text: '存在的不足和原因', heading: HeadingLevel.HEADING_1 }),
        new Paragraph('一是执法力量不足；二是法治宣传形式单一。原因是编制有限。'),
        new Paragraph({ text: '2025年工作安排', style: 'GwPartLast' }),
        new Paragraph('一是加强执法力量；二是创新法治宣传形式。'),
        new Paragraph('城西街道办事处'),
        new Paragraph('2025年1月20日'),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word automatic numbering in a .docx', () => {
  it('numbering from the paragraph style (and a style based on it) gives the same labels and levels', async () => {
    const bytes = await styleNumberedReport();
    const { default: jszip } = await import('jszip');
    const documentXml = await (await jszip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(documentXml).not.toContain('<w:numPr'); // numbered by style only
    const doc = await importFileBytes('styled.docx', bytes, '2025-01-20');
    const headings = toBlocks(doc.body).filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && [b.level, b.label, b.text]);
    expect(headings).toEqual([
      [1, '一、', '主要举措和成效'],
      [2, '（一）', '强化组织领导'],
      [3, '1.', '健全工作机制'],
      [2, '（二）', '推进依法决策'],
      [1, '二、', '存在的不足和原因'],
      [1, '三、', '2025年工作安排'],
    ]);
  });

  it('style numbering as Word resolves it: a level naming the style, numId 0 on the paragraph, ilvl on the paragraph, a numbering-style link', () => {
    const lvl = (i: number, fmt: string, text: string, pStyle = '') => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${pStyle ? `<w:pStyle w:val="${pStyle}"/>` : ''}<w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = '<w:numbering>'
      + `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', 'Part')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>`
      + '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="GwList"/></w:abstractNum>'
      + `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '（%2）')}</w:abstractNum>`
      + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
      + '</w:numbering>';
    const styles = '<w:styles>'
      + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Part"><w:name w:val="part"/><w:basedOn w:val="Normal"/></w:style>' // numbered only by lvl/pStyle
      + '<w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' // numId, no ilvl
      + '<w:style w:type="numbering" w:styleId="GwList"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
      + '<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
      + '</w:styles>';
    const p = (style: string, text: string, numPr = '') => `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const xml = `<w:body>${p('Part', 'A')}${p('Sub', 'B', '<w:numPr><w:ilvl w:val="1"/></w:numPr>')}${p('Part', 'C', '<w:numPr><w:numId w:val="0"/></w:numPr>')}${p('Part', 'D')}${p('Item', 'E')}${p('Normal', 'F')}</w:body>`;
    const out = writeListLabels(xml, numbering, styles);
    const texts = [...out.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['一、A', '（一）B', 'C', '二、D', '1.E', 'F']);
  });


  it('gives the headings their labels and levels (一、 （一） 1. and 二、 三、 after them)', async () => {
    const doc = await importFileBytes('numbered.docx', await numberedReport(), '2025-01-20');
    const headings = toBlocks(doc.body).filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && [b.level, b.label, b.text]);
    expect(headings).toEqual([
      [1, '一、', '主要举措和成效'],
      [2, '（一）', '强化组织领导'],
      [3, '1.', '健全工作机制'],
      [2, '（二）', '推进依法决策'],
      [1, '二、', '存在的不足和原因'],
      [1, '三、', '2025年工作安排'],
    ]);
    expect(doc.header.date).toBe('2025年1月20日');
  });

  it('spells the formats 公文 use and leaves bullets and unknown formats to the list', () => {
    expect([1, 10, 11, 20, 21, 100, 105].map((n) => formatCounter(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五']);
    expect(formatCounter(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatCounter(2, 'ideographTraditional')).toBe('乙');
    expect(formatCounter(1, 'bullet')).toBeNull();
    const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const xml = '<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p></w:body>';
    expect(writeListLabels(xml, numbering)).toBe(xml);
  });

  it('a second list on the same definition with a start override starts again; deeper levels restart under a new parent', () => {
    const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0">'
      + '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
      + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
      + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
      + '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>';
    const p = (id: number, lvl: number, text: string) => `<w:p w:rsidR="00AB"><w:pPr><w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const out = writeListLabels(`<w:body>${p(1, 0, 'A')}${p(1, 1, 'B')}${p(1, 0, 'C')}${p(1, 1, 'D')}${p(2, 0, 'E')}</w:body>`, numbering);
    const texts = [...out.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['一、A', '（一）B', '二、C', '（一）D', '一、E']);
    expect(out).not.toContain('<w:numPr');
  });
});

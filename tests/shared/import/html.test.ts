/**
 * HTML import: what mammoth makes of a .docx, what Word/WPS and browsers put on the
 * clipboard. Only text and bold survive; the structuring is the text importer's.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToLines, importHtml } from '../../../shared/import/html';
import { importText } from '../../../shared/import/text';
import { toBlocks } from '../../../shared/model';

describe('htmlToLines', () => {
  it('makes one line per block element and per <br>, cells side by side', () => {
    expect(htmlToLines('<div>甲<br>乙</div><p>丙</p><table><tr><td>丁</td><td>戊</td></tr></table>').filter(Boolean)).toEqual(['甲', '乙', '丙', ' 丁 戊']);
  });

  it('drops styles, scripts, comments, Word XML and conditional markers but keeps their text where it is text', () => {
    const html = `<html><head><style>p.MsoNormal{font-family:仿宋_GB2312;color:red}</style><title>文档</title></head>
<body><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>一、</span><![endif]><span style='font-family:黑体;color:#FF0000;font-size:22pt'>主要举措</span><o:p></o:p></p>
<script>alert(1)</script></body></html>`;
    expect(htmlToLines(html).map((l) => l.trim()).filter(Boolean)).toEqual(['一、主要举措']);
  });

  it('writes bold as ** whether <b>, <strong> or a bold span, and across block breaks', () => {
    expect(htmlToLines('<p><b>（一）标题。</b>正文</p>')).toContain('**（一）标题。**正文');
    expect(htmlToLines('<p><span style="font-weight:700">（一）标题。</span>正文</p>')).toContain('**（一）标题。**正文');
    expect(htmlToLines('<strong><p>甲</p><p>乙</p></strong>').filter((l) => l.replace(/\*/g, ''))).toEqual(['**甲**', '**乙**']);
  });

  it('collapses whitespace like a browser, without a space where Word wrapped Chinese text', () => {
    expect(htmlToLines('<p>法治政府\r\n建设  工作 a\nb</p>')).toContain('法治政府建设 工作 a b');
  });

  it('numbers ordered list items that carry no number of their own', () => {
    expect(htmlToLines('<ol><li>第一项</li><li>2. 第二项</li></ol><ol start="5"><li>第五项</li></ol>').filter(Boolean)).toEqual(['1.第一项', '2. 第二项', '5.第五项']);
  });

  it('tolerates broken markup', () => {
    expect(htmlToLines('<p>甲<span class="x>乙</p><p>丙</p>').join('|')).toContain('丙');
    expect(htmlToLines('a < b <<p>c').join('|')).toContain('a < b');
    expect(htmlToLines('<style>never closed <p>正文</p>').join('')).toContain('正文');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal, hex and Windows-1252 references', () => {
    expect(decodeEntities('&ldquo;两高一低&rdquo;&amp;&#12288;&#x4E00;&#150;&nbsp;&unknown;&#0;')).toBe('“两高一低”&\u3000一–\u00a0&unknown;\ufffd');
  });
});

describe('importHtml', () => {
  it('structures a mammoth-style document like the same text', () => {
    const html =
      '<h1>××街道办事处关于2023年度法治政府建设情况的报告</h1><p>区委、区政府：</p><p>2023年，我街道……现报告如下：</p>' +
      '<h2>一、主要举措和成效</h2><p><strong>（一）强化组织领导。</strong>街道党工委书记主持召开会议3次。</p>' +
      '<p>特此报告。</p><p>××街道办事处</p><p>2024年1月15日</p>';
    const doc = importHtml(html);
    expect(doc.header.title).toBe('××街道办事处关于2023年度法治政府建设情况的报告');
    expect(doc.header.recipient).toBe('区委、区政府');
    expect(doc.header.signingOrgans).toEqual(['××街道办事处']);
    expect(doc.header.date).toBe('2024年1月15日');
    expect(toBlocks(doc.body)).toEqual([
      { type: 'paragraph', text: '2023年，我街道……现报告如下：' },
      { type: 'heading', level: 1, label: '一、', text: '主要举措和成效', runIn: null },
      { type: 'heading', level: 2, label: '（一）', text: '强化组织领导。', runIn: '街道党工委书记主持召开会议3次。' },
      { type: 'paragraph', text: '特此报告。' },
    ]);
    expect(doc.kind).toBe('fazhi-annual');
    expect(doc.reportYear).toBe(2023);
  });

  it('drops fonts, colours and sizes: the same words give the same document as plain text', () => {
    const styled =
      '<p style="text-align:center"><span style="font-family:方正小标宋简体;font-size:22pt;color:#333">关于××的报告</span></p>' +
      '<p><font face="宋体" color="blue" size="5">&nbsp;&nbsp;&nbsp;&nbsp;正文第一段。</font></p>';
    expect(importHtml(styled)).toEqual(importText('关于××的报告\n    正文第一段。'));
  });
});

describe('importHtml: bold runs as Word and mammoth write them', () => {
  it('joins adjacent bold runs of one heading, but stops at the sentence end', () => {
    const blocks = toBlocks(importHtml('<p>关于××的报告</p><p><strong>一、</strong><strong>主要举措</strong></p><p><strong>（一）强化组织领导。</strong><strong>一是</strong>成立领导小组。</p>').body);
    expect(blocks).toEqual([
      { type: 'heading', level: 1, label: '一、', text: '主要举措', runIn: null },
      // the bold 一是 is a mark of the run-on text; the wholly bold heading text is just a heading
      { type: 'heading', level: 2, label: '（一）', text: '强化组织领导。', runIn: '一是成立领导小组。', runInRuns: [{ text: '一是', bold: true }, { text: '成立领导小组。' }] },
    ]);
  });
});

describe('the 版记 as a table (Word/WPS templates, our own .docx)', () => {
  const body = '<p>关于2024年度法治政府建设情况的报告</p><p>区委、区政府：</p><p>一、工作成效</p><p>今年以来，我街坚持依法行政，法治政府建设工作稳步推进。</p>';
  const closing = '<p>城西街道办事处</p><p>2025年1月20日</p><p>（此件公开发布）</p>';
  const record = '<table><tr><td><p>抄送：区委依法治区办，区司法局。</p></td></tr><tr><td><p>城西街道党政办公室\t2025年1月20日印发</p></td></tr></table>';

  it('after the date, gives the same 署名, 成文日期, 附注, 抄送 and 印发 as the same lines in plain text', () => {
    const fromTable = importHtml(body + closing + record);
    const fromText = importText('关于2024年度法治政府建设情况的报告\n区委、区政府：\n一、工作成效\n今年以来，我街坚持依法行政，法治政府建设工作稳步推进。\n城西街道办事处\n2025年1月20日\n（此件公开发布）\n抄送：区委依法治区办，区司法局。\n城西街道党政办公室　　2025年1月20日印发');
    expect(fromTable.header.date).toBe('2025年1月20日');
    expect(fromTable.header.signingOrgans).toEqual(['城西街道办事处']);
    expect(fromTable.header.cc).toBe('区委依法治区办，区司法局');
    expect(fromTable.header.printOrgan).toBe('城西街道党政办公室');
    expect(fromTable.header.printDate).toBe('2025年1月20日');
    expect(fromTable.header).toEqual(fromText.header);
    expect(toBlocks(fromTable.body).some((b) => b.type === 'table')).toBe(false);
  });

  it('a table of anything else at the end stays a table, and the closing above it stays body text', () => {
    const doc = importHtml(body + closing + '<table><tr><td>单位</td><td>件数</td></tr><tr><td>抄送：区司法局</td><td>3</td></tr></table>');
    expect(toBlocks(doc.body).filter((b) => b.type === 'table')).toHaveLength(1);
    expect(doc.header.cc).toBe('');
  });
});

describe('the 版头 in tables (Word red-header templates)', () => {
  const rest = '<p>关于2024年度法治政府建设情况的报告</p><p>区委、区政府：</p><p>一、工作成效</p><p>今年以来，我街坚持依法行政，法治政府建设工作稳步推进。</p><p>城西街道办事处</p><p>2025年1月20日</p>';

  it('the issuer mark in one table, 文号 and 签发人 side by side in another: the same header as plain lines', () => {
    const doc = importHtml('<table><tr><td><p>城西街道办事处文件</p></td></tr></table><table><tr><td><p>城西街文〔2025〕3号</p></td><td><p>签发人：李明</p></td></tr></table>' + rest);
    const plain = importHtml('<p>城西街道办事处文件</p><p>城西街文〔2025〕3号</p><p>签发人：李明</p>' + rest);
    expect(doc.header.issuerLines).toEqual(['城西街道办事处文件']);
    expect(doc.header.docNumber).toBe('城西街文〔2025〕3号');
    expect(doc.header.signers).toEqual(['李明']);
    expect(doc.header.title).toBe('关于2024年度法治政府建设情况的报告');
    expect(doc.header.recipient).toBe('区委、区政府');
    expect(doc.header).toEqual(plain.header);
    expect(toBlocks(doc.body).some((b) => b.type === 'table')).toBe(false);
  });

  it('a table of figures at the start stays a table', () => {
    const doc = importHtml('<table><tr><td>单位</td><td>件数</td></tr><tr><td>司法所</td><td>3</td></tr></table>' + rest);
    expect(toBlocks(doc.body).filter((b) => b.type === 'table')).toHaveLength(1);
    expect(doc.header.docNumber).toBe('');
  });
});

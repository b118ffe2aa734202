import JSZip from 'jszip';
import { titleLines } from '../../../shared/page/title-breaks';
import { describe, expect, it, vi } from 'vitest';
import { buildDocx, colophonTopTwips, documentStamp, STYLE_IDS } from '../../../shared/docx/build';
import { emptyHeader, SCHEMA_VERSION, type GongwenDocument, type ReportHeader } from '../../../shared/model/document';
import { fromBlocks } from '../../../shared/model/lexical-json';
import type { Block } from '../../../shared/model/blocks';
import { GRID, MARGINS, PAPER, mmToTwips } from '../../../shared/page/geometry';

const BLOCKS: Block[] = [
  { type: 'paragraph', text: '2024年，在区委、区政府的坚强领导下，街道“法治”建设——稳步推进……' },
  { type: 'guidance', text: '此处填写本年度主要举措（导出时不会出现）' },
  { type: 'heading', level: 1, label: null, text: '主要举措', runIn: null },
  { type: 'heading', level: 2, label: null, text: '强化组织领导。', runIn: '街道党工委把法治建设列入重要议事日程。' },
  { type: 'heading', level: 3, label: '1.', text: '完善制度。', runIn: null },
  { type: 'heading', level: 4, label: null, text: '健全法律顾问制度。', runIn: null },
  { type: 'paragraph', text: 'Latin ABC 123 与中文混排。' },
];

function makeDoc(header: Partial<ReportHeader> = {}): GongwenDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'fazhi-annual',
    reportYear: 2024,
    header: {
      ...emptyHeader(),
      issuerLines: ['中共××街道工作委员会文件'],
      docNumber: '街工委〔2025〕3号',
      signers: ['张三'],
      title: '关于2024年度法治政府建设情况的报告',
      recipient: '区委、区政府',
      signingOrgans: ['中共××街道工作委员会'],
      date: '2025年1月5日',
      note: '联系人：李四，电话：1234567',
      attachments: ['工作台账'],
      cc: '区司法局',
      printOrgan: '中共××街道工作委员会办公室',
      printDate: '2025年1月5日',
      ...header,
    },
    body: fromBlocks(BLOCKS),
  };
}

interface Parts {
  document: string;
  styles: string;
  settings: string;
  theme: string;
  contentTypes: string;
  rels: string;
  docRels: string;
  footers: string[];
  files: string[];
}

async function parts(doc: GongwenDocument, variant: 'official' | 'public' = 'official'): Promise<Parts> {
  const bytes = await buildDocx(doc, { variant });
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`missing part ${name}`);
    return f.async('string');
  };
  const files = Object.keys(zip.files);
  const footerNames = files.filter((f) => /^word\/footer\d+\.xml$/.test(f)).sort();
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    theme: await read('word/theme/theme1.xml'),
    contentTypes: await read('[Content_Types].xml'),
    rels: await read('_rels/.rels'),
    docRels: await read('word/_rels/document.xml.rels'),
    footers: await Promise.all(footerNames.map(read)),
    files,
  };
}

/** The <w:style> element with this id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}

/** All <w:p> elements whose text contains `text`. */
function paragraphsWith(document: string, text: string): string[] {
  return (document.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).filter((p) => p.replace(/<[^>]+>/g, '').includes(text));
}

function fonts(xml: string): { ascii?: string; hAnsi?: string; eastAsia?: string } {
  const m = /<w:rFonts ([^>]*)\/>/.exec(xml);
  if (!m) return {};
  const attr = (n: string) => new RegExp(`w:${n}="([^"]*)"`).exec(m[1]!)?.[1];
  return { ascii: attr('ascii'), hAnsi: attr('hAnsi'), eastAsia: attr('eastAsia') };
}

describe('buildDocx package', () => {
  it('is a complete OOXML package: content types, relationships, parts', async () => {
    const p = await parts(makeDoc());
    expect(p.contentTypes).toContain('PartName="/word/document.xml"');
    expect(p.contentTypes).toContain('wordprocessingml.document.main+xml');
    expect(p.contentTypes).toContain('PartName="/word/styles.xml"');
    expect(p.contentTypes).toContain('PartName="/word/theme/theme1.xml"');
    expect(p.rels).toContain('Target="word/document.xml"');
    for (const target of ['styles.xml', 'settings.xml', 'theme/theme1.xml', 'fontTable.xml']) expect(p.docRels).toContain(`Target="${target}"`);
    // every relationship target exists in the zip
    for (const m of p.docRels.matchAll(/Target="([^"]+)"/g)) expect(p.files).toContain(`word/${m[1]}`);
    // every footer has a content type override
    for (const f of p.files.filter((x) => /^word\/footer\d+\.xml$/.test(x))) expect(p.contentTypes).toContain(`PartName="/${f}"`);
  });

  it('title: broken by words with explicit line breaks, the same lines as titleLines (screen, print)', async () => {
    const title = '中共新县金兰山街道工作委员会新县金兰山街道办事处关于2022年度法治政府建设工作情况的报告';
    const p = await parts(makeDoc({ title }));
    const para = p.document.split('</w:p>').find((x) => x.includes('w:val="GwTitle"')) ?? '';
    const lines = para.split('<w:br/>').map((chunk) => [...chunk.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(lines).toEqual(titleLines(title));
    expect(lines).toEqual(['中共新县金兰山街道工作委员会', '新县金兰山街道办事处', '关于2022年度法治政府建设工作情况的报告']);
  });

  it('section: A4, GB margins in twips, 579-twip line grid', async () => {
    const { document } = await parts(makeDoc());
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)![0];
    expect(sect).toContain(`<w:pgSz w:w="${mmToTwips(PAPER.widthMm)}" w:h="${mmToTwips(PAPER.heightMm)}"`);
    expect(mmToTwips(PAPER.widthMm)).toBe(11906);
    expect(mmToTwips(PAPER.heightMm)).toBe(16838);
    const pgMar = /<w:pgMar ([^>]*)\/>/.exec(sect)![1]!;
    expect(pgMar).toContain(`w:top="${mmToTwips(MARGINS.topMm)}"`);
    expect(pgMar).toContain('w:top="2098"');
    expect(pgMar).toContain('w:bottom="1984"');
    expect(pgMar).toContain('w:left="1587"');
    expect(pgMar).toContain('w:right="1474"');
    expect(sect).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(sect).not.toContain('charSpace');
  });

  it('even and odd footers: evenAndOddHeaders, "— PAGE —" in 宋体 14 pt, right/left one char in', async () => {
    const { settings, document, footers } = await parts(makeDoc());
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    // two sections (body, 版记), each with its odd and even footer
    expect(footers).toHaveLength(4);
    const [odd, even] = footers as [string, string];
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— </w:t>');
      expect(f).toContain(' —</w:t>');
      expect(f).toContain(`w:val="${STYLE_IDS.pageNumber}"`);
    }
    expect(odd).toMatch(/<w:jc w:val="right"\/>/);
    expect(odd).toMatch(/<w:ind w:right="280"\/>/);
    expect(even).toMatch(/<w:jc w:val="left"\/>/);
    expect(even).toMatch(/<w:ind w:left="280"\/>/);
  });

  it('defaults: body font 仿宋_GB2312 in eastAsia and hAnsi, Times New Roman in ascii, 16 pt, −5 twips, exact 579, no theme fonts', async () => {
    const { styles } = await parts(makeDoc());
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(fonts(defaults)).toEqual({ ascii: 'Times New Roman', hAnsi: '仿宋_GB2312', eastAsia: '仿宋_GB2312' });
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain(`<w:spacing w:val="${GRID.charSpacingTwips}"/>`);
    expect(defaults).toMatch(/<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    expect(defaults).toContain('<w:widowControl w:val="0"/>');
    expect(styles).not.toMatch(/asciiTheme|eastAsiaTheme|hAnsiTheme/);
  });

  it('Normal turns LibreOffice\'s hanging punctuation off (w:overflowPunct 1: LibreOffice reads it inverted, Word as its default), kinsoku untouched', async () => {
    const { styles } = await parts(makeDoc());
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(normal).toMatch(/<w:pPr><w:overflowPunct w:val="1"\/>/);
    // CT_Style: pPr before rPr; exactly one pPr.
    expect(normal.match(/<w:pPr>/g)).toHaveLength(1);
    if (normal.includes('<w:rPr>')) expect(normal.indexOf('<w:pPr>')).toBeLessThan(normal.indexOf('<w:rPr>'));
    expect(styles).not.toMatch(/<w:kinsoku w:val="0"\/>/);
  });

  it('theme major/minor fonts are 宋体 / Times New Roman (no Calibri or 等线 for WPS to ask for)', async () => {
    const { theme } = await parts(makeDoc());
    for (const part of ['majorFont', 'minorFont']) {
      const f = new RegExp(`<a:${part}>[\\s\\S]*?</a:${part}>`).exec(theme)![0];
      expect(f).toContain('<a:latin typeface="Times New Roman"/>');
      expect(f).toContain('<a:ea typeface="宋体"/>');
      expect(f).toContain('<a:font script="Hans" typeface="宋体"/>');
      expect(f).not.toMatch(/Calibri|等线/);
    }
  });

  it('named styles: headings 1–4 with outline levels and their fonts, title, issuer mark, body', async () => {
    const { styles } = await parts(makeDoc());
    const want: [string, string, number][] = [
      ['Heading1', '黑体', 0],
      ['Heading2', '楷体_GB2312', 1],
      ['Heading3', '仿宋_GB2312', 2],
      ['Heading4', '仿宋_GB2312', 3],
    ];
    for (const [id, font, level] of want) {
      const s = style(styles, id);
      expect(s).toContain(`<w:name w:val="heading ${level + 1}"/>`.replace('heading', 'Heading'));
      expect(s).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(fonts(s)).toEqual({ ascii: 'Times New Roman', hAnsi: font, eastAsia: font });
      expect(s).toContain('<w:sz w:val="32"/>');
      expect(s).toContain('<w:color w:val="000000"/>');
      expect(s).toContain('<w:ind w:firstLine="640"/>');
      // keep-with-next is per paragraph (stand-alone headings only), never on the style
      expect(s).not.toMatch(/<w:keepNext\/>/);
    }
    const title = style(styles, STYLE_IDS.title);
    expect(fonts(title)).toEqual({ ascii: 'Times New Roman', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体' });
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:snapToGrid w:val="0"/>');
    const issuer = style(styles, STYLE_IDS.issuer);
    expect(fonts(issuer).eastAsia).toBe('方正小标宋简体');
    expect(issuer).toContain('<w:color w:val="FF0000"/>');
    expect(issuer).toContain('<w:jc w:val="center"/>');
    expect(issuer).toContain('<w:snapToGrid w:val="0"/>');
    // exact line taller than the glyph (no clipping)
    const line = Number(/w:line="(\d+)"/.exec(issuer)![1]);
    const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(issuer)![1]) / 2;
    expect(line / 20).toBeGreaterThan(size);
    const body = style(styles, STYLE_IDS.body);
    expect(body).toContain('<w:ind w:firstLine="640"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    const kai = style(styles, STYLE_IDS.kaiChar);
    expect(fonts(kai).eastAsia).toBe('楷体_GB2312');
    expect(fonts(style(styles, STYLE_IDS.pageNumber))).toEqual({ ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' });
    expect(style(styles, STYLE_IDS.pageNumber)).toContain('<w:sz w:val="28"/>');
  });

  it('body runs carry styles, not hard formatting; guidance never exported; labels generated', async () => {
    const { document } = await parts(makeDoc());
    expect(document).not.toContain('导出时不会出现');
    const body = paragraphsWith(document, '坚强领导')[0]!;
    expect(body).toContain(`<w:pStyle w:val="${STYLE_IDS.body}"/>`);
    expect(body).not.toContain('<w:rPr>');
    const h1 = paragraphsWith(document, '主要举措')[0]!;
    expect(h1).toContain('<w:pStyle w:val="Heading1"/>');
    expect(h1.replace(/<[^>]+>/g, '')).toBe('一、主要举措');
    const h2 = paragraphsWith(document, '强化组织领导')[0]!;
    expect(h2).toContain('<w:pStyle w:val="Heading2"/>');
    expect(h2.replace(/<[^>]+>/g, '')).toBe('（一）强化组织领导。街道党工委把法治建设列入重要议事日程。');
    // run-in text in the body font through a character style; the heading's 。 opens the body
    // run, so the heading run holds only the heading's words
    expect(h2).toMatch(new RegExp(`<w:t xml:space="preserve">（一）强化组织领导</w:t></w:r><w:r><w:rPr><w:rStyle w:val="${STYLE_IDS.bodyChar}"/></w:rPr><w:t xml:space="preserve">。街道党工委`));
    // a heading standing alone keeps with the next paragraph; a run-in heading carries its own text
    expect(h1).toContain('<w:keepNext/>');
    expect(h2).not.toContain('<w:keepNext/>');
    expect(paragraphsWith(document, '完善制度')[0]).toContain('<w:keepNext/>');
    expect(paragraphsWith(document, '完善制度')[0]!.replace(/<[^>]+>/g, '')).toBe('1.完善制度。');
    expect(paragraphsWith(document, '健全法律顾问')[0]!.replace(/<[^>]+>/g, '')).toBe('（1）健全法律顾问制度。');
  });

  it('版头: red issuer mark, 文号 one char in, 签发人 in 楷体 on the 文号 line, red 156 mm line under it', async () => {
    const { document } = await parts(makeDoc());
    const issuer = paragraphsWith(document, '工作委员会文件')[0]!;
    expect(issuer).toContain(`<w:pStyle w:val="${STYLE_IDS.issuer}"/>`);
    expect(Number(/<w:spacing w:before="(\d+)"/.exec(issuer)![1])).toBeGreaterThan(1500); // ≈35 mm down
    const dn = paragraphsWith(document, '〔2025〕3号')[0]!;
    expect(dn).toContain('签发人：');
    expect(dn).toMatch(/<w:tab w:val="left" w:pos="320"\/>/);
    expect(dn).toMatch(/<w:rStyle w:val="GwKaiChar"\/><\/w:rPr><w:t xml:space="preserve">张三/);
    expect(dn).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="\d+" w:space="\d+"\/><\/w:pBdr>/);
    // the signer's name ends one character (320 twips) from the right edge of the 156 mm type area
    const labelPos = Number(/<w:tab w:val="left" w:pos="(\d+)"\/><\/w:tabs>/.exec(dn)![1]);
    const end = labelPos + 6 * 315; // 签发人：张三 = 6 ideographs at 15.75 pt
    expect(Math.abs(mmToTwips(156) - 320 - end)).toBeLessThan(20);
  });

  it('several signers: two a line, the 文号 on the last signer line only, which carries the red line', async () => {
    const { document } = await parts(makeDoc({ signers: ['张三', '李四', '王五'] }));
    const lines = (document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*GwDocNumber[\s\S]*?<\/w:p>/g) ?? []).map((p) => p);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.replace(/<[^>]+>/g, '')).toBe('签发人：张三\u3000李四');
    expect(lines[0]).not.toContain('FF0000');
    expect(lines[1]!.replace(/<[^>]+>/g, '')).toBe('街工委〔2025〕3号王五');
    expect(lines[1]).toContain('w:color="FF0000"');
  });

  it('down-going: 文号 centred, no 签发人', async () => {
    const { document } = await parts(makeDoc({ direction: 'down', signers: [] }));
    const dn = paragraphsWith(document, '〔2025〕3号')[0]!;
    expect(dn).toContain('<w:jc w:val="center"/>');
    expect(document).not.toContain('签发人');
  });

  it('joint issuing: one name a line, 文件 once on the last line', async () => {
    const { document } = await parts(makeDoc({ issuerLines: ['中共××街道工作委员会文件', '××街道办事处文件'] }));
    const lines = (document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*GwIssuerMark[\s\S]*?<\/w:p>/g) ?? []).map((p) => p.replace(/<[^>]+>/g, ''));
    expect(lines).toEqual(['中共××街道工作委员会', '××街道办事处文件']);
  });

  it('signature with seal: date 4 chars from the right, name centred over it', async () => {
    const { document } = await parts(makeDoc({ withSeal: true }));
    const date = paragraphsWith(document, '2025年1月5日').find((p) => !p.includes('印发'))!;
    expect(date).toContain('<w:ind w:right="1280"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    const name = paragraphsWith(document, '中共××街道工作委员会').find((p) => p.includes(STYLE_IDS.signature))!;
    expect(name).toContain('<w:jc w:val="center"/>');
  });

  it('signature without seal: name 2 chars in from the right, date two chars right of its first character', async () => {
    const { document } = await parts(makeDoc({ withSeal: false }));
    const name = paragraphsWith(document, '中共××街道工作委员会').find((p) => p.includes(STYLE_IDS.signature))!;
    expect(name).toContain('<w:ind w:right="640"/>');
    const date = paragraphsWith(document, '2025年1月5日').find((p) => p.includes(STYLE_IDS.signature))!;
    const left = Number(/<w:ind w:left="(\d+)"\/>/.exec(date)![1]);
    const nameStart = mmToTwips(156) - 640 - 10 * 315; // 10 ideographs
    expect(Math.abs(left - (nameStart + 640))).toBeLessThan(40);
  });

  it('附件说明, 附注 in brackets, 版记 with thick/thin rules in the official variant', async () => {
    const { document } = await parts(makeDoc());
    expect(paragraphsWith(document, '附件：工作台账')).toHaveLength(1);
    expect(paragraphsWith(document, '（联系人：李四，电话：1234567）')).toHaveLength(1);
    expect(document).toContain('抄送：区司法局。');
    expect(document).toContain('2025年1月5日印发');
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)![0];
    // floated: x against the page at the left margin (LibreOffice makes it a frame only then),
    // y from the type area's top so that its 2 exact rows end on the type area's lower edge
    const tblpPr = /<w:tblpPr ([^>]*)\/>/.exec(tbl)![1]!;
    expect(tblpPr).toContain('w:horzAnchor="page"');
    expect(tblpPr).toContain(`w:tblpX="${mmToTwips(MARGINS.leftMm)}"`);
    expect(tblpPr).toContain('w:vertAnchor="margin"');
    expect(tblpPr).toContain(`w:tblpY="${colophonTopTwips(2)}"`);
    expect(colophonTopTwips(2)).toBe(mmToTwips(225) - 2 * 579);
    expect(tbl.match(/<w:trHeight w:val="579" w:hRule="exact"\/>/g)).toHaveLength(2);
    expect(/<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(tbl)![0]).toMatch(/<w:left w:type="dxa" w:w="0"\/>/);
    expect(tbl).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/); // 0.35 mm ≈ 1 pt
    expect(tbl).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/); // 0.25 mm ≈ 0.75 pt
    expect(tbl).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
  });

  it('版记 in a final section that starts on an even page; the body section before it is a plain one', async () => {
    const { document } = await parts(makeDoc());
    const sects = document.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sects).toHaveLength(2);
    expect(sects[0]).not.toContain('<w:type ');
    expect(sects[1]).toContain('<w:type w:val="evenPage"/>');
    // the 版记 comes after the body's section break, and the section opens with a paragraph
    const afterBreak = document.slice(document.indexOf(sects[0]!) + sects[0]!.length);
    expect(afterBreak).toContain('抄送：区司法局。');
    expect(afterBreak.indexOf('<w:p>')).toBeLessThan(afterBreak.indexOf('<w:tbl>'));
    // same page setup in both sections
    for (const sect of sects) expect(sect).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    // no 版记 fields → no 版记 section
    const bare = await parts(makeDoc({ cc: '', printOrgan: '', printDate: '' }));
    expect(bare.document.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(bare.document).not.toContain('<w:tbl>');
  });

  it('deterministic: the same document gives the same bytes at any time; core.xml dated by the 成文日期', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-06-07T08:09:10Z'));
      const a = await buildDocx(makeDoc(), { variant: 'official' });
      vi.setSystemTime(new Date('2040-12-31T23:59:59Z'));
      const b = await buildDocx(makeDoc(), { variant: 'official' });
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      const core = await (await JSZip.loadAsync(a)).file('docProps/core.xml')!.async('string');
      expect(core).toMatch(/<dcterms:created [^>]*>2025-01-05T00:00:00Z<\/dcterms:created>/);
      expect(core).toMatch(/<dcterms:modified [^>]*>2025-01-05T00:00:00Z<\/dcterms:modified>/);
      expect(core).not.toContain('2031');
      // no readable date: a constant, still no clock
      const c = await buildDocx(makeDoc({ date: '' }), { variant: 'official' });
      vi.setSystemTime(new Date('2050-01-01T00:00:00Z'));
      const d = await buildDocx(makeDoc({ date: '' }), { variant: 'official' });
      expect(Buffer.from(c).equals(Buffer.from(d))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect(documentStamp(makeDoc({ date: '2024年2月30日' })).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(documentStamp(makeDoc({ date: '2024年12月1日' })).toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });

  it('public variant: no red anything, no issuer mark, 文号, 签发人 or 版记; title and body kept', async () => {
    const p = await parts(makeDoc(), 'public');
    expect(p.document).not.toContain('FF0000');
    expect(p.document).not.toContain(STYLE_IDS.issuer);
    expect(p.document).not.toContain('〔2025〕3号');
    expect(p.document).not.toContain('签发人');
    expect(p.document).not.toContain('抄送');
    expect(p.document).not.toContain('<w:tbl>');
    expect(paragraphsWith(p.document, '关于2024年度法治政府建设情况的报告')[0]).toContain(STYLE_IDS.title);
    expect(p.document).toContain('坚强领导');
    expect(p.footers).toHaveLength(2);
  });

  it('honours redHeader=false as the public layout even for the official variant', async () => {
    const { document } = await parts(makeDoc({ redHeader: false }), 'official');
    expect(document).not.toContain('FF0000');
  });
});

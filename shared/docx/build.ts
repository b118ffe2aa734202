/**
 * GongwenDocument → .docx bytes, laid out to GB/T 9704-2012 (see docs/gbt9704.md).
 *
 * Built with the `docx` library; its package files get a small string pass before the one
 * zip (./zip.ts) for the few settings the library cannot write: paragraph-level
 * `w:snapToGrid w:val="0"` on the large-type header lines, and widow control off by
 * default so every full page holds exactly 22 lines.
 *
 * Formatting lives in named styles (Normal, 公文正文, Heading 1–4, 公文标题, …) so a clerk
 * who edits the file in Word or WPS keeps the format; runs only carry a character style
 * where a paragraph mixes fonts (run-in headings, 签发人 names, 密级).
 *
 * Pure: no I/O, no clock, no locale (node:zlib for the zip). All geometry comes from shared/page/geometry.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  DocumentGridType,
  HeightRule,
  SectionType,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IRunOptions,
} from 'docx';
import type { GongwenDocument } from '../model/document';
import { zipPackage } from './zip';
import { compactRuns, runLines, runsOf, type Block, type HeadingBlock, type Run, type TableBlock } from '../model/blocks';
import { toBlocks } from '../model/lexical-json';
import { displayLabels } from '../model/numbering';
import { titleLines } from '../page/title-breaks';
import {
  BLACK_HEX,
  COLOPHON,
  FONTS,
  GRID,
  HEADER_BLOCK,
  LATIN_FONT,
  MARGINS,
  ONE_CHAR_TWIPS,
  PAGE_NUMBER,
  PAPER,
  PARAGRAPH_INDENT_CHARS,
  RED_HEX,
  SIZES_PT,
  TABLE,
  TYPE_AREA,
  issuerMarkSizeFor,
  mmToPt,
  mmToTwips,
  pageNumberFooterDistanceMm,
  ptToEighthPoints,
  ptToHalfPoints,
  ptToTwips,
  type FontKey,
  issuerLinePt,
  issuerSpaceBeforePt,
  redLineSpacePt,
} from '../page/geometry';

export type DocxVariant = 'official' | 'public';

export interface BuildDocxOptions {
  /** official = the red-header 正式 version; public = the same text without 版头 and 版记 (公开版). */
  variant: DocxVariant;
}

/** Style ids written into styles.xml; tests and the layout meter look for these. */
export const STYLE_IDS = {
  body: 'GwBody',
  title: 'GwTitle',
  issuer: 'GwIssuerMark',
  headerField: 'GwHeaderField',
  docNumber: 'GwDocNumber',
  recipient: 'GwRecipient',
  attachment: 'GwAttachment',
  signature: 'GwSignature',
  note: 'GwNote',
  colophon: 'GwColophon',
  pageNumber: 'GwPageNumber',
  heading: (level: 1 | 2 | 3 | 4) => `Heading${level}`,
  bodyChar: 'GwBodyChar',
  heiChar: 'GwHeiChar',
  kaiChar: 'GwKaiChar',
  tableText: 'GwTableText',
} as const;

// ---------------------------------------------------------------------------------------
// Measures used below (twips unless named otherwise)
// ---------------------------------------------------------------------------------------

const LINE = GRID.linePitchTwips; // 579: one grid line
const TYPE_WIDTH = mmToTwips(TYPE_AREA.widthMm);
const BODY_INDENT = ONE_CHAR_TWIPS * PARAGRAPH_INDENT_CHARS;
/** Advance of one squeezed 3号 ideograph, in twips (16 pt − 0.25 pt). */
const CJK_ADVANCE = ptToTwips(SIZES_PT.body + GRID.charSpacingPt);
/** Half-width Times New Roman digits are ~0.5 em; the squeeze applies to them too. */
const HALF_ADVANCE = ptToTwips(SIZES_PT.body / 2 + GRID.charSpacingPt);

/** Rough rendered width of 3号 text (for centring the 署名 over the date and aligning signers). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? HALF_ADVANCE : CJK_ADVANCE;
  return w;
}

/** w:rFonts for a Chinese face: the face in eastAsia AND hAnsi (so “ ” — … stay Chinese), Times New Roman in ascii. */
function cjkFont(key: FontKey) {
  const name = FONTS[key].docx;
  return { ascii: LATIN_FONT.docx, hAnsi: name, eastAsia: name, cs: LATIN_FONT.docx };
}

// ---------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------

const exactLine = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function headingStyle(level: 1 | 2 | 3 | 4, font: FontKey) {
  return {
    run: { font: cjkFont(font), size: ptToHalfPoints(SIZES_PT.body), color: BLACK_HEX },
    paragraph: {
      outlineLevel: level - 1,
      indent: { firstLine: BODY_INDENT },
      spacing: exactLine(LINE),
      alignment: AlignmentType.JUSTIFIED,
      // Keep-with-next is set per paragraph on stand-alone headings only (headingParagraph):
      // on a run-in heading (several lines) LibreOffice moves whole paragraphs and leaves
      // pages half empty (measured: 11 of 22 lines).
      keepNext: false,
    },
  };
}

function paragraphStyles(issuerSizePt: number): IParagraphStyleOptions[] {
  const base = { basedOn: 'Normal', quickFormat: true } as const;
  return [
    {
      id: STYLE_IDS.body,
      name: '公文正文',
      ...base,
      next: STYLE_IDS.body,
      paragraph: { indent: { firstLine: BODY_INDENT }, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: STYLE_IDS.title,
      name: '公文标题',
      ...base,
      next: STYLE_IDS.recipient,
      run: { font: cjkFont('xiaobiaosong'), size: ptToHalfPoints(SIZES_PT.title) },
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: exactLine(LINE) },
    },
    {
      id: STYLE_IDS.issuer,
      name: '发文机关标志',
      ...base,
      run: {
        font: cjkFont('xiaobiaosong'),
        size: ptToHalfPoints(issuerSizePt),
        color: RED_HEX,
        characterSpacing: 0,
      },
      // An exact line taller than the glyph: a smaller one clips the mark.
      paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine(issuerLineTwips(issuerSizePt)) },
    },
    { id: STYLE_IDS.headerField, name: '版头字段', ...base, paragraph: { alignment: AlignmentType.LEFT } },
    { id: STYLE_IDS.docNumber, name: '发文字号', ...base, paragraph: { alignment: AlignmentType.LEFT } },
    { id: STYLE_IDS.recipient, name: '主送机关', ...base, paragraph: { alignment: AlignmentType.JUSTIFIED } },
    {
      id: STYLE_IDS.attachment,
      name: '附件说明',
      ...base,
      paragraph: { indent: { firstLine: BODY_INDENT }, alignment: AlignmentType.LEFT },
    },
    { id: STYLE_IDS.signature, name: '署名和日期', ...base, paragraph: { alignment: AlignmentType.RIGHT } },
    {
      id: STYLE_IDS.note,
      name: '附注',
      ...base,
      paragraph: { indent: { firstLine: BODY_INDENT }, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: STYLE_IDS.colophon,
      name: '版记',
      ...base,
      run: { size: ptToHalfPoints(SIZES_PT.colophon) },
      paragraph: { alignment: AlignmentType.LEFT },
    },
    {
      // Cell text (docs/gbt9704-tables.md): its own exact line (1.5 × the cell's size), off the
      // 28.95 pt grid — LibreOffice would give every cell line a whole grid line (measured:
      // rows 29.45 pt where Word, print and the screen set 24.5 pt), Word keeps the exact line.
      id: STYLE_IDS.tableText,
      name: '表格文字',
      ...base,
      run: { size: ptToHalfPoints(TABLE.sizePt) },
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: exactLine(ptToTwips(TABLE.sizePt * TABLE.lineFactor)) },
    },
    {
      id: STYLE_IDS.pageNumber,
      name: '页码',
      basedOn: 'Normal',
      run: {
        font: { ascii: FONTS.songti.docx, hAnsi: FONTS.songti.docx, eastAsia: FONTS.songti.docx, cs: FONTS.songti.docx },
        size: ptToHalfPoints(PAGE_NUMBER.sizePt),
        characterSpacing: 0,
      },
      paragraph: { spacing: exactLine(ptToTwips(PAGE_NUMBER.lineHeightPt)) },
    },
  ];
}

function characterStyles(): ICharacterStyleOptions[] {
  return [
    { id: STYLE_IDS.bodyChar, name: '正文字体', basedOn: 'DefaultParagraphFont', run: { font: cjkFont('fangsong') } },
    { id: STYLE_IDS.heiChar, name: '黑体字', basedOn: 'DefaultParagraphFont', run: { font: cjkFont('heiti') } },
    { id: STYLE_IDS.kaiChar, name: '楷体字', basedOn: 'DefaultParagraphFont', run: { font: cjkFont('kaiti') } },
  ];
}

// ---------------------------------------------------------------------------------------
// 版头
// ---------------------------------------------------------------------------------------

function issuerLineTwips(sizePt: number): number {
  return ptToTwips(issuerLinePt(sizePt));
}

function issuerSpaceBeforeTwips(sizePt: number, linesAbove: number): number {
  return ptToTwips(issuerSpaceBeforePt(sizePt, linesAbove));
}

const WENJIAN = '文件';

/** Issuer lines as printed; joint issuing keeps "文件" once, on the last line. */
function issuerLinesFor(lines: readonly string[]): string[] {
  const clean = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  if (clean.length <= 1) return clean;
  const hasWenjian = clean.some((l) => l.endsWith(WENJIAN));
  const names = clean.map((l) => (l.endsWith(WENJIAN) ? l.slice(0, -WENJIAN.length) : l));
  if (hasWenjian) names[names.length - 1] += WENJIAN;
  return names;
}

function redLineBorder() {
  const weightPt = mmToPt(HEADER_BLOCK.redLineWeightMm);
  return {
    bottom: {
      style: BorderStyle.SINGLE,
      color: RED_HEX,
      size: Math.min(96, ptToEighthPoints(weightPt)),
      space: redLineSpacePt(),
    },
  };
}

/** 文号 + 签发人 lines (up-going) or the centred 文号 (down/parallel). The last one carries the red line. */
function docNumberParagraphs(doc: GongwenDocument): Paragraph[] {
  const h = doc.header;
  const docNumber = h.docNumber.trim();
  const signers = h.signers.map((s) => s.trim()).filter(Boolean);
  const up = h.direction === 'up' && signers.length > 0;
  const before = LINE * HEADER_BLOCK.docNumberLinesBelowIssuerMark;
  const border = redLineBorder();

  if (!up) {
    return [
      new Paragraph({
        style: STYLE_IDS.docNumber,
        alignment: AlignmentType.CENTER,
        spacing: { before },
        border,
        children: [new TextRun(docNumber)],
      }),
    ];
  }

  // Two names a line, host organ's signer first; names separated by one full-width space.
  const rows: string[][] = [];
  for (let i = 0; i < signers.length; i += HEADER_BLOCK.signersPerLine) rows.push(signers.slice(i, i + HEADER_BLOCK.signersPerLine));
  const label = '签发人：';
  const rowTexts = rows.map((r) => r.join('\u3000'));
  const namesWidth = Math.max(...rowTexts.map(textWidth));
  const namesStart = TYPE_WIDTH - ONE_CHAR_TWIPS * HEADER_BLOCK.signerInsetChars - namesWidth;
  const labelStart = namesStart - textWidth(label);
  const docNumberStart = ONE_CHAR_TWIPS * HEADER_BLOCK.docNumberInsetChars;

  return rowTexts.map((names, i) => {
    const last = i === rowTexts.length - 1;
    const withNumber = last && docNumber.length > 0;
    const runs: TextRun[] = [];
    if (withNumber) runs.push(new TextRun({ children: [new Tab(), docNumber] }));
    // The label only on the first line; later names align under the first name.
    runs.push(new TextRun({ children: i === 0 ? [new Tab(), label] : [new Tab(), new Tab()] }));
    runs.push(new TextRun({ text: names, style: STYLE_IDS.kaiChar }));
    const tabStops = [
      ...(withNumber ? [{ type: TabStopType.LEFT, position: docNumberStart }] : []),
      { type: TabStopType.LEFT, position: Math.round(labelStart) },
      ...(i > 0 ? [{ type: TabStopType.LEFT, position: Math.round(namesStart) }] : []),
    ];
    return new Paragraph({
      style: STYLE_IDS.docNumber,
      tabStops,
      ...(i === 0 ? { spacing: { before } } : {}),
      ...(last ? { border } : {}),
      children: runs,
    });
  });
}

function headerBlock(doc: GongwenDocument): Paragraph[] {
  const h = doc.header;
  const out: Paragraph[] = [];
  const fields: { text: string; hei: boolean }[] = [];
  if (h.copyNumber.trim()) fields.push({ text: h.copyNumber.trim(), hei: false });
  if (h.secrecy.trim()) fields.push({ text: h.secrecy.trim(), hei: true });
  if (h.urgency.trim()) fields.push({ text: h.urgency.trim(), hei: true });
  for (const f of fields) {
    out.push(
      new Paragraph({
        style: STYLE_IDS.headerField,
        children: [new TextRun(f.hei ? { text: f.text, style: STYLE_IDS.heiChar } : f.text)],
      }),
    );
  }
  const lines = issuerLinesFor(h.issuerLines);
  const size = issuerSizeFor(doc);
  lines.forEach((line, i) => {
    out.push(
      new Paragraph({
        style: STYLE_IDS.issuer,
        ...(i === 0 ? { spacing: { before: issuerSpaceBeforeTwips(size, fields.length) } } : {}),
        children: [new TextRun(line)],
      }),
    );
  });
  out.push(...docNumberParagraphs(doc));
  return out;
}

function issuerSizeFor(doc: GongwenDocument): number {
  const lines = issuerLinesFor(doc.header.issuerLines);
  const longest = Math.max(0, ...lines.map((l) => [...l].length));
  return longest > 0 ? issuerMarkSizeFor(longest) : SIZES_PT.issuerMark;
}

// ---------------------------------------------------------------------------------------
// 主体
// ---------------------------------------------------------------------------------------

function titleParagraph(title: string, before: number): Paragraph {
  // Broken by words (shared/page/title-breaks.ts, the same breaks as on screen and in
  // print); a line break the clerk typed is kept.
  const parts = titleLines(title);
  return new Paragraph({
    style: STYLE_IDS.title,
    spacing: { before },
    children: parts.map((p, i) => new TextRun({ text: p, ...(i > 0 ? { break: 1 } : {}) })),
  });
}

/** Runs → TextRuns: bold as `<w:b/>`, a '\n' inside a run as a line break. */
function textRuns(runs: readonly Run[], style?: string): TextRun[] {
  const styled = style ? { style } : {};
  return runLines(runs).flatMap((line, j) => {
    const parts = line.map((run, k) => new TextRun({ text: run.text, ...(j > 0 && k === 0 ? { break: 1 } : {}), ...(run.bold ? { bold: true } : {}), ...styled }));
    // An empty line still breaks.
    return j > 0 && parts.length === 0 ? [new TextRun({ text: '', break: 1, ...styled })] : parts;
  });
}

function headingParagraph(block: HeadingBlock, label: string): Paragraph {
  const head: Run[] = [{ text: label }, ...runsOf(block.text, block.runs)];
  const runIn: Run[] = block.runIn ? runsOf(block.runIn, block.runInRuns) : [];
  // A run-in heading's closing 。 opens the body run: the heading run then holds only the
  // heading's words, and readers that take "the heading font" from the text up to the first
  // 。 (the GB/T 9704 meter does) see 楷体/黑体 rather than the body's first sentence. The
  // full-width stop looks the same in either face.
  const last = head[head.length - 1]!;
  if (runIn.length > 0 && last.text.endsWith('。')) {
    head[head.length - 1] = { ...last, text: last.text.slice(0, -1) };
    runIn.unshift({ ...last, text: '。' });
  }
  const children = [...textRuns(compactRuns(head)), ...textRuns(compactRuns(runIn), STYLE_IDS.bodyChar)];
  // A stand-alone heading never stays alone at the foot of a page.
  return new Paragraph({ style: STYLE_IDS.heading(block.level), ...(runIn.length > 0 ? {} : { keepNext: true }), children });
}

/** Columns of a table: the widest row, counting spans and the cells that rows above carry down. */
export function tableColumns(block: TableBlock): number {
  const carried: number[] = [];
  let columns = 0;
  for (const row of block.rows) {
    let col = 0;
    for (const cell of row) {
      while ((carried[col] ?? 0) > 0) col++;
      for (let k = 0; k < cell.colSpan; k++) carried[col + k] = Math.max(carried[col + k] ?? 0, cell.rowSpan);
      col += cell.colSpan;
    }
    columns = Math.max(columns, col, carried.length);
    for (let k = 0; k < carried.length; k++) if ((carried[k] ?? 0) > 0) carried[k]!--;
  }
  return Math.max(1, columns);
}

/**
 * A body table (docs/gbt9704-tables.md): the width of the type area in equal columns,
 * thin rules, header rows repeated on every page (w:tblHeader), no row split across pages
 * (w:cantSplit), 黑体 header, 仿宋 3号 or 4号 when dense.
 */
function tableElement(block: TableBlock): Table | null {
  const rows = block.rows.filter((r) => r.length > 0);
  if (rows.length === 0) return null;
  const columns = tableColumns(block);
  const sizePt = columns > TABLE.denseColumns ? TABLE.denseSizePt : TABLE.sizePt;
  const colWidth = Math.floor(TYPE_WIDTH / columns);
  const rule = { style: BorderStyle.SINGLE, size: ptToEighthPoints(TABLE.ruleWidthPt), color: BLACK_HEX };
  const margin = mmToTwips(TABLE.cellMarginMm);
  const cellParagraph = (runs: Run[], header: boolean) =>
    new Paragraph({
      style: STYLE_IDS.tableText,
      alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
      indent: { firstLine: 0 },
      spacing: exactLine(ptToTwips(sizePt * TABLE.lineFactor)),
      children: runs.map((r) => new TextRun({ text: r.text, size: ptToHalfPoints(sizePt), ...(r.bold ? { bold: true } : {}), ...(header ? { style: STYLE_IDS.heiChar } : {}) })),
    });
  return new Table({
    width: { size: colWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => colWidth),
    layout: TableLayoutType.FIXED,
    margins: { left: margin, right: margin, top: 0, bottom: 0 },
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          // Only on header rows: mammoth reads any w:tblHeader, even w:val="false", as a header.
          ...(r < block.headerRows ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.map((cell) => {
            // One paragraph per line of the cell.
            const lines = runLines(runsOf(cell.text, cell.runs));
            return new TableCell({
              width: { size: colWidth * cell.colSpan, type: WidthType.DXA },
              ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
              ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              children: lines.map((l) => cellParagraph(l, r < block.headerRows)),
            });
          }),
        }),
    ),
  });
}

function bodyParagraphs(blocks: readonly Block[]): (Paragraph | Table)[] {
  const labels = displayLabels(blocks);
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'guidance') return; // template guidance never leaves the editor
    if (block.type === 'table') {
      const table = tableElement(block);
      if (table) out.push(table);
      return;
    }
    if (block.type === 'heading') {
      out.push(headingParagraph(block, labels[i] ?? ''));
      return;
    }
    // A soft line break inside a paragraph is kept as a break, not a new paragraph.
    out.push(new Paragraph({ style: STYLE_IDS.body, children: textRuns(runsOf(block.text, block.runs)) }));
  });
  return out;
}

function attachmentParagraphs(names: readonly string[]): Paragraph[] {
  const clean = names.map((n) => n.trim().replace(/[。；;，,.]$/, '')).filter(Boolean);
  if (clean.length === 0) return [];
  const lead = '附件：';
  if (clean.length === 1) {
    return [new Paragraph({ style: STYLE_IDS.attachment, spacing: { before: LINE }, children: [new TextRun(`${lead}${clean[0]}`)] })];
  }
  // Later names align under the first name's number: hanging indent of the lead's width.
  const hang = textWidth(lead);
  return clean.map(
    (n, i) =>
      new Paragraph({
        style: STYLE_IDS.attachment,
        indent: i === 0 ? { left: BODY_INDENT + hang, hanging: hang } : { left: BODY_INDENT + hang, firstLine: 0 },
        ...(i === 0 ? { spacing: { before: LINE } } : {}),
        children: [new TextRun(`${i === 0 ? lead : ''}${i + 1}.${n}`)],
      }),
  );
}

function signatureParagraphs(doc: GongwenDocument): Paragraph[] {
  const h = doc.header;
  const organs = h.signingOrgans.map((s) => s.trim()).filter(Boolean);
  const date = h.date.trim();
  if (organs.length === 0 && !date) return [];
  const out: Paragraph[] = [];
  if (h.withSeal) {
    // 7.3.5.1: date four characters in from the right; the name(s) centred over the date.
    const dateRight = ONE_CHAR_TWIPS * 4;
    const dateCentre = TYPE_WIDTH - dateRight - textWidth(date) / 2;
    const half = Math.min(dateCentre, TYPE_WIDTH - dateCentre);
    organs.forEach((organ, i) => {
      out.push(
        new Paragraph({
          style: STYLE_IDS.signature,
          alignment: AlignmentType.CENTER,
          indent: { left: Math.round(dateCentre - half), right: Math.round(TYPE_WIDTH - dateCentre - half) },
          ...(i === 0 ? { spacing: { before: LINE } } : {}),
          children: [new TextRun(organ)],
        }),
      );
    });
    if (date) {
      out.push(
        new Paragraph({
          style: STYLE_IDS.signature,
          alignment: AlignmentType.RIGHT,
          indent: { right: dateRight },
          ...(organs.length === 0 ? { spacing: { before: LINE } } : {}),
          children: [new TextRun(date)],
        }),
      );
    }
    return out;
  }
  // 7.3.5.2: name right-aligned two characters in; the date starts two characters right of the name's first character.
  const nameRight = ONE_CHAR_TWIPS * 2;
  let nameStart = TYPE_WIDTH - nameRight;
  organs.forEach((organ, i) => {
    nameStart = Math.min(nameStart, TYPE_WIDTH - nameRight - textWidth(organ));
    out.push(
      new Paragraph({
        style: STYLE_IDS.signature,
        alignment: AlignmentType.RIGHT,
        indent: { right: nameRight },
        ...(i === 0 ? { spacing: { before: LINE } } : {}),
        children: [new TextRun(organ)],
      }),
    );
  });
  if (date) {
    const wanted = organs.length > 0 ? nameStart + ONE_CHAR_TWIPS * 2 : TYPE_WIDTH - nameRight - textWidth(date);
    const left = Math.max(0, Math.min(wanted, TYPE_WIDTH - textWidth(date)));
    out.push(
      new Paragraph({
        style: STYLE_IDS.signature,
        alignment: AlignmentType.LEFT,
        indent: { left: Math.round(left) },
        ...(organs.length === 0 ? { spacing: { before: LINE } } : {}),
        children: [new TextRun(date)],
      }),
    );
  }
  return out;
}

function noteParagraph(note: string): Paragraph[] {
  const t = note.trim().replace(/^[（(]/, '').replace(/[）)]$/, '');
  if (!t) return [];
  return [new Paragraph({ style: STYLE_IDS.note, spacing: { before: LINE }, children: [new TextRun(`（${t}）`)] })];
}

// ---------------------------------------------------------------------------------------
// 版记 (GB/T 9704 7.4): a one-column table whose borders are the thick/thin rules, floated
// to the bottom of the type area so its last rule coincides with the type area's lower
// edge. It is positioned horizontally against the PAGE (x = left margin), not the margin:
// LibreOffice 7.4 turns a floating table into a frame only when text could flow beside it,
// and a 156 mm table in a 156 mm margin box would be kept in the flow (measured); against
// the 210 mm page it becomes a frame and honours "bottom of the margin" as Word does.
// Table-level cell margins are 0 so neither application shifts the table left by the
// default 1.9 mm cell margin.
// ---------------------------------------------------------------------------------------

/**
 * Top of the 版记 table, from the top of the type area, so its last rule lies on the type
 * area's lower edge (262 mm from the paper's top). Measured down from the margin's top, not
 * as "bottom of the margin": LibreOffice 7.4 computes the bottom of an even-page section's
 * page style without the footer spacing and puts a bottom-aligned 版记 3 mm too low there,
 * and it ignores a position relative to the page (both measured).
 */
export function colophonTopTwips(rows: number): number {
  return mmToTwips(TYPE_AREA.heightMm) - rows * LINE;
}

function colophonTable(doc: GongwenDocument): (Table | Paragraph)[] {
  const h = doc.header;
  const cc = h.cc.trim().replace(/[。.]$/, '');
  const organ = h.printOrgan.trim();
  const date = h.printDate.trim();
  if (!cc && !organ && !date) return [];
  const thick = { style: BorderStyle.SINGLE, color: BLACK_HEX, size: ptToEighthPoints(mmToPt(COLOPHON.thickLineMm)) };
  const thin = { style: BorderStyle.SINGLE, color: BLACK_HEX, size: ptToEighthPoints(mmToPt(COLOPHON.thinLineMm)) };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const inset = ONE_CHAR_TWIPS * COLOPHON.insetChars;
  const zero = { left: 0, right: 0, top: 0, bottom: 0 };
  const rows: TableRow[] = [];
  const cell = (p: Paragraph) =>
    new TableRow({
      cantSplit: true,
      // Exact row height: the table's height is known, so its top can be placed exactly.
      height: { value: LINE, rule: HeightRule.EXACT },
      children: [new TableCell({ width: { size: TYPE_WIDTH, type: WidthType.DXA }, margins: zero, children: [p] })],
    });
  if (cc) {
    rows.push(cell(new Paragraph({ style: STYLE_IDS.colophon, indent: { left: inset, right: inset }, children: [new TextRun(`抄送：${cc}。`)] })));
  }
  if (organ || date) {
    rows.push(
      cell(
        new Paragraph({
          style: STYLE_IDS.colophon,
          indent: { left: inset, right: inset },
          tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - inset }],
          children: [new TextRun({ children: [organ, new Tab(), date ? `${date}印发` : ''] })],
        }),
      ),
    );
  }
  // 1 pt paragraphs: they never add a line that could spill onto another page.
  const tiny = () => new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, run: { size: 2 } });
  return [
    // The section starts with a paragraph: LibreOffice 7.4 hangs the section's page break on
    // its first paragraph, and loses it when that is a table turned into a frame (measured).
    tiny(),
    new Table({
      width: { size: TYPE_WIDTH, type: WidthType.DXA },
      columnWidths: [TYPE_WIDTH],
      layout: TableLayoutType.FIXED,
      margins: zero,
      float: {
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: mmToTwips(MARGINS.leftMm),
        verticalAnchor: TableAnchorType.MARGIN,
        absoluteVerticalPosition: colophonTopTwips(rows.length),
      },
      borders: { top: thick, bottom: thick, insideHorizontal: thin, left: none, right: none, insideVertical: none },
      rows,
    }),
    // The floating table's anchor: a document may not end in a table for LibreOffice (it
    // drops the floating table).
    tiny(),
  ];
}

// ---------------------------------------------------------------------------------------
// Page numbers
// ---------------------------------------------------------------------------------------

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = ptToTwips(PAGE_NUMBER.insetPt);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_IDS.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [new TextRun({ children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'] })],
      }),
    ],
  });
}

function pageNumberFooters() {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}

// ---------------------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------------------

/** Build the docx library's Document (exported for tests that inspect it before packing). */
export function buildDocxDocument(doc: GongwenDocument, options: BuildDocxOptions): Document {
  const h = doc.header;
  const official = options.variant === 'official' && h.redHeader;
  const blocks = toBlocks(doc.body);
  const issuerSize = issuerSizeFor(doc);

  const children: (Paragraph | Table)[] = [];
  if (official) children.push(...headerBlock(doc));
  if (h.title.trim()) children.push(titleParagraph(h.title, official ? LINE * HEADER_BLOCK.titleLinesBelowRedLine : 0));
  if (h.recipient.trim()) {
    children.push(
      new Paragraph({
        style: STYLE_IDS.recipient,
        spacing: { before: h.title.trim() ? LINE : 0 },
        children: [new TextRun(`${h.recipient.trim().replace(/[：:]$/, '')}：`)],
      }),
    );
  }
  children.push(...bodyParagraphs(blocks));
  children.push(...attachmentParagraphs(h.attachments));
  children.push(...signatureParagraphs(doc));
  children.push(...noteParagraph(h.note));
  if (children.length === 0) children.push(new Paragraph({ style: STYLE_IDS.body }));
  const colophon = official ? colophonTable(doc) : [];

  const pageProperties = {
    page: {
      size: { width: mmToTwips(PAPER.widthMm), height: mmToTwips(PAPER.heightMm) },
      margin: {
        top: mmToTwips(MARGINS.topMm),
        bottom: mmToTwips(MARGINS.bottomMm),
        left: mmToTwips(MARGINS.leftMm),
        right: mmToTwips(MARGINS.rightMm),
        header: mmToTwips(15),
        footer: mmToTwips(pageNumberFooterDistanceMm()),
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitchTwips },
  };
  const themeFonts = { latin: LATIN_FONT.docx, eastAsia: FONTS.songti.docx, scripts: { Hans: FONTS.songti.docx, Hant: FONTS.songti.docx } };

  return new Document({
    title: h.title.replace(/\s+/g, ''),
    creator: h.signingOrgans[0] ?? '',
    evenAndOddHeaderAndFooters: true,
    theme: { fonts: { headings: themeFonts, body: themeFonts } },
    styles: {
      default: {
        document: {
          run: {
            font: cjkFont('fangsong'),
            size: ptToHalfPoints(SIZES_PT.body),
            color: BLACK_HEX,
            characterSpacing: GRID.charSpacingTwips,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: exactLine(LINE) },
        },
        heading1: headingStyle(1, 'heiti'),
        heading2: headingStyle(2, 'kaiti'),
        heading3: headingStyle(3, 'fangsong'),
        heading4: headingStyle(4, 'fangsong'),
      },
      paragraphStyles: paragraphStyles(issuerSize),
      characterStyles: characterStyles(),
    },
    sections: [
      { properties: pageProperties, footers: pageNumberFooters(), children },
      // 版记 on the last page, and that page even (GB/T 9704 7.4, 7.5; double-sided printing
      // puts it on the back cover): a final section that starts on the next even page. The
      // page count is unknown at build time; Word and LibreOffice insert a blank odd page
      // when the body ends on an even one, and LibreOffice prints that page without header
      // or footer, so it carries no number. The 版记 page itself keeps its number.
      ...(colophon.length > 0
        ? [{ properties: { ...pageProperties, type: SectionType.EVEN_PAGE }, footers: pageNumberFooters(), children: colophon }]
        : []),
    ],
  });
}

/**
 * The package's files as the docx library writes them (path → XML text or bytes), before any
 * zipping. The library's Packer zips them itself (with fflate, dated by the clock), so the
 * files come from its compiler — the step Packer.pack runs before zipping — and are zipped
 * once, here, after the fixes below (shared/docx/zip.ts). Packer has no public way to hand
 * the files out; if a docx release renames the compiler, this says so (every export test fails).
 */
function packageFiles(document: Document): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: { compile?(file: Document, prettify?: string, overrides?: readonly unknown[]): unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx: Packer.compiler.compile is missing (a docx release changed its packer; see shared/docx/build.ts)');
  const files = compiler.compile(document, undefined, []);
  if (!(files instanceof Map)) throw new Error('docx: Packer.compiler.compile gave no Map of files (see shared/docx/build.ts)');
  return files as Map<string, string | Uint8Array>;
}

const asText = (data: string | Uint8Array | undefined): string | undefined => (data === undefined ? undefined : typeof data === 'string' ? data : new TextDecoder().decode(data));

/**
 * Package fixes the library has no option for. String edits on known, library-written
 * markup; each is checked by tests/shared/docx.
 */
function postProcess(files: Map<string, string | Uint8Array>, stamp: Date): Uint8Array {
  // Deterministic bytes: the same document gives the same file (no hidden clock, per
  // style.md). core.xml's created/modified become the 成文日期 and every zip entry's date too.
  const core = asText(files.get('docProps/core.xml'));
  if (core !== undefined) {
    const iso = stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
    files.set(
      'docProps/core.xml',
      core.replace(/(<dcterms:(created|modified) [^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _k: string, close: string) => `${open}${iso}${close}`),
    );
  }
  let styles = asText(files.get('word/styles.xml'));
  if (styles !== undefined) {
    // Widow/orphan control off: a full page always holds 22 lines (the classic template does the same).
    styles = styles.replace(/<w:pPrDefault\/>|<w:pPrDefault><w:pPr>/, (m) =>
      m === '<w:pPrDefault/>' ? '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/></w:pPr></w:pPrDefault>' : `${m}<w:widowControl w:val="0"/>`,
    );
    // No closing punctuation hanging into the right margin in LibreOffice, which the screen
    // cannot do (Chromium has no hanging-punctuation): LibreOffice would hang the 、，。 after a
    // full 28-character line (and leave it out of its PDF), so its lines held one character
    // more. LibreOffice (7.4 … 25.x, writerfilter DomainMapper) reads w:overflowPunct inverted
    // (val 1 → no hanging) and only from a style, not from the document defaults; Word reads
    // val 1 as its own default (hanging allowed), so this changes nothing in Word.
    styles = styles.replace(
      /(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>(?:(?!<\/w:style>)[\s\S])*?)(<\/w:style>)/,
      (_m, head: string, end: string) => {
        if (head.includes('<w:pPr>')) return `${head.replace('<w:pPr>', '<w:pPr><w:overflowPunct w:val="1"/>')}${end}`;
        const pPr = '<w:pPr><w:overflowPunct w:val="1"/></w:pPr>';
        return head.includes('<w:rPr>') ? `${head.replace('<w:rPr>', `${pPr}<w:rPr>`)}${end}` : `${head}${pPr}${end}`;
      },
    );
    // The issuer mark and the page number must not snap to the 28.95 pt grid (a 2-line snap
    // would push the mark down and break the 35 mm rule).
    // Large type must not snap to the 28.95 pt grid: LibreOffice would give a 22 pt title
    // line or the issuer mark two grid lines. Each of these styles writes a w:spacing, and
    // w:snapToGrid must precede it (CT_PPrBase order).
    for (const id of [STYLE_IDS.issuer, STYLE_IDS.title, STYLE_IDS.pageNumber, STYLE_IDS.tableText]) {
      styles = styles.replace(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`), (style) =>
        style.replace('<w:spacing ', '<w:snapToGrid w:val="0"/><w:spacing '),
      );
    }
    files.set('word/styles.xml', styles);
  }
  return zipPackage(files, stamp);
}

/** GongwenDocument → .docx bytes. Guidance blocks are skipped (the export gate refuses them anyway). */
export async function buildDocx(doc: GongwenDocument, options: BuildDocxOptions): Promise<Uint8Array> {
  return postProcess(packageFiles(buildDocxDocument(doc, options)), documentStamp(doc));
}

/** Fallback stamp when the document has no readable 成文日期 (the zip format starts at 1980). */
const FIXED_STAMP = Date.UTC(2000, 0, 1);

/** The document's 成文日期 (e.g. 2025年1月5日) as midnight UTC, else a constant: never the clock. */
export function documentStamp(doc: GongwenDocument): Date {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(doc.header.date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (y >= 1980 && y <= 2099 && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return back;
  }
  return new Date(FIXED_STAMP);
}

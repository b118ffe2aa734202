/**
 * The page geometry of GB/T 9704-2012 (党政机关公文格式), defined once.
 *
 * Screen (CSS custom properties), print and the .docx builder all read these numbers,
 * so a change here moves every rendering together. Values are the standard's; where
 * Word or LibreOffice needs a derived setting to reach them (twips, the −0.25 pt
 * character squeeze, the footer distance) the derivation lives here too, next to the
 * number it serves. Pure TypeScript: no DOM, no Node.
 *
 * Units: mm for paper geometry, pt for type sizes, twips (1/20 pt) for OOXML,
 * px at 96 dpi for CSS. 1 in = 25.4 mm = 72 pt = 1440 twips = 96 px.
 */

// ---------------------------------------------------------------------------------------
// Unit helpers
// ---------------------------------------------------------------------------------------

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const TWIPS_PER_PT = 20;
export const CSS_PX_PER_INCH = 96;

/** Millimetres → points (not rounded). */
export function mmToPt(mm: number): number {
  return (mm * PT_PER_INCH) / MM_PER_INCH;
}

/** Points → millimetres (not rounded). */
export function ptToMm(pt: number): number {
  return (pt * MM_PER_INCH) / PT_PER_INCH;
}

/** Millimetres → twips, rounded to a whole twip (OOXML wants integers). */
export function mmToTwips(mm: number): number {
  return Math.round(mmToPt(mm) * TWIPS_PER_PT);
}

/** Points → twips, rounded to a whole twip. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * TWIPS_PER_PT);
}

/** Twips → points (exact). */
export function twipsToPt(twips: number): number {
  return twips / TWIPS_PER_PT;
}

/** Millimetres → CSS px at 96 dpi (not rounded; CSS accepts fractions). */
export function mmToPx(mm: number): number {
  return (mm * CSS_PX_PER_INCH) / MM_PER_INCH;
}

/** Points → CSS px at 96 dpi. */
export function ptToPx(pt: number): number {
  return (pt * CSS_PX_PER_INCH) / PT_PER_INCH;
}

/** Points → OOXML half-points (w:sz). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Points → OOXML eighths of a point (w:bdr/@w:sz, border widths). */
export function ptToEighthPoints(pt: number): number {
  return Math.round(pt * 8);
}

// ---------------------------------------------------------------------------------------
// Paper, margins, type area (版心)
// ---------------------------------------------------------------------------------------

/** A4. */
export const PAPER = { widthMm: 210, heightMm: 297 } as const;

/**
 * Margins: 天头 37 mm, 订口 28 mm; the rest follows from the 156 × 225 mm type area.
 * The page number sits in the bottom margin, outside the type area.
 */
export const MARGINS = { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 } as const;

/** 版心 156 × 225 mm (page number not included). */
export const TYPE_AREA = {
  widthMm: PAPER.widthMm - MARGINS.leftMm - MARGINS.rightMm,
  heightMm: PAPER.heightMm - MARGINS.topMm - MARGINS.bottomMm,
} as const;

// ---------------------------------------------------------------------------------------
// Type sizes (字号) and the text grid
// ---------------------------------------------------------------------------------------

/** Chinese size names used by the standard, in points. */
export const ZIHAO_PT = {
  /** 初号 */ chu: 42,
  /** 小初 */ xiaoChu: 36,
  /** 一号 */ yi: 26,
  /** 小一 */ xiaoYi: 24,
  /** 二号 */ er: 22,
  /** 小二 */ xiaoEr: 18,
  /** 三号 */ san: 16,
  /** 小三 */ xiaoSan: 15,
  /** 四号 */ si: 14,
  /** 小四 */ xiaoSi: 12,
  /** 五号 */ wu: 10.5,
} as const;

/**
 * Tables in the body (docs/gbt9704-tables.md): inside the type area, 仿宋 3号 like the body,
 * one size smaller (4号) where the table is dense, 黑体 header row, thin black rules.
 */
export const TABLE = {
  /** Cell text of an ordinary table: 3号. */
  sizePt: ZIHAO_PT.san,
  /** Cell text of a dense table: 4号, one size below the body. */
  denseSizePt: ZIHAO_PT.si,
  /** A table with more columns than this is dense. */
  denseColumns: 4,
  /** Cell paragraphs: exact line height as a multiple of the font size. */
  lineFactor: 1.5,
  /** Cell margins left/right, mm. */
  cellMarginMm: 1.5,
  /** Rule width, pt. */
  ruleWidthPt: 0.5,
} as const;

/** Sizes per element, pt. */
export const SIZES_PT = {
  /** 正文, headings, 版头 fields, signature, 附注: 3号. */
  body: ZIHAO_PT.san,
  /** 标题: 2号. */
  title: ZIHAO_PT.er,
  /** 页码: 4号. */
  pageNumber: ZIHAO_PT.si,
  /** 版记 (抄送, 印发机关/日期): 4号. */
  colophon: ZIHAO_PT.si,
  /**
   * 发文机关标志: the standard leaves the size to the office ("醒目、美观、庄重"); offices use
   * 22–36 pt. 小初 (36 pt) fits a typical 12-character name + 文件 in 156 mm only when
   * squeezed; this is the default, and `issuerMarkSizeFor` shrinks long names.
   */
  issuerMark: ZIHAO_PT.xiaoChu,
  issuerMarkMin: ZIHAO_PT.yi,
} as const;

/** 22 lines × 28 characters fill the type area. */
export const GRID = {
  linesPerPage: 22,
  charsPerLine: 28,
  /**
   * Line pitch: 225 mm / 22 lines would be 28.97 pt; Word's classic template uses a 579-twip
   * grid (28.95 pt) so 22 lines fit with 0.1 mm to spare.
   */
  linePitchTwips: 579,
  linePitchPt: 579 / TWIPS_PER_PT,
  /**
   * 28 × 16 pt = 448 pt is wider than 156 mm (442.2 pt): every body character is squeezed by
   * 0.25 pt (−5 twips), giving 28 × 15.75 = 441 pt. LibreOffice renders a `linesAndChars`
   * grid with negative charSpace wrongly (14 chars a line), so we use `type="lines"` plus
   * this spacing, which both Word and LibreOffice render as 28 × 22.
   */
  charSpacingPt: -0.25,
  charSpacingTwips: -5,
} as const;

/** Width of one body character ("一字") after the squeeze, pt. */
export const BODY_CHAR_PITCH_PT = SIZES_PT.body + GRID.charSpacingPt;

/** "一字" for indents: the nominal 3号 character, 16 pt (what Word's 字符 units mean). */
export const ONE_CHAR_PT = SIZES_PT.body;
export const ONE_CHAR_TWIPS = ptToTwips(ONE_CHAR_PT);

/** First-line indent of body paragraphs: two characters. */
export const PARAGRAPH_INDENT_CHARS = 2;

// ---------------------------------------------------------------------------------------
// Red elements and the 版头
// ---------------------------------------------------------------------------------------

/** Pure red, as Word templates use (the standard's red is a print colour). */
export const RED = '#FF0000';
/**
 * The issuer mark's placeholder on screen before the office is set up: a lighter issuer red,
 * so a new report looks like a 套红 template from the first moment (never printed).
 */
export const RED_PLACEHOLDER = '#F58A8A';
/** Same, without '#', as OOXML wants it. */
export const RED_HEX = 'FF0000';
export const BLACK_HEX = '000000';

export const HEADER_BLOCK = {
  /** Top edge (ink top) of the 发文机关标志, measured from the top of the type area. */
  issuerMarkTopFromTypeAreaMm: 35,
  /** Red separator: full type-area width, 4 mm under the 文号 line. */
  redLineGapBelowDocNumberMm: 4,
  redLineLengthMm: TYPE_AREA.widthMm,
  /** Stroke of the red line. The standard does not fix it; Word templates use 0.5–1 mm. */
  redLineWeightMm: 0.5,
  /** 文号 sits two lines below the issuer mark. */
  docNumberLinesBelowIssuerMark: 2,
  /** 文号 (up-going) and 签发人: one character in from the left / right edge. */
  docNumberInsetChars: 1,
  signerInsetChars: 1,
  /** Several 签发人: two names a line. */
  signersPerLine: 2,
  /** 标题 two lines under the red line. */
  titleLinesBelowRedLine: 2,
} as const;

/**
 * Vertical metrics of the 版头, in pt, shared by the .docx (paragraph spacing) and the
 * screen (CSS), so the body starts at the same height on page 1 in both.
 */
/** Exact line of one issuer-mark line: taller than the glyph (a smaller one clips the mark). */
export function issuerLinePt(sizePt: number): number {
  return Math.ceil(sizePt * 1.25);
}

/**
 * Space before the first issuer line so its ink top lands 35 mm under the type-area top.
 * An exact line puts the baseline at 80 % of its height (LibreOffice; Word within ~0.5 mm);
 * CJK ink starts ~0.86 em above the baseline. `linesAbove`: 份号/密级/紧急程度 lines.
 */
export function issuerSpaceBeforePt(sizePt: number, linesAbove: number): number {
  const inkTopInLinePt = issuerLinePt(sizePt) * 0.8 - sizePt * 0.86;
  const targetPt = mmToPt(HEADER_BLOCK.issuerMarkTopFromTypeAreaMm) - linesAbove * GRID.linePitchPt - inkTopInLinePt;
  return Math.max(0, Math.round(targetPt * TWIPS_PER_PT) / TWIPS_PER_PT);
}

/**
 * Space between the 文号 line's bottom and the red line (OOXML w:bdr/@w:space, whole pt):
 * the line's bottom is ~1.4 mm below the 文号's em box, so this adds the rest of the 4 mm.
 */
export function redLineSpacePt(): number {
  const weightPt = mmToPt(HEADER_BLOCK.redLineWeightMm);
  const lineBottomBelowEmBottomPt = GRID.linePitchPt * 0.2 - SIZES_PT.body * 0.12;
  const spacePt = mmToPt(HEADER_BLOCK.redLineGapBelowDocNumberMm) - lineBottomBelowEmBottomPt - weightPt / 2;
  return Math.max(0, Math.round(spacePt));
}

// ---------------------------------------------------------------------------------------
// 版记 (colophon) and the page number
// ---------------------------------------------------------------------------------------

export const COLOPHON = {
  /** First and last rule. */
  thickLineMm: 0.35,
  /** Rules between. */
  thinLineMm: 0.25,
  lineLengthMm: TYPE_AREA.widthMm,
  /** 抄送 and 印发机关 one character in; 印发日期 one character from the right. */
  insetChars: 1,
} as const;

export const PAGE_NUMBER = {
  sizePt: SIZES_PT.pageNumber,
  /** The 一字线 (em dashes) sit 7 mm below the bottom edge of the type area. */
  dashBelowTypeAreaMm: 7,
  /** Odd pages right, even pages left, one (4号) character in. */
  insetChars: 1,
  insetPt: SIZES_PT.pageNumber,
  /** `— N —`: U+2014 em dash, a space, Arabic numerals, a space, em dash. */
  format: (n: number): string => `\u2014 ${n} \u2014`,
  /**
   * Footer distance (page bottom → bottom of the footer paragraph) that puts the dash centre
   * 7 mm under the type area. The page-number paragraph has an exact line of `lineHeightPt`;
   * LibreOffice (and Word, within ~0.5 mm) places the baseline at 80 % of an exact line and
   * a 4号 em dash's centre ~0.3 em above the baseline. Measured and tuned in tests/layout.
   */
  lineHeightPt: 18,
} as const;

/** Footer distance (mm from the paper's bottom edge to the footer's bottom edge). */
export function pageNumberFooterDistanceMm(): number {
  const dashCentreFromPageBottomMm = MARGINS.bottomMm - PAGE_NUMBER.dashBelowTypeAreaMm; // 28 mm
  const line = PAGE_NUMBER.lineHeightPt;
  const baselineFromLineBottomPt = line * 0.2;
  const dashCentreAboveBaselinePt = PAGE_NUMBER.sizePt * 0.3;
  return dashCentreFromPageBottomMm - ptToMm(baselineFromLineBottomPt + dashCentreAboveBaselinePt);
}

// ---------------------------------------------------------------------------------------
// Fonts per element
// ---------------------------------------------------------------------------------------

/** A font as the .docx names it (Windows office names) plus the screen's fallback stack. */
export interface FontSpec {
  /** Name written into w:rFonts/@w:eastAsia and @w:hAnsi (the standard's font). */
  docx: string;
  /** CSS font-family value: the standard's name first, then installed substitutes of the same kind. */
  css: string;
}

/** Latin letters and digits everywhere (w:ascii). */
export const LATIN_FONT: FontSpec = {
  docx: 'Times New Roman',
  css: '"Times New Roman", Tinos, "Liberation Serif", serif',
};

/**
 * The screen's Latin face inside Chinese text. Word and LibreOffice set ASCII letters, digits
 * and ASCII punctuation of every run in its w:ascii font (Times New Roman, or the metric twin
 * Liberation Serif / Tinos where it is missing) and the rest in the Chinese face. A CSS stack
 * with the Chinese face first would set digits in the Chinese face's own, wider digits, and a
 * line with 2021-2025 would hold fewer characters than the .docx's. So every screen stack
 * starts with this alias: an @font-face over the installed Times New Roman (or twin) limited
 * to printable ASCII (the space stays in the Chinese face, as LibreOffice sets it).
 */
export const LATIN_ALIAS = {
  family: 'GW Latin',
  /** Installed faces, regular and bold, by full or PostScript name (CSS local()). */
  regular: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif', 'Tinos', 'Tinos Regular'],
  bold: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold', 'Tinos Bold'],
  unicodeRange: 'U+0021-007E',
} as const;

/**
 * The space between Chinese and Latin/digits (2023年, 共20余次). LibreOffice puts a fifth of the
 * font size between an ideograph and a letter or digit (sw itrform2.cxx: a kern portion of
 * GetHeight()/5 where the script changes between two letter/numeric characters; none next
 * to punctuation; w:autoSpaceDE/DN are not read), Word a similar amount, Chromium's
 * `text-autospace` the same places but 1/8 of the primary font's ideographic advance. So the
 * screen stacks start with this alias, limited to the space character (which makes it the
 * primary font): the Latin face of LATIN_ALIAS (it has no ideograph, so Chromium takes the
 * font size as the ideographic advance) scaled by `sizeAdjust`, so that 1/8 of it is 1/5 em;
 * its line metrics are overridden to those of Noto Serif CJK / Source Han Serif at 1 em
 * (ascent 1.151, descent 0.286), so lines sit as they did, and `wordSpacingEm` (the screen's
 * word-spacing) takes a typed space back to the Latin face's 0.25 em.
 */
export const SPACING_ALIAS = {
  family: 'GW Spacing',
  faces: LATIN_ALIAS.regular,
  /** 8 × 1/5 = 1.6: Chromium's 1/8 em becomes LibreOffice's 1/5 em. */
  sizeAdjust: 8 / 5,
  ascent: 1.151,
  descent: 0.286,
  unicodeRange: 'U+0020',
  /** Times New Roman's space is 0.25 em; scaled it would be 0.4 em. */
  wordSpacingEm: -0.25 * (8 / 5 - 1),
} as const;

/** The @font-face rules of LATIN_ALIAS and SPACING_ALIAS (installed by the renderer as a constructed stylesheet). */
export function fontAliasCss(): string {
  const face = (weight: number, names: readonly string[]) =>
    `@font-face { font-family: "${LATIN_ALIAS.family}"; font-weight: ${weight}; src: ${names.map((n) => `local("${n}")`).join(', ')}; unicode-range: ${LATIN_ALIAS.unicodeRange}; }`;
  const pct = (v: number) => `${+(v * 100).toFixed(3)}%`;
  const a = SPACING_ALIAS;
  const spacing =
    `@font-face { font-family: "${a.family}"; src: ${a.faces.map((n) => `local("${n}")`).join(', ')}; unicode-range: ${a.unicodeRange}; ` +
    `size-adjust: ${pct(a.sizeAdjust)}; ascent-override: ${pct(a.ascent / a.sizeAdjust)}; descent-override: ${pct(a.descent / a.sizeAdjust)}; line-gap-override: 0%; }`;
  return `${face(400, LATIN_ALIAS.regular)}\n${face(700, LATIN_ALIAS.bold)}\n${spacing}\n`;
}

const q = (names: string[]): string => names.map((n) => (/^[a-z-]+$/.test(n) ? n : `"${n}"`)).join(', ');

export const FONTS = {
  /** 方正小标宋简体: title, issuer mark. */
  xiaobiaosong: {
    docx: '方正小标宋简体',
    css: q(['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'STZhongsong', '华文中宋', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif']),
  },
  /** 仿宋_GB2312: body, 版头 fields, signature, 版记, level 3/4 headings. */
  fangsong: {
    docx: '仿宋_GB2312',
    css: q(['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif']),
  },
  /** 黑体: level 1 headings, 密级, 紧急程度. */
  heiti: {
    docx: '黑体',
    css: q(['黑体', 'SimHei', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif']),
  },
  /** 楷体_GB2312: level 2 headings, 签发人 names. */
  kaiti: {
    docx: '楷体_GB2312',
    css: q(['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', '华文楷体', 'AR PL UKai CN', 'LXGW WenKai', 'Noto Serif CJK SC', 'serif']),
  },
  /** 宋体: page numbers, theme major/minor East Asian font. */
  songti: {
    docx: '宋体',
    css: q(['宋体', 'SimSun', 'STSong', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif']),
  },
} as const satisfies Record<string, FontSpec>;

export type FontKey = keyof typeof FONTS;

/** Page elements that carry their own font / size / colour. */
export type PageElement =
  | 'copyNumber'
  | 'secrecy'
  | 'urgency'
  | 'issuerMark'
  | 'docNumber'
  | 'signerLabel'
  | 'signerName'
  | 'title'
  | 'recipient'
  | 'body'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'attachment'
  | 'signature'
  | 'date'
  | 'note'
  | 'colophon'
  | 'pageNumber';

export interface ElementStyle {
  font: FontKey;
  sizePt: number;
  color: 'red' | 'black';
}

/** Font, size and colour per element (GB/T 9704 §7). */
export const ELEMENT_STYLES: Record<PageElement, ElementStyle> = {
  copyNumber: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  secrecy: { font: 'heiti', sizePt: SIZES_PT.body, color: 'black' },
  urgency: { font: 'heiti', sizePt: SIZES_PT.body, color: 'black' },
  issuerMark: { font: 'xiaobiaosong', sizePt: SIZES_PT.issuerMark, color: 'red' },
  docNumber: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  signerLabel: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  signerName: { font: 'kaiti', sizePt: SIZES_PT.body, color: 'black' },
  title: { font: 'xiaobiaosong', sizePt: SIZES_PT.title, color: 'black' },
  recipient: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  body: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  heading1: { font: 'heiti', sizePt: SIZES_PT.body, color: 'black' },
  heading2: { font: 'kaiti', sizePt: SIZES_PT.body, color: 'black' },
  heading3: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  heading4: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  attachment: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  signature: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  date: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  note: { font: 'fangsong', sizePt: SIZES_PT.body, color: 'black' },
  colophon: { font: 'fangsong', sizePt: SIZES_PT.colophon, color: 'black' },
  pageNumber: { font: 'songti', sizePt: SIZES_PT.pageNumber, color: 'black' },
};

/**
 * Size of the issuer mark for a line of `chars` characters: the largest of 小初/一号… that
 * fits the type area with a one-character margin on each side, never below 22 pt.
 */
export function issuerMarkSizeFor(chars: number): number {
  const widthPt = mmToPt(TYPE_AREA.widthMm);
  for (const size of [ZIHAO_PT.xiaoChu, 32, 30, 28, ZIHAO_PT.yi, ZIHAO_PT.xiaoYi, ZIHAO_PT.er]) {
    if ((chars + 1) * size <= widthPt) return size;
  }
  return ZIHAO_PT.er;
}

// ---------------------------------------------------------------------------------------
// Screen: CSS custom properties
// ---------------------------------------------------------------------------------------

/** A screen stack with the aliases first (LATIN_ALIAS: ASCII in the .docx's w:ascii face; SPACING_ALIAS: LibreOffice's Chinese–Latin space). */
const withLatin = (css: string): string => `"${LATIN_ALIAS.family}", ${css}`;
const withAliases = (css: string): string => `"${SPACING_ALIAS.family}", ${withLatin(css)}`;

const mmCss = (v: number): string => `${+v.toFixed(3)}mm`;
const ptCss = (v: number): string => `${+v.toFixed(3)}pt`;

/**
 * CSS custom properties for the renderer's page view and print stylesheet. Lengths in
 * physical units (mm/pt) so print is exact; the screen scales them with the page's zoom.
 * Set them on the page element: `Object.entries(pageCssVariables()).forEach(([k, v]) =>
 * el.style.setProperty(k, v))`, or spread into a React `style` object.
 */
export function pageCssVariables(): Record<string, string> {
  return {
    '--gw-paper-width': mmCss(PAPER.widthMm),
    '--gw-paper-height': mmCss(PAPER.heightMm),
    '--gw-margin-top': mmCss(MARGINS.topMm),
    '--gw-margin-bottom': mmCss(MARGINS.bottomMm),
    '--gw-margin-left': mmCss(MARGINS.leftMm),
    '--gw-margin-right': mmCss(MARGINS.rightMm),
    '--gw-type-width': mmCss(TYPE_AREA.widthMm),
    '--gw-type-height': mmCss(TYPE_AREA.heightMm),
    '--gw-line-pitch': ptCss(GRID.linePitchPt),
    '--gw-lines-per-page': String(GRID.linesPerPage),
    '--gw-chars-per-line': String(GRID.charsPerLine),
    '--gw-char-spacing': ptCss(GRID.charSpacingPt),
    '--gw-word-spacing': `${+SPACING_ALIAS.wordSpacingEm.toFixed(4)}em`,
    '--gw-one-char': ptCss(ONE_CHAR_PT),
    '--gw-paragraph-indent': ptCss(ONE_CHAR_PT * PARAGRAPH_INDENT_CHARS),
    '--gw-body-size': ptCss(SIZES_PT.body),
    '--gw-title-size': ptCss(SIZES_PT.title),
    '--gw-issuer-size': ptCss(SIZES_PT.issuerMark),
    '--gw-page-number-size': ptCss(SIZES_PT.pageNumber),
    '--gw-colophon-size': ptCss(SIZES_PT.colophon),
    '--gw-table-size': ptCss(TABLE.sizePt),
    '--gw-table-dense-size': ptCss(TABLE.denseSizePt),
    '--gw-table-line-factor': String(TABLE.lineFactor),
    '--gw-table-cell-margin': mmCss(TABLE.cellMarginMm),
    '--gw-table-rule': ptCss(TABLE.ruleWidthPt),
    '--gw-red': RED,
    '--gw-red-placeholder': RED_PLACEHOLDER,
    '--gw-issuer-top': mmCss(HEADER_BLOCK.issuerMarkTopFromTypeAreaMm),
    '--gw-red-line-gap': mmCss(HEADER_BLOCK.redLineGapBelowDocNumberMm),
    '--gw-red-line-weight': mmCss(HEADER_BLOCK.redLineWeightMm),
    '--gw-red-line-space': ptCss(redLineSpacePt()),
    '--gw-page-number-gap': mmCss(PAGE_NUMBER.dashBelowTypeAreaMm),
    '--gw-page-number-inset': ptCss(PAGE_NUMBER.insetPt),
    '--gw-colophon-thick': mmCss(COLOPHON.thickLineMm),
    '--gw-colophon-thin': mmCss(COLOPHON.thinLineMm),
    '--gw-font-latin': LATIN_FONT.css,
    '--gw-font-xiaobiaosong': withAliases(FONTS.xiaobiaosong.css),
    '--gw-font-fangsong': withAliases(FONTS.fangsong.css),
    '--gw-font-heiti': withAliases(FONTS.heiti.css),
    '--gw-font-kaiti': withAliases(FONTS.kaiti.css),
    '--gw-font-songti': withLatin(FONTS.songti.css),
    // Chinese face first: with Times New Roman first, “ ” — … would render in Times (the
    // complaint peers.md §8 records); Latin runs can opt into --gw-font-latin.
    '--gw-font-body': withAliases(FONTS.fangsong.css),
  };
}

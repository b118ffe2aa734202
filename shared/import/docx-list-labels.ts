/**
 * Word's automatic numbering → the label as text. A heading numbered by Word (一、 （一） 1.
 * from a numbering definition, not typed) has no label in its text: mammoth makes it an
 * ordered list item, which says "ordered" and nothing about 一、 or （一）, so the level of the
 * heading — and the part it opens — would be lost. This writes each numbered paragraph's label
 * (from numbering.xml: the level's format, its text pattern, the running counters) in front of
 * its text and takes the paragraph out of the list, so the text importer reads it as if typed.
 *
 * Pure string work on the two XML parts (no DOM in shared/); bullets and formats we cannot
 * spell are left to mammoth as they were. Numbering may come from the paragraph itself
 * (w:numPr) or from its style (styles.xml: a 标题 1 style with a list attached, also through
 * w:basedOn, or a numbering level that names the style with w:pStyle), as Word resolves it.
 */

interface Level {
  format: string;
  text: string;
  start: number;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseNumber(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${CHINESE_DIGITS[hundreds]}百` : '';
  if (tens) out += `${tens === 1 && !hundreds ? '' : CHINESE_DIGITS[tens]}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += CHINESE_DIGITS[ones];
  return out;
}

function letters(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = base[(k - 1) % 26] + out;
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let k = n;
  for (const [value, symbol] of table) while (k >= value) { out += symbol; k -= value; }
  return out;
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';

/** One counter value in a numbering format, or null for a format we do not spell (bullets, pictures). */
export function formatCounter(n: number, format: string): string | null {
  switch (format) {
    case 'decimal': return String(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': return chineseNumber(n);
    case 'ideographTraditional': return n >= 1 && n <= 10 ? TIANGAN[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter': return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter': return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperRoman': return roman(n);
    default: return null;
  }
}

const attr = (xml: string, name: string): string | null => {
  const m = new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
};

function readLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const m of xml.matchAll(/<w:lvl\b[^>]*\bw:ilvl="(\d{1,2})"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = m[2]!;
    levels.set(Number(m[1]), {
      format: attr(body, 'numFmt') ?? 'decimal',
      text: attr(body, 'lvlText') ?? '',
      start: Number(attr(body, 'start') ?? '1') || 0,
    });
  }
  return levels;
}

interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>;
  /** Paragraph style id → the numbering level that names it (w:lvl/w:pStyle). */
  levelOfStyle: Map<string, { abstractId: string; ilvl: number }>;
  /** abstractNum id → the numbering style it takes its levels from (w:numStyleLink). */
  styleLinks: Map<string, string>;
  /** numId → its abstractNum, and the levels whose start it overrides. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

export function readNumbering(numberingXml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  const levelOfStyle = new Map<string, { abstractId: string; ilvl: number }>();
  const styleLinks = new Map<string, string>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*\bw:abstractNumId="(\d{1,9})"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(m[1]!, readLevels(m[2]!));
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*\bw:ilvl="(\d{1,2})"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const style = attr(l[2]!, 'pStyle');
      if (style !== null && !levelOfStyle.has(style)) levelOfStyle.set(style, { abstractId: m[1]!, ilvl: Number(l[1]) });
    }
    const link = attr(m[2]!, 'numStyleLink');
    if (link !== null) styleLinks.set(m[1]!, link);
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*\bw:numId="(\d{1,9})"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = attr(m[2]!, 'abstractNumId');
    if (abstractId === null) continue;
    const overrides = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*\bw:ilvl="(\d{1,2})"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, 'startOverride');
      if (start !== null) overrides.set(Number(o[1]), Number(start) || 0);
    }
    nums.set(m[1]!, { abstractId, overrides });
  }
  return { abstracts, nums, levelOfStyle, styleLinks };
}

interface StyleNumbering {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

export interface ParagraphStyles {
  styles: Map<string, StyleNumbering>;
  /** The style of a paragraph that names none (w:default="1"). */
  defaultId: string | null;
}

const attrOf = (attrs: string, name: string): string | null => new RegExp(`\\bw:${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;

/** styles.xml → each paragraph or numbering style's own numbering (w:numPr) and the style it is based on. */
export function readStyles(stylesXml: string): ParagraphStyles {
  const styles = new Map<string, StyleNumbering>();
  let defaultId: string | null = null;
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const type = attrOf(m[1]!, 'type');
    const id = attrOf(m[1]!, 'styleId');
    if (id === null || (type !== 'paragraph' && type !== 'numbering')) continue;
    if (type === 'paragraph' && /^(?:1|true|on)$/.test(attrOf(m[1]!, 'default') ?? '')) defaultId = id;
    const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(m[2]!)?.[1] ?? '';
    const ilvl = attr(numPr, 'ilvl');
    styles.set(id, { numId: attr(numPr, 'numId'), ilvl: ilvl === null ? null : Number(ilvl), basedOn: attr(m[2]!, 'basedOn') });
  }
  return { styles, defaultId };
}

/** A style's numbering as Word resolves it: each of numId and ilvl from the nearest style up the w:basedOn chain that sets it. */
function styleNumbering(styleId: string, styles: ParagraphStyles): { numId: string | null; ilvl: number | null } {
  let numId: string | null = null;
  let ilvl: number | null = null;
  const seen = new Set<string>();
  for (let id: string | null = styleId; id !== null && !seen.has(id) && seen.size < 32; ) {
    seen.add(id);
    const style = styles.styles.get(id);
    if (!style) break;
    numId ??= style.numId;
    ilvl ??= style.ilvl;
    id = style.basedOn;
  }
  return { numId, ilvl };
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** document.xml with every automatically numbered paragraph's label written into its text. */
export function writeListLabels(documentXml: string, numberingXml: string, stylesXml = ''): string {
  const styles = readStyles(stylesXml);
  const styled = [...styles.styles.values()].some((s) => s.numId !== null) || /<w:pStyle\b/.test(numberingXml);
  if (!documentXml.includes('<w:numPr') && !styled) return documentXml;
  const { abstracts, nums, levelOfStyle, styleLinks } = readNumbering(numberingXml);
  /** The levels of an abstract numbering, through a numbering style's link (w:numStyleLink) when it has none of its own. */
  const levelsOf = (abstractId: string): { id: string; levels: Map<number, Level> } | undefined => {
    let id = abstractId;
    for (let hops = 0; hops < 4; hops++) {
      const levels = abstracts.get(id);
      const link = styleLinks.get(id);
      if (levels && levels.size > 0) return { id, levels };
      const linked = link !== undefined ? styles.styles.get(link)?.numId : undefined;
      const next = linked ? nums.get(linked)?.abstractId : undefined;
      if (!next) return undefined;
      id = next;
    }
    return undefined;
  };
  /** Running counters per abstract numbering (Word counts on across lists that share one). */
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();
  return documentXml.replace(/<w:p\b(?:[^>]*[^/>])?>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const pPr = /<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/.exec(paragraph);
    // The paragraph's own numbering without its tracked-change history (w:pPrChange holds the old one).
    const ownPPr = pPr ? pPr[0].replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '') : '';
    const numPr = /<w:numPr\b[^>]*>[\s\S]*?<\/w:numPr>/.exec(ownPPr);
    const styleId = attr(ownPPr, 'pStyle') ?? styles.defaultId;
    const fromStyle = styleId !== null ? styleNumbering(styleId, styles) : { numId: null, ilvl: null };
    let numId = (numPr ? attr(numPr[0], 'numId') : null) ?? fromStyle.numId;
    const directLevel = numPr ? attr(numPr[0], 'ilvl') : null;
    let ilvl = directLevel !== null ? Number(directLevel) : fromStyle.ilvl;
    const linked = styleId !== null ? levelOfStyle.get(styleId) : undefined;
    if (numId === null && linked && !numPr) {
      // A numbering level that names the style (w:lvl/w:pStyle) numbers its paragraphs.
      numId = [...nums].find(([, n]) => n.abstractId === linked.abstractId)?.[0] ?? null;
      ilvl ??= linked.ilvl;
    }
    if (numId === '0' && numPr && linked && directLevel === null) {
      // Switched off on the paragraph (numId 0): mammoth would still follow the style's level without an ilvl.
      return paragraph.replace(numPr[0], '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>');
    }
    if (numId === null || numId === '0') return paragraph;
    const num = nums.get(numId);
    const resolved = num ? levelsOf(num.abstractId) : undefined;
    if (ilvl === null) ilvl = linked && resolved && linked.abstractId === resolved.id ? linked.ilvl : 0;
    const levels = resolved?.levels;
    const level = levels?.get(ilvl);
    if (!num || !resolved || !levels || !level || ilvl > 8) return paragraph;
    const values = counters.get(resolved.id) ?? [];
    if (!overridden.has(numId)) {
      overridden.add(numId);
      for (const [lvl, start] of num.overrides) values[lvl] = start - 1;
    }
    values[ilvl] = (values[ilvl] ?? level.start - 1) + 1;
    values.length = ilvl + 1; // deeper levels start again
    counters.set(resolved.id, values);
    let failed = false;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const kLevel = levels.get(k);
      const value = formatCounter(values[k] ?? kLevel?.start ?? 1, k === ilvl ? level.format : (kLevel?.format ?? 'decimal'));
      if (value === null) failed = true;
      return value ?? '';
    });
    if (failed || level.format === 'bullet' || level.format === 'none' || label.trim() === '') return paragraph;
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    // Numbering from a style is switched off on the paragraph (numId 0), so that mammoth, which
    // also follows w:lvl/w:pStyle, does not make it a list item on top of the written label.
    const off = numPr && !fromStyle.numId && !linked ? '' : '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    if (!pPr) {
      const open = /^<w:p\b[^>]*>/.exec(paragraph)![0];
      return `${open}<w:pPr>${off}</w:pPr>${run}${paragraph.slice(open.length)}`;
    }
    const withoutNumPr = numPr ? pPr[0].replace(numPr[0], '') : pPr[0];
    const newPPr = off ? withoutNumPr.replace(/^<w:pPr\b[^>]*>/, (tag) => tag + off) : withoutNumPr;
    const at = pPr.index + pPr[0].length;
    return paragraph.slice(0, pPr.index) + newPPr + run + paragraph.slice(at);
  });
}

/**
 * Word's automatic numbering → the label as text. A heading numbered by Word (一、 （一） 1.
 * from a numbering definition, not typed) has no label in its text: mammoth makes it an
 * ordered list item, which says "ordered" and nothing about 一、 or （一）, so the level of the
 * heading — and the part it opens — would be lost. This writes each numbered paragraph's label
 * (from numbering.xml: the level's format, its text pattern, the running counters) in front of
 * its text and takes the paragraph out of the list, so the text importer reads it as if typed.
 *
 * Pure string work on the two XML parts (no DOM in shared/); bullets and formats we cannot
 * spell are left to mammoth as they were. Numbering that comes from a paragraph style (no
 * w:numPr on the paragraph itself) is not resolved here.
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
  /** numId → its abstractNum, and the levels whose start it overrides. */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

export function readNumbering(numberingXml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*\bw:abstractNumId="(\d{1,9})"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) abstracts.set(m[1]!, readLevels(m[2]!));
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
  return { abstracts, nums };
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** document.xml with every automatically numbered paragraph's label written into its text. */
export function writeListLabels(documentXml: string, numberingXml: string): string {
  if (!documentXml.includes('<w:numPr')) return documentXml;
  const { abstracts, nums } = readNumbering(numberingXml);
  /** Running counters per abstract numbering (Word counts on across lists that share one). */
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();
  return documentXml.replace(/<w:p\b(?:[^>]*[^/>])?>[\s\S]*?<\/w:p>/g, (paragraph) => {
    const pPr = /<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/.exec(paragraph);
    const numPr = pPr ? /<w:numPr\b[^>]*>[\s\S]*?<\/w:numPr>/.exec(pPr[0]) : null;
    if (!pPr || !numPr) return paragraph;
    const numId = attr(numPr[0], 'numId');
    const ilvl = Number(attr(numPr[0], 'ilvl') ?? '0');
    const num = numId !== null ? nums.get(numId) : undefined;
    const levels = num ? abstracts.get(num.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || ilvl > 8) return paragraph;
    const values = counters.get(num.abstractId) ?? [];
    if (!overridden.has(numId!)) {
      overridden.add(numId!);
      for (const [lvl, start] of num.overrides) values[lvl] = start - 1;
    }
    values[ilvl] = (values[ilvl] ?? level.start - 1) + 1;
    values.length = ilvl + 1; // deeper levels start again
    counters.set(num.abstractId, values);
    let failed = false;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const kLevel = levels.get(k);
      const value = formatCounter(values[k] ?? kLevel?.start ?? 1, k === ilvl ? level.format : (kLevel?.format ?? 'decimal'));
      if (value === null) failed = true;
      return value ?? '';
    });
    if (failed || level.format === 'bullet' || level.format === 'none' || label.trim() === '') return paragraph;
    const newPPr = pPr[0].replace(numPr[0], '');
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    const at = pPr.index + pPr[0].length;
    return paragraph.slice(0, pPr.index) + newPPr + run + paragraph.slice(at);
  });
}

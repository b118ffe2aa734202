/**
 * Template → new document. Pure: the date comes in as `today` ('YYYY-MM-DD'), the office
 * profile (issuer, signers, recipient…) as an argument.
 *
 * Decisions (see templates/README.md):
 * - {{year}} follows the template's yearRule; the annual report is written in January–March
 *   about the year before, so `reportYearFor` gives the previous year then.
 * - The 文号 year is the year of writing (today's year), not the report year: a report on
 *   2025 written in February 2026 is numbered 〔2026〕. The serial number is left for the
 *   user (or passed in) — `金文〔2026〕号` is a visible gap the 文号 check reports.
 * - 成文日期 is today's date in the standard form (2026年2月10日, no leading zeros): the
 *   clerk sees it in the header form and changes it on the day of signing if needed.
 * - Without an office profile, the issuer in the title is the visible placeholder ××, the
 *   issuer mark, signers and signing organs stay empty for the header checks to ask for.
 */
import type { Block } from '../model/blocks';
import { SCHEMA_VERSION, emptyHeader, type GongwenDocument } from '../model/document';
import { fromBlocks } from '../model/lexical-json';
import type { OfficeProfile } from '../ipc/contract';
import type { TemplateData, TemplatePlaceholder } from './template-schema';

/** The placeholder shown where the user still has to write something. */
export const PLACEHOLDER = '××';

export interface InstantiateOptions {
  /** 文号 serial number to use (e.g. from Settings.nextDocNumbers); left empty when absent. */
  docSerial?: number;
}

interface Today {
  year: number;
  month: number;
  day: number;
}

function parseToday(today: string): Today {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const month = m ? Number(m[2]) : 0;
  const day = m ? Number(m[3]) : 0;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`today must be YYYY-MM-DD, got "${String(today).slice(0, 20)}"`);
  return { year: Number(m[1]), month, day };
}

/** The year an annual report written on `today` is about: January–March → the year before. */
export function reportYearFor(today: string): number {
  const { year, month } = parseToday(today);
  return month <= 3 ? year - 1 : year;
}

/** 2026-02-10 → 2026年2月10日 (GB/T 9704: Arabic numerals, full year, no leading zeros). */
export function formatChineseDate(today: string): string {
  const { year, month, day } = parseToday(today);
  return `${year}年${month}月${day}日`;
}

export function fillPlaceholders(text: string, values: Record<TemplatePlaceholder, string>): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) => (name in values ? values[name as TemplatePlaceholder] : whole));
}

/** The issuer as named in a title: the signing organs (joint ones separated by a space). */
function issuerForTitle(profile: OfficeProfile | null | undefined): string {
  if (!profile) return PLACEHOLDER;
  const organs = profile.signingOrgans.map((s) => s.trim()).filter(Boolean);
  if (organs.length > 0) return organs.join(' ');
  const marks = profile.issuerLines.map((s) => s.trim().replace(/文件$/, '').trim()).filter(Boolean);
  return marks.length > 0 ? marks.join(' ') : PLACEHOLDER;
}

export function instantiateTemplate(
  template: TemplateData,
  today: string,
  profile?: OfficeProfile | null,
  options: InstantiateOptions = {},
): GongwenDocument {
  const { year: todayYear } = parseToday(today);
  const reportYear = template.yearRule === 'annual' ? reportYearFor(today) : todayYear;
  const values: Record<TemplatePlaceholder, string> = {
    issuer: issuerForTitle(profile),
    year: String(reportYear),
    nextYear: String(reportYear + 1),
    todayYear: String(todayYear),
  };
  const fill = (text: string) => fillPlaceholders(text, values);

  const header = emptyHeader();
  header.direction = template.header.direction;
  header.redHeader = template.header.redHeader;
  header.withSeal = template.header.withSeal;
  header.title = fill(template.title);
  header.recipient = profile?.recipient.trim() || fill(template.header.recipient);
  header.issuerLines = profile?.issuerLines.length ? [...profile.issuerLines] : (template.header.issuerLines ?? []).map(fill);
  header.signers = profile ? [...profile.signers] : [];
  header.signingOrgans = profile ? [...profile.signingOrgans] : [];
  header.printOrgan = profile?.printOrgan ?? '';
  header.note = fill(template.header.note ?? '');
  header.cc = fill(template.header.cc ?? '');
  header.date = formatChineseDate(today);
  if (template.header.redHeader) {
    const serial = options.docSerial !== undefined && Number.isInteger(options.docSerial) && options.docSerial > 0 ? String(options.docSerial) : '';
    header.docNumber = `${profile?.agencyCode.trim() || PLACEHOLDER}〔${todayYear}〕${serial}号`;
  }

  const blocks: Block[] = template.blocks.map((block) => {
    if (block.type === 'heading') return { type: 'heading', level: block.level, label: null, text: fill(block.text), runIn: null };
    if (block.type === 'guidance') return { type: 'guidance', text: fill(block.text) };
    return { type: 'paragraph', text: fill(block.text) };
  });

  return { schemaVersion: SCHEMA_VERSION, kind: template.kind, reportYear, header, body: fromBlocks(blocks) };
}

/**
 * Every guidance sentence of a template, for the check that finds guidance left in a
 * document (also after the user typed around it or turned it into body text). A sentence
 * with a placeholder is given as its longest fixed part, which matches whatever year or
 * issuer was filled in.
 */
export function guidanceTexts(template: TemplateData): string[] {
  const out = new Set<string>();
  for (const block of template.blocks) {
    if (block.type !== 'guidance') continue;
    for (const sentence of block.text.split(/(?<=[。！？；])/)) {
      const fixed = sentence
        .split(/\{\{[^{}]*\}\}/)
        .map((s) => s.trim())
        .sort((a, b) => b.length - a.length)[0];
      if (fixed && fixed.length >= 6) out.add(fixed);
    }
  }
  return [...out];
}

/** Header fields an office profile can supply to an imported report. */
export const PROFILE_FIELDS = ['issuerLines', 'docNumber', 'signers', 'recipient', 'signingOrgans', 'printOrgan'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * An imported report keeps everything it has; every header field it lacks comes from the
 * office profile (the 文号 with the next suggested serial), and the red header is switched
 * on when it then has an issuer mark. Returns the fields that came from the profile.
 */
export function fillFromProfile(doc: GongwenDocument, profile: OfficeProfile, today: string, docSerial?: number): { document: GongwenDocument; fromProfile: ProfileField[] } {
  const header = { ...doc.header };
  const fromProfile: ProfileField[] = [];
  const empty = (v: string | readonly string[]) => (typeof v === 'string' ? v.trim() === '' : v.every((x) => x.trim() === ''));
  const take = (field: ProfileField, value: string | string[]) => {
    if (!empty(header[field]) || empty(value)) return;
    (header as Record<ProfileField, string | string[]>)[field] = value;
    fromProfile.push(field);
  };
  take('issuerLines', profile.issuerLines.map((s) => s.trim()).filter(Boolean));
  const code = profile.agencyCode.trim();
  if (code) {
    const serial = docSerial !== undefined && Number.isInteger(docSerial) && docSerial > 0 ? String(docSerial) : '';
    take('docNumber', `${code}〔${parseToday(today).year}〕${serial}号`);
  }
  take('signers', profile.signers.map((s) => s.trim()).filter(Boolean));
  take('recipient', profile.recipient.trim());
  take('signingOrgans', profile.signingOrgans.map((s) => s.trim()).filter(Boolean));
  take('printOrgan', profile.printOrgan.trim());
  if (header.issuerLines.length > 0) header.redHeader = true;
  return { document: { ...doc, header }, fromProfile };
}

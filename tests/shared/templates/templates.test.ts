/**
 * The templates in templates/ validate, and instantiate into documents the IPC schema
 * accepts, with the right years for a report written early in the year (about the year
 * before) and late in the year (about the current year).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../shared/ipc/schemas';
import type { OfficeProfile } from '../../../shared/ipc/contract';
import { toBlocks, type HeadingBlock } from '../../../shared/model';
import { PLACEHOLDER, formatChineseDate, guidanceTexts, instantiateTemplate, reportYearFor } from '../../../shared/templates/instantiate';
import { templateSchema, unknownPlaceholders, type TemplateData } from '../../../shared/templates/template-schema';
import { importText } from '../../../shared/import/text';

const TEMPLATES = path.resolve(__dirname, '../../../templates');
const ids = readdirSync(TEMPLATES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const load = (id: string): TemplateData => templateSchema.parse(JSON.parse(readFileSync(path.join(TEMPLATES, id, 'template.json'), 'utf8')));

const PROFILE: OfficeProfile = {
  id: 'jls',
  name: '金兰山街道',
  issuerLines: ['中共新县金兰山街道工作委员会文件'],
  agencyCode: '金文',
  recipient: '县委、县政府',
  signers: ['张健平', '余志强'],
  signingOrgans: ['中共新县金兰山街道工作委员会', '新县金兰山街道办事处'],
  printOrgan: '金兰山街道党政办公室',
};

describe('reportYearFor', () => {
  it('is the year before in January–March and the current year from April', () => {
    expect(reportYearFor('2026-01-01')).toBe(2025);
    expect(reportYearFor('2026-02-10')).toBe(2025);
    expect(reportYearFor('2026-03-31')).toBe(2025);
    expect(reportYearFor('2026-04-01')).toBe(2026);
    expect(reportYearFor('2026-11-23')).toBe(2026);
    expect(reportYearFor('2026-12-31')).toBe(2026);
  });

  it('refuses a malformed date instead of guessing', () => {
    expect(() => reportYearFor('2026/02/10')).toThrow(RangeError);
    expect(() => reportYearFor('2026-13-01')).toThrow(RangeError);
  });

  it('formats the date of writing without leading zeros', () => {
    expect(formatChineseDate('2024-01-05')).toBe('2024年1月5日');
  });
});

describe('every template', () => {
  it('the three standard templates are there', () => {
    expect(ids).toEqual(expect.arrayContaining(['fazhi-annual', 'generic', 'qingshi']));
  });

  for (const id of ids) {
    describe(id, () => {
      const template = load(id);

      it('validates, its id is its folder name, and it has guidance', () => {
        expect(template.id).toBe(id);
        expect(template.blocks.some((b) => b.type === 'guidance')).toBe(true);
        expect(guidanceTexts(template).length).toBeGreaterThan(0);
      });

      for (const [today, year] of [['2026-02-10', 2025], ['2026-11-23', 2026]] as const) {
        it(`instantiates for ${today}`, () => {
          const doc = instantiateTemplate(template, today);
          expect(documentSchema.safeParse(doc).success).toBe(true);
          expect(doc.kind).toBe(template.kind);
          expect(doc.reportYear).toBe(template.yearRule === 'annual' ? year : 2026);
          expect(doc.header.direction).toBe('up');
          expect(doc.header.date).toBe(today === '2026-02-10' ? '2026年2月10日' : '2026年11月23日');
          // The 文号 year is the year of writing; the serial number is left to the user.
          expect(doc.header.docNumber).toBe(`${PLACEHOLDER}〔2026〕号`);
          // No {{…}} survives anywhere.
          expect(JSON.stringify(doc).match(/\{\{\s*[A-Za-z]*\s*\}\}/)).toBeNull();
          // Without a profile the issuer is a visible placeholder, the header fields are empty for the checks to ask.
          expect(doc.header.title.startsWith(PLACEHOLDER)).toBe(true);
          expect(doc.header.issuerLines).toEqual([]);
          expect(doc.header.signers).toEqual([]);
          // Guidance blocks come through as guidance (grey, never exported).
          const blocks = toBlocks(doc.body);
          expect(blocks.filter((b) => b.type === 'guidance').length).toBe(template.blocks.filter((b) => b.type === 'guidance').length);
        });
      }

      it('fills the office profile', () => {
        const doc = instantiateTemplate(template, '2026-02-10', PROFILE, { docSerial: 6 });
        expect(doc.header.issuerLines).toEqual(PROFILE.issuerLines);
        expect(doc.header.signers).toEqual(['张健平', '余志强']);
        expect(doc.header.recipient).toBe('县委、县政府');
        expect(doc.header.signingOrgans).toEqual(PROFILE.signingOrgans);
        expect(doc.header.printOrgan).toBe('金兰山街道党政办公室');
        expect(doc.header.docNumber).toBe('金文〔2026〕6号');
        expect(doc.header.title.startsWith('中共新县金兰山街道工作委员会 新县金兰山街道办事处关于')).toBe(true);
        expect(documentSchema.safeParse(doc).success).toBe(true);
      });
    });
  }
});

describe('fazhi-annual', () => {
  const template = load('fazhi-annual');

  it('has the four statutory sections and the optional fifth, in order, with their years', () => {
    const doc = instantiateTemplate(template, '2026-02-10');
    expect(doc.header.title).toBe('××关于2025年度法治政府建设情况的报告');
    expect(doc.header.redHeader).toBe(true);
    const headings = toBlocks(doc.body).filter((b): b is HeadingBlock => b.type === 'heading');
    expect(headings.map((h) => [h.level, h.label, h.text])).toEqual([
      [1, null, '2025年度推进法治政府建设的主要举措和成效'],
      [1, null, '2025年度推进法治政府建设存在的不足和原因'],
      [1, null, '2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况'],
      [1, null, '2026年度推进法治政府建设的主要安排'],
      [1, null, '其他需要报告的情况'],
    ]);
    const late = toBlocks(instantiateTemplate(template, '2026-11-23').body).filter((b): b is HeadingBlock => b.type === 'heading');
    expect(late[0]!.text).toBe('2026年度推进法治政府建设的主要举措和成效');
    expect(late[3]!.text).toBe('2027年度推进法治政府建设的主要安排');
  });

  it('names the sections the checks refer to; only the fifth is optional', () => {
    const sections = template.blocks.filter((b) => b.type === 'heading').map((b) => [b.section, b.type === 'heading' && b.optional === true]);
    expect(sections).toEqual([['measures', false], ['shortcomings', false], ['responsibility', false], ['plan', false], ['other', true]]);
  });

  it('guides every section, and the 第一责任人 guidance asks for the leaders’ concrete actions', () => {
    const blocks = toBlocks(instantiateTemplate(template, '2026-02-10').body);
    blocks.forEach((block, i) => {
      if (block.type === 'heading') expect(blocks[i + 1]?.type, block.text).toBe('guidance');
    });
    const responsibility = blocks.findIndex((b) => b.type === 'heading' && b.text.includes('第一责任人'));
    const guidance = blocks.slice(responsibility + 1).filter((b, i, all) => all.slice(0, i + 1).every((x) => x.type === 'guidance')).map((b) => b.text).join('');
    expect(guidance).toMatch(/书记/);
    expect(guidance).toMatch(/主任|镇长/);
    expect(guidance).toMatch(/主持召开/);
  });

  it('an instantiated report exported as text imports back with the same sections', () => {
    const doc = instantiateTemplate(template, '2026-02-10', PROFILE);
    const text = [doc.header.title, `${doc.header.recipient}：`, ...toBlocks(doc.body).filter((b) => b.type === 'heading').map((b, i) => `${['一', '二', '三', '四', '五'][i]}、${(b as HeadingBlock).text}`)].join('\n');
    const back = importText(text);
    expect(back.header.title).toBe(doc.header.title);
    expect(back.kind).toBe('fazhi-annual');
    expect(back.reportYear).toBe(2025);
  });
});

describe('qingshi', () => {
  it('is up-going with a 附注 naming the contact person and telephone', () => {
    const doc = instantiateTemplate(load('qingshi'), '2026-11-23');
    expect(doc.header.direction).toBe('up');
    expect(doc.header.note).toMatch(/联系人.*电话/);
    expect(doc.header.title.endsWith('的请示')).toBe(true);
    expect(toBlocks(doc.body).some((b) => b.type === 'paragraph' && b.text === '妥否，请批示。')).toBe(true);
  });
});

describe('template schema', () => {
  const base = load('generic');

  it('rejects unknown placeholders, duplicate section ids, bad ids and extra fields', () => {
    expect(unknownPlaceholders('{{year}}年{{yaer}}')).toEqual(['yaer']);
    expect(templateSchema.safeParse({ ...base, title: '{{yaer}}年报告' }).success).toBe(false);
    expect(templateSchema.safeParse({ ...base, id: '../x' }).success).toBe(false);
    expect(templateSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    const twice = [...base.blocks, { type: 'heading', level: 1, text: '再来', section: 'plan' }];
    expect(templateSchema.safeParse({ ...base, blocks: twice }).success).toBe(false);
    expect(templateSchema.safeParse({ ...base, blocks: [{ type: 'heading', level: 5, text: 'x' }] }).success).toBe(false);
  });

  it('guidanceTexts gives sentences, and the fixed part of a sentence with a placeholder', () => {
    const t: TemplateData = { ...base, blocks: [{ type: 'guidance', text: '写明本年度的主要举措。写明{{year}}年度存在的不足和原因。短句。' }] };
    expect(guidanceTexts(t)).toEqual(['写明本年度的主要举措。', '年度存在的不足和原因。']);
  });
});

/** The public-version screening (public.*): real-looking positives and negatives, and seeded fuzz of the number checks. */
import { describe, expect, it } from 'vitest';
import { applyFix, runChecks } from '../../../shared/checks/engine';
import { idCheckChar, isBankCard, isCreditCode, isIdNumber, luhnValid, numberRuns } from '../../../shared/checks/public/numbers';
import { personalNamesIn } from '../../../shared/checks/rules/public-personal-name';
import { phonesIn } from '../../../shared/checks/rules/public-phone';
import { toBlocks } from '../../../shared/model';
import type { Finding } from '../../../shared/checks/types';
import { FAZHI, TODAY, docOf, fixture, goodBlocks, p, check } from './helpers';

function screen(doc: ReturnType<typeof docOf>, allowedPhones: string[] = []) {
  return runChecks(doc, { today: TODAY, ruleset: FAZHI, guidanceTexts: [], public: { allowedPhones } });
}
// The screening rules (public.secrecyReview, about the record, is tested in tests/shared/model/approvals.test.ts).
const pub = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('public.') && f.rule !== 'public.secrecyReview');
const withText = (...texts: string[]) => docOf([...goodBlocks(), ...texts.map(p)]);

describe('ID numbers (GB 11643)', () => {
  it.each(['522323198503124410', '11010519491231002X', '11010519491231002x', '440306199211082833', '330102198706235479'])('%s is one', (id) => {
    expect(isIdNumber(id, TODAY)).toBe(true);
  });
  it.each([
    ['522323198503124411', 'wrong check digit'],
    ['440306199211082830', 'wrong check digit'],
    ['52010220010229123X', '29 February 2001 does not exist (check digit right)'],
    ['99010519491231002X', 'no such province'],
    ['110105203001010013', 'born in the future'],
    ['110105189912310011', 'before 1900'],
    ['5223231985031244', 'sixteen digits'],
  ])('%s is not (%s)', (id) => {
    expect(isIdNumber(id, TODAY)).toBe(false);
  });
});

describe('card numbers (Luhn) and what is not a card', () => {
  it.each(['6222021001123456789', '622848001234567811', '4367420123456781', '6217002300012345670'])('%s is a card', (n) => {
    expect(isBankCard(n, TODAY)).toBe(true);
  });
  it('a valid ID number or 统一社会信用代码 that passes Luhn is no card; a Luhn failure is no card', () => {
    expect(luhnValid('915201001000000301')).toBe(true);
    expect(isCreditCode('915201001000000301')).toBe(true);
    expect(isBankCard('915201001000000301', TODAY)).toBe(false);
    expect(isCreditCode('91520100MA6DK3L2XJ')).toBe(true);
    expect(isBankCard('6222021001123456788', TODAY)).toBe(false);
    expect(isBankCard('1234567812345670', TODAY)).toBe(false); // Luhn-valid, but no card scheme starts with 1
  });
});

describe('public.idNumber / public.bankCard in a report', () => {
  it('finds an ID number in the body with its block, masks it with the quick fix', () => {
    const doc = withText('当事人身份证号码522323198503124410，已依法送达。');
    const found = pub(screen(doc).findings);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['public.idNumber', 'error']]);
    const f = found[0]!;
    expect(f.where.block).toBe(goodBlocks().length);
    expect(f.where.text).toBe('522323198503124410');
    const fixed = applyFix(doc, f);
    expect(toBlocks(fixed.body).at(-1)).toMatchObject({ text: '当事人身份证号码5223**********4410，已依法送达。' });
    expect(pub(screen(fixed).findings).filter((x) => x.rule === 'public.idNumber')).toEqual([]);
  });

  it('finds a grouped card number in 附注 and an ID in an attachment name', () => {
    const doc = docOf(goodBlocks(), { note: '退款账户：6222 0210 0112 3456 789', attachments: ['李某身份证11010519491231002X复印件'] });
    const found = pub(screen(doc).findings).map((f) => [f.rule, f.where.field]);
    expect(found).toContainEqual(['public.bankCard', 'note']);
    expect(found).toContainEqual(['public.idNumber', 'attachments']);
  });

  it('leaves long numbers that are neither alone', () => {
    const doc = withText(
      '统一社会信用代码915201001000000301。',
      '该号码522323198503124411校验位不对。',
      '全年办理案件1234567812345670件次。',
      '投入资金6222021001123456.78元。',
      '文号为金文〔2023〕5号，联系电话0851-8221234。',
    );
    expect(pub(screen(doc).findings).filter((f) => f.rule === 'public.idNumber' || f.rule === 'public.bankCard')).toEqual([]);
  });

  it('says nothing for the official version (no ctx.public)', () => {
    const doc = withText('当事人身份证号码522323198503124410。', '内部资料');
    expect(pub(check(doc).findings)).toEqual([]);
  });
});

describe('public.secrecy', () => {
  it('finds marks and wording anywhere, the 密级 and 份号 fields too', () => {
    const doc = docOf([...goodBlocks(), p('本材料为内部资料，不宜公开。')], { secrecy: '秘密★1年', copyNumber: '000123', title: '青山镇关于2023年度法治政府建设情况的报告（内部掌握）' });
    const found = pub(screen(doc).findings).filter((f) => f.rule === 'public.secrecy');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found.map((f) => f.where.field ?? f.where.block)).toEqual(expect.arrayContaining(['secrecy', 'copyNumber', 'title', goodBlocks().length]));
    expect(found.map((f) => f.values.word).filter(Boolean)).toEqual(expect.arrayContaining(['内部资料', '不宜公开', '内部掌握']));
  });
  it('finds 机密 and 秘密★ in the text', () => {
    const found = pub(screen(withText('此件机密，秘密★6个月。')).findings).map((f) => f.values.word);
    expect(found).toEqual(expect.arrayContaining(['机密', '秘密★']));
  });
  it('does not flag talk about secrecy work (保守国家机密, 涉密人员管理, 商业秘密)', () => {
    const doc = withText('严格落实保密审查制度，加强涉密人员和涉密载体管理，依法保护商业秘密和个人隐私，教育干部保守国家机密。');
    expect(pub(screen(doc).findings)).toEqual([]);
  });
});

describe('public.phone', () => {
  it('finds mobiles and landlines as written', () => {
    expect(phonesIn('联系人王某，手机13800138000；张某 139-0851-2345；+86 186 0851 2345，座机（0851）8221234，电话：8221235。').map((x) => x.found)).toEqual([
      '13800138000',
      '139-0851-2345',
      '+86 186 0851 2345',
      '（0851）8221234',
      '8221235',
    ]);
  });
  it('leaves other numbers alone', () => {
    expect(phonesIn('全年受理12345热线工单1200件，办结率98.5%，投入资金1380013800元？不，是2024年3月1日。')).toEqual([]);
    expect(phonesIn('文号黔府办发〔2023〕12号，面积13800138000平方米')).toHaveLength(1); // an 11-digit 13… number is read as a mobile: a warning, the user confirms
  });
  it('is a warning, and the office’s own published line is not a finding', () => {
    const doc = docOf(goodBlocks(), { note: '联系人：李明，电话：0851-8221234' });
    const found = pub(screen(doc).findings);
    expect(found.map((f) => [f.rule, f.severity, f.where.field, f.messageKey])).toEqual([['public.phone', 'warning', 'note', 'checks.public.phone.note']]);
    expect(pub(screen(doc, ['0851 822 1234']).findings)).toEqual([]);
    expect(pub(screen(doc, ['8221234']).findings)).toEqual([]);
    expect(pub(screen(doc, ['0851-8221299']).findings)).toHaveLength(1);
  });
});

describe('public.personalName', () => {
  const cfg = FAZHI.public;
  it.each([
    ['当事人张三因无证经营被处以罚款。', '张三'],
    ['被处罚人李明华不服，申请行政复议。', '李明华'],
    ['信访人：王建国反映土地纠纷问题。', '王建国'],
    ['申请人欧阳晓峰于3月5日提出申请。', '欧阳晓峰'],
    ['调解了村民陈红与邻居的纠纷。', '陈红'],
  ])('%s names %s', (text, name) => {
    expect(personalNamesIn(text, cfg).map((x) => x.name)).toEqual([name]);
  });
  it.each([
    '县长王明主持召开常务会议，专题研究法治政府建设。',
    '当事人张某因无证经营被处以罚款，信访人李某某反映问题。',
    '当事人陈述申辩权利得到充分保障。',
    '申请人申请复议的案件全部依法办结。',
    '群众满意度达98%，当事人合法权益得到维护。',
    '当事人某建筑公司已缴纳罚款。',
    '被申请人县自然资源局依法作出答复。',
  ])('%s names no private person', (text) => {
    expect(personalNamesIn(text, cfg)).toEqual([]);
  });
  it('is a warning at the block', () => {
    const found = pub(screen(withText('当事人张三因无证经营被处以罚款。')).findings);
    expect(found.map((f) => [f.rule, f.severity, f.where.block])).toEqual([['public.personalName', 'warning', goodBlocks().length]]);
  });
});

describe('the sample reports', () => {
  it.each(['report-chengxi-2024.txt', 'report-jinlanshan-2022.txt', 'report-zhaishang-2023.txt'])('%s has no public.* finding (no false alarm: 农户普法 is no 农户 named 普法)', (name) => {
    const doc = fixture(name);
    const found = pub(screen({ ...doc, header: { ...doc.header, copyNumber: '', secrecy: '' } }).findings);
    expect(found.map((f) => `${f.rule} ${f.where.text}`)).toEqual([]);
  });
});

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzz (seeded)', () => {
  const SEED = 20261201;
  it(`a valid ID number with any one character changed is never one (seed ${SEED})`, () => {
    const next = rng(SEED);
    for (let n = 0; n < 2000; n++) {
      const y = 1900 + Math.floor(next() * 120);
      const m = 1 + Math.floor(next() * 12);
      const d = 1 + Math.floor(next() * 28);
      const first17 = `52${String(Math.floor(next() * 10000)).padStart(4, '0')}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(next() * 1000)).padStart(3, '0')}`;
      const id = first17 + idCheckChar(first17);
      expect(isIdNumber(id, TODAY), `seed ${SEED} case ${n}: ${id}`).toBe(true);
      const at = Math.floor(next() * 18);
      const alphabet = at === 17 ? '0123456789X' : '0123456789';
      const other = alphabet.replace(id[at]!, '')[Math.floor(next() * (alphabet.length - 1))]!;
      const changed = id.slice(0, at) + other + id.slice(at + 1);
      expect(isIdNumber(changed, TODAY), `seed ${SEED} case ${n}: ${changed}`).toBe(false);
    }
  });

  it(`the engine never throws on random digit soup, and every public.idNumber/bankCard finding checks out (seed ${SEED})`, () => {
    const next = rng(SEED + 1);
    const pieces = ['当事人', '张三', '，', '。', ' ', '-', '电话', '6222', '5223231985', '0312441', '0', 'X', '内部', '资料', '13800', '138000', '（0851）', '统一社会信用代码'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 30);
      for (let i = 0; i < len; i++) text += next() < 0.5 ? pieces[Math.floor(next() * pieces.length)] : String(Math.floor(next() * 10));
      const report = screen(withText(text));
      for (const f of report.findings) {
        const digits = String(f.where.text).replace(/[\s-]/g, '').toUpperCase();
        if (f.rule === 'public.idNumber') expect(isIdNumber(digits, TODAY), `seed ${SEED + 1} case ${n}: ${text}`).toBe(true);
        if (f.rule === 'public.bankCard') expect(luhnValid(digits) && digits.length >= 16 && digits.length <= 19, `seed ${SEED + 1} case ${n}: ${text}`).toBe(true);
      }
      for (const run of numberRuns(text)) expect(text.length).toBeGreaterThanOrEqual(run.start + run.length);
    }
  });
});

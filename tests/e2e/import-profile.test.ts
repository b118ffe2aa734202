/**
 * 导入文件 with an office profile set: a plain .txt report (no 版头, no 主送机关, no 署名)
 * becomes a red-header draft whose missing fields come from the profile — the 文号 with the
 * suggested serial — and the notice says which fields came from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

const PROFILE = {
  id: 'town1',
  name: '城西街道',
  issuerLines: ['城西街道办事处文件'],
  agencyCode: '城西办',
  recipient: '区委、区政府',
  signers: ['王明'],
  signingOrgans: ['城西街道办事处'],
  printOrgan: '城西街道党政办公室',
};
const REPORT = '关于2024年度法治政府建设情况的报告\n\n一、主要举措\n我街坚持依法行政，全年办理行政复议案件十二件。\n二、存在不足\n法治宣传形式较为单一。\n';

describe('import with an office profile', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  beforeAll(async () => {
    preview = await startPreview();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });

  it('a .txt becomes a red-header draft with the profile’s fields, and the notice names them', async () => {
    const page = await newPage(browser, preview.url);
    const updated = await page.evaluate(async (profile) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')!.content;
      const res = await fetch('/api/settings:update', { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input: { profiles: [profile], activeProfileId: profile.id } }) });
      return ((await res.json()) as { ok: boolean }).ok;
    }, PROFILE);
    expect(updated).toBe(true);
    await page.reload();
    await page.getByLabel('导入文件').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT, 'utf8') });
    const notice = page.locator('.home-notice');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('已按单位设置填入');
    const text = await notice.innerText();
    for (const field of ['发文机关标志', '发文字号', '签发人', '主送机关', '署名', '印发机关']) expect(text).toContain(field);

    const record = await page.evaluate(async () => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')!.content;
      const call = async (channel: string, input: unknown) => (await (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input }) })).json()) as { value: never };
      const list = (await call('drafts:list', undefined)).value as { drafts: { id: string }[] };
      return ((await call('drafts:get', { id: list.drafts[0]!.id })).value as { document: { header: Record<string, unknown> } }).document.header;
    });
    expect(record).toMatchObject({
      redHeader: true,
      issuerLines: PROFILE.issuerLines,
      signers: PROFILE.signers,
      recipient: PROFILE.recipient,
      signingOrgans: PROFILE.signingOrgans,
      printOrgan: PROFILE.printOrgan,
      title: '关于2024年度法治政府建设情况的报告',
    });
    expect(record.docNumber).toMatch(/^城西办〔\d{4}〕1号$/);
    expect(record).not.toHaveProperty('fromProfile');
    await page.context().close();
  });
});

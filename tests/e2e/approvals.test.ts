/**
 * The yearly cycle's approvals in the browser preview: the 公开版 screening in the check
 * panel's 公开版 tab, an export refused while an ID number is in the text (the dialog names the
 * place), exported once it is masked, with the kept phone number accepted by a named person —
 * and the history shows the 保密审查 and the export. Sign-off: sign, edit, see the stale notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, openDraft, seedDraftFromText, startPreview, type PreviewProcess } from './harness';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');
const ID = '522323198503124410';

describe('sign-off, secrecy review and the public version', () => {
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

  it('a 公开版 with an ID number is refused naming the place; masked, it exports and the history shows the review', async () => {
    const page = await newPage(browser, preview.url);
    const text = fs
      .readFileSync(path.join(FIXTURES, 'report-zhaishang-2023.txt'), 'utf8')
      .replace('三、2024年度', `核查档案时发现身份证号码${ID}登记有误，已更正，咨询电话13800138000。\n三、2024年度`);
    const title = await seedDraftFromText(page, text, 'zhaishang.txt');
    await openDraft(page, title);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.innerText(), { timeout: 10_000 }).toContain('错误 0 项');
    // 正式版 tab: no screening; 公开版 tab: the ID number (error) and the phone (warning).
    expect(await panel.locator('[data-rule="public.idNumber"]').count()).toBe(0);
    await panel.getByRole('tab', { name: '公开版' }).click();
    await expect.poll(() => panel.locator('[data-rule="public.idNumber"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.locator('[data-rule="public.phone"]').count()).toBe(1);
    expect(await panel.innerText()).toContain('公开版：错误 1 项');

    // 导出 Word → 公开版: refused, the dialog says where.
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    await dialog.getByRole('radio', { name: /公开版/ }).check();
    const refusal = dialog.locator('[data-rule="public.idNumber"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/5223\*{10}4410.*（位置：正文第 \d+ 段）/s);
    expect(await dialog.getByRole('button', { name: /导出|继续/ }).isDisabled()).toBe(true);
    // the official version is not affected
    await dialog.getByRole('radio', { name: /正式版/ }).check();
    expect(await dialog.getByRole('button', { name: '导出', exact: true }).isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();

    // Mask the number from the 公开版 tab; then record the 保密审查 of this text.
    await panel.locator('[data-rule="public.idNumber"]').getByRole('button', { name: /遮盖为/ }).click();
    await expect.poll(() => panel.locator('[data-rule="public.idNumber"]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByRole('textbox', { name: '正文' }).innerText(), { timeout: 5000 }).not.toContain(ID);
    await page.getByRole('button', { name: '审核签字', exact: true }).click();
    const approvals = page.getByRole('dialog', { name: '审核签字与保密审查' });
    await approvals.getByLabel('审查人').fill('李保密');
    await approvals.getByLabel('审查结论').selectOption({ label: '可以公开' });
    await approvals.getByRole('button', { name: '记录保密审查' }).click();
    await approvals.getByRole('status').waitFor();
    expect(await approvals.innerText()).toContain('已审查：李保密');
    await approvals.getByRole('button', { name: '关闭' }).click();

    // The phone number stays: kept only when a named person accepts it (the reviewer is suggested).
    await page.getByRole('button', { name: '导出 Word' }).click();
    await dialog.getByRole('radio', { name: /公开版/ }).check();
    await dialog.locator('[data-rule="public.phone"]').waitFor();
    expect(await dialog.getByLabel('确认人').inputValue()).toBe('李保密');
    await dialog.getByLabel('确认人').fill('');
    expect(await dialog.getByRole('button', { name: '我已了解，继续' }).isDisabled()).toBe(true);
    await dialog.getByLabel('确认人').fill('李保密');
    await dialog.getByLabel('理由').fill('咨询电话是对外公开的服务电话');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '我已了解，继续' }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}（公开版）.docx`);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    expect(xml).not.toContain(ID);
    expect(xml).toContain('5223**********4410');

    // The history (历史版本 → 审核与公开记录) shows the review and the export with what was accepted.
    await page.getByRole('button', { name: '历史版本' }).click();
    const history = page.getByRole('region', { name: '审核与公开记录' });
    await history.waitFor();
    await expect.poll(() => history.innerText(), { timeout: 5000 }).toContain(`导出公开版“${title}（公开版）.docx”`);
    const shown = await history.innerText();
    expect(shown).toContain('导出时的保密审查：李保密');
    expect(shown).toContain('确认人：李保密');
    expect(shown).toContain('理由：咨询电话是对外公开的服务电话');
    expect(shown).toContain('13800138000');
    expect(shown).toMatch(/保密审查：李保密，审查日期 \d{4}-\d{2}-\d{2}，结论：可以公开/);
    // …and it is in the saved draft on disk, not only on the screen.
    const saved = await page.evaluate(async (wanted) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="gongwen-token"]')!.content;
      const call = async (channel: string, input: unknown) =>
        (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gongwen-token': token }, body: JSON.stringify({ input }) })).json();
      const list = await call('drafts:list', undefined);
      const id = list.value.drafts.find((d: { title: string }) => d.title === wanted).id;
      const got = await call('drafts:get', { id });
      return (got.value.document.approvals.history as { type: string }[]).map((e) => e.type);
    }, title);
    expect(saved).toEqual(['secrecyReview', 'publicExport']);
  });

  it('sign off, edit: the stale notice says the sign-off no longer covers the text; the signed text is a revision', async () => {
    const page = await newPage(browser, preview.url);
    const title = await seedDraftFromText(page, fs.readFileSync(path.join(FIXTURES, 'report-jinlanshan-2022.txt'), 'utf8'), 'jinlanshan.txt');
    await openDraft(page, title);
    await page.getByRole('button', { name: '审核签字', exact: true }).click();
    const approvals = page.getByRole('dialog', { name: '审核签字与保密审查' });
    await approvals.getByLabel('签字人').fill('张健平');
    await approvals.getByLabel('职务').fill('街道党工委书记');
    await approvals.getByRole('button', { name: '记录签字' }).click();
    await approvals.getByRole('status').waitFor();
    expect(await approvals.innerText()).toMatch(/已签字：张健平（街道党工委书记），\d{4}-\d{2}-\d{2}/);
    await approvals.getByRole('button', { name: '关闭' }).click();
    const stale = page.getByRole('alert').filter({ hasText: '签字不再对应当前文本' });
    // Signed and unchanged: no notice (give the live check time to run).
    await page.getByRole('button', { name: '检查' }).click();
    expect(await stale.count()).toBe(0);

    await page.locator('.gw-body p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('改');
    await stale.waitFor({ timeout: 10_000 });
    expect(await stale.innerText()).toContain('主要负责人审核签字（张健平');
    // 查看签字稿: the revision kept at the sign-off, and the history entry.
    await stale.getByRole('button', { name: '查看签字稿' }).click();
    const revisions = page.getByRole('dialog', { name: '历史版本' });
    const signed = revisions.getByRole('listitem', { name: /签字稿/ });
    await signed.waitFor();
    expect(await revisions.getByRole('region', { name: '审核与公开记录' }).innerText()).toContain('主要负责人审核签字：张健平（街道党工委书记）');
    // Restoring the signed text makes the sign-off current again.
    await signed.getByRole('button', { name: '恢复此版本' }).click();
    await page.getByRole('textbox', { name: '正文' }).waitFor();
    await page.getByRole('button', { name: '检查' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '签字不再对应当前文本' }).count(), { timeout: 10_000 }).toBe(0);
  });
});

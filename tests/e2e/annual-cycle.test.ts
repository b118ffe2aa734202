/**
 * The yearly cycle in the browser preview: set the office's reporting level in 单位设置 and the
 * home screen counts down to the next date; an office's own date replaces the rule's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { annualDeadlines, currentReportYear, daysBetween } from '../../shared/calendar/annual';
import { todayIso } from '../../renderer/platform/clock';
import { launchBrowser, newPage, startPreview, type PreviewProcess } from './harness';

describe('annual cycle', () => {
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

  it('set the level → the countdown on the home screen; an own date moves it', async () => {
    const page = await newPage(browser, preview.url);
    await page.getByRole('button', { name: '新建报告' }).waitFor();
    expect(await page.getByRole('region', { name: '年度报告日程' }).count()).toBe(0);
    await page.getByRole('button', { name: '单位设置' }).click();
    const dialog = page.getByRole('dialog', { name: '单位设置' });
    await dialog.getByLabel('报告层级').selectOption('county-dept');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('status').waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();

    const today = todayIso();
    const year = currentReportYear('county-dept', today);
    const banner = page.getByRole('region', { name: '年度报告日程' });
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain(`${year}年度法治政府建设年度报告（县级部门）`);
    const submit = annualDeadlines('county-dept', year).find((d) => d.id === 'submit')!;
    const left = daysBetween(today, submit.date);
    expect(text).toContain(left > 0 ? `报送截止 3月1日，还有 ${left} 天` : left === 0 ? '报送截止 3月1日，就是今天' : '报送截止 3月1日，已过');
    expect(text).toContain('公开截止 4月1日');

    // The office's own rule: report by 20 January.
    await page.getByRole('button', { name: '单位设置' }).click();
    await dialog.getByLabel('报送截止（次年，月-日）').fill('1-20');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('status').waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    const own = annualDeadlines('county-dept', currentReportYear('county-dept', today, { submit: { month: 1, day: 20 } }), { submit: { month: 1, day: 20 } })[0]!;
    const ownLeft = daysBetween(today, own.date);
    await expect.poll(() => banner.innerText(), { timeout: 5000 }).toContain(ownLeft > 0 ? `报送截止 1月20日，还有 ${ownLeft} 天` : '报送截止 1月20日');
  });
});

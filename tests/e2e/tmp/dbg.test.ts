import { it } from 'vitest';
import { createReport, launchBrowser, newPage, startPreview } from '../harness';
it('shots', async () => {
  const preview = await startPreview();
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, preview.url);
    page.on('pageerror', (e) => console.log('PAGEERR', e.message));
    await createReport(page);
    await page.getByLabel('发文机关标志', { exact: true }).fill('中共新县金兰山街道工作委员会文件');
    await page.getByLabel('发文字号', { exact: true }).fill('金文〔2023〕5号');
    await page.getByLabel('签发人', { exact: true }).fill('张健平 余志强');
    await page.getByLabel('发文机关署名', { exact: true }).fill('中共新县金兰山街道工作委员会');
    await page.getByLabel('选择成文日期').fill('2024-01-15');
    await page.getByText('更多版头/版记字段').click();
    await page.getByLabel('附注', { exact: true }).fill('联系人：张三，电话：1234567');
    await page.getByLabel('抄送', { exact: true }).fill('县司法局');
    await page.getByLabel('印发机关', { exact: true }).fill('中共新县金兰山街道工作委员会办公室');
    await page.getByLabel('印发日期', { exact: true }).fill('2024年1月15日');
    await page.getByLabel('份号', { exact: true }).fill('000001');
    await page.getByLabel('紧急程度', { exact: true }).fill('加急');
    await page.getByLabel('附件', { exact: true }).fill('2023年度法治政府建设工作台账');
    await page.locator('.gw-body').click();
    await page.waitForTimeout(500);
    await page.locator('.gw-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/work/main/test-results/closing.png' });
    await page.getByRole('button', { name: '缩小（Ctrl+-）' }).click();
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '缩小（Ctrl+-）' }).click();
    await page.locator('.gw-scroller').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/work/main/test-results/zoom50.png' });
  } finally {
    await browser.close();
    await preview.stop();
  }
});

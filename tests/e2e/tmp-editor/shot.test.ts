import { it } from 'vitest';
import { startPreview, launchBrowser, newPage, createReport } from '../harness';
it('shot', async () => {
const preview = await startPreview();
const browser = await launchBrowser();
try {
  const page = await newPage(browser, preview.url);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await createReport(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/work/main/test-results/editor-1.png' });
  await page.locator('.gw-scroller').evaluate((el) => el.scrollBy(0, 900));
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/work/main/test-results/editor-2.png' });
  console.log(errors.join('\n'));
  console.log(await page.locator('.gw-outline').innerText());
} finally {
  await browser.close();
  await preview.stop();
}
});

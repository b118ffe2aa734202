import { it } from 'vitest';
import { createReport, launchBrowser, newPage, startPreview } from '../harness';
it('dbg', async () => {
  const preview = await startPreview();
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, preview.url);
    page.on('pageerror', (e) => console.log('PAGEERR', e.message));
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
    await createReport(page);
    const dump = () => page.locator('.gw-body').evaluate((b) => [...b.children].map((c) => `${c.tagName}.${c.className}[${c.getAttribute('data-gw-label')}] ${c.textContent?.slice(0, 12)}`).join('\n'));
    const lastOfOne = page.locator('.gw-body .gw-h1').nth(1).locator('xpath=preceding-sibling::*[1]');
    await lastOfOne.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    console.log('AFTER ENTER\n' + (await dump()));
    await page.keyboard.insertText('加强法治宣传教育');
    console.log('AFTER TYPE\n' + (await dump()));
    await page.getByRole('combobox', { name: '段落级别' }).selectOption('1');
    await page.waitForTimeout(300);
    console.log('AFTER LEVEL\n' + (await dump()));
  } finally {
    await browser.close();
    await preview.stop();
  }
});

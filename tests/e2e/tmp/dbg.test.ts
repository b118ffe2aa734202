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
    const sel = () => page.evaluate(() => { const ed = (document.querySelector('.gw-body') as any).__lexicalEditor; const s = ed.getEditorState()._selection; return s ? s.anchor.key + ':' + s.anchor.offset + ':' + s.anchor.type : 'null'; });
    const lastOfOne = page.locator('.gw-body .gw-h1').nth(1).locator('xpath=preceding-sibling::*[1]');
    await lastOfOne.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    console.log('SEL afterenter', await sel());
    await page.keyboard.type('xy');
    console.log('SEL aftertypeXY', await sel());
    await page.keyboard.insertText('加强法治宣传教育');
    console.log('SEL aftertype', await sel());
    await page.keyboard.type('ab');
    console.log('SEL aftertype2', await sel());
    const sel2 = () => page.evaluate(() => { const ed = (document.querySelector('.gw-body') as any).__lexicalEditor; const s = ed.getEditorState()._selection; return s ? s.anchor.key + ':' + s.anchor.offset + ':' + s.anchor.type : 'null'; });
    console.log('SEL before', await sel(), await page.getByRole('combobox', { name: '段落级别' }).inputValue());
    console.log('KEY12', await page.evaluate(() => { const ed = (document.querySelector('.gw-body') as any).__lexicalEditor; const n = ed.getEditorState()._nodeMap.get('12'); return n ? n.__type + ' ' + n.__text + ' parent ' + ed.getEditorState()._nodeMap.get(n.__parent)?.__type : 'none'; }));
    await page.getByRole('combobox', { name: '段落级别' }).focus();
    console.log('SEL focus', await sel());
    await page.getByRole('combobox', { name: '段落级别' }).selectOption('1');
    console.log('SEL after', await sel());
    await page.waitForTimeout(300);
    console.log('AFTER LEVEL\n' + (await dump()));
  } finally {
    await browser.close();
    await preview.stop();
  }
});

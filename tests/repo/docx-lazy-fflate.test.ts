/** scripts/docx-lazy-fflate.cjs: the docx library's built-in fflate runs on first use, not when docx loads. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const { lazyFflate } = createRequire(__filename)(path.join(REPO, 'scripts/docx-lazy-fflate.cjs')) as { lazyFflate(source: string): string };
const DOCX = path.join(REPO, 'node_modules/docx/dist/index.mjs');

describe('docx with fflate made lazy', () => {
  it('loads without building fflate, builds it on the first zip call, and zips as before', async () => {
    const source = lazyFflate(fs.readFileSync(DOCX, 'utf8'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lazy-fflate-'));
    try {
      // A probe appended to the module: is fflate built yet, then a zip through the wrapper.
      const file = path.join(dir, 'docx-lazy.mjs');
      fs.writeFileSync(file, `${source}\nexport const probe = () => { const before = __gongwenFflate; const zip = zipSync({ 'a.txt': new Uint8Array([104, 105]) }); return { before, after: __gongwenFflate !== undefined, zip }; };\n`);
      const mod = (await import(pathToFileURL(file).href)) as { probe(): { before: unknown; after: boolean; zip: Uint8Array }; Packer: unknown; Document: unknown };
      expect(typeof mod.Packer).toBe('function');
      expect(typeof mod.Document).toBe('function');
      const { before, after, zip } = mod.probe();
      expect(before).toBeUndefined();
      expect(after).toBe(true);
      expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a docx bundle it does not know (another release) instead of guessing', () => {
    const source = fs.readFileSync(DOCX, 'utf8');
    expect(() => lazyFflate(source.replace('// node_modules/fflate/esm/browser.js\n', ''))).toThrow(/not found/);
    expect(() => lazyFflate(source.replace('var rotateLeft = (word, bits)', 'var rotateLeft = (word, b) => rev, unusedLeft = (word, bits)'))).toThrow(/appear outside/);
  });
});

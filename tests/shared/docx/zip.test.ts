import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { zipPackage } from '../../../shared/docx/zip';

const stamp = new Date(Date.UTC(2025, 0, 5));

describe('zipPackage (the .docx zip, one pass with node:zlib)', () => {
  it('a zip other readers open: every entry back byte for byte, CRC checked, in the order given, dated by the stamp', async () => {
    const photo = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
    const files = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
      ['word/document.xml', `<w:document>${'关于2024年度法治政府建设情况的报告'.repeat(200)}</w:document>`],
      ['word/media/图片1.png', photo],
      ['empty.txt', ''],
    ]);
    const bytes = zipPackage(files, stamp);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([...files.keys()]);
    expect(await zip.file('word/document.xml')!.async('string')).toBe(files.get('word/document.xml'));
    expect(Buffer.from(await zip.file('word/media/图片1.png')!.async('uint8array')).equals(Buffer.from(photo))).toBe(true);
    expect(await zip.file('empty.txt')!.async('string')).toBe('');
    for (const f of Object.values(zip.files)) expect([f.date.getUTCFullYear(), f.date.getUTCMonth(), f.date.getUTCDate(), f.date.getUTCHours()]).toEqual([2025, 0, 5, 0]);
    // compressed: the repeated text is far smaller than itself
    expect(bytes.length).toBeLessThan(Buffer.byteLength(files.get('word/document.xml') as string) / 10);
  });

  it('the headers say what the data is: DEFLATE, sizes and the UTF-8 flag only on a non-ASCII name', () => {
    const bytes = Buffer.from(zipPackage(new Map([['a.xml', '<a/>'], ['图.xml', '<b/>']]), stamp));
    // first local header
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6)).toBe(0); // flags: ASCII name
    expect(bytes.readUInt16LE(8)).toBe(8); // DEFLATE
    const packed = bytes.readUInt32LE(18);
    expect(bytes.readUInt32LE(22)).toBe(4); // '<a/>'
    expect(inflateRawSync(bytes.subarray(30 + 5, 30 + 5 + packed)).toString()).toBe('<a/>');
    const second = 30 + 5 + packed;
    expect(bytes.readUInt32LE(second)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(second + 6)).toBe(0x0800);
    // end of central directory: 2 entries
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(end + 10)).toBe(2);
  });

  it('deterministic: the same files and stamp give the same bytes; another stamp changes only the dates', () => {
    const files = new Map([['word/document.xml', '<w:document>正文</w:document>']]);
    const a = Buffer.from(zipPackage(files, stamp));
    expect(a.equals(Buffer.from(zipPackage(new Map(files), stamp)))).toBe(true);
    const b = Buffer.from(zipPackage(files, new Date(Date.UTC(2026, 5, 1))));
    expect(b.length).toBe(a.length);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses what only zip64 could hold instead of writing a broken file', () => {
    const many = new Map<string, string>();
    for (let i = 0; i <= 0xffff; i++) many.set(`f${i}`, '');
    expect(() => zipPackage(many, stamp)).toThrow(RangeError);
  });
});

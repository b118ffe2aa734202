/**
 * A PDF with no text layer and no image (blank pages, a print of an empty document) is not a
 * scan: "只有图片，需要先做文字识别" would send the user to OCR for nothing.
 */
import { describe, expect, it } from 'vitest';
import { importFileBounded } from '../../../electron/services/import-bounded';
import { createI18n } from '../../../shared/i18n';
import { importRefusal } from './helpers';

/** A minimal valid PDF of `pages` empty A4 pages (cross-reference table with exact offsets). */
function blankPdf(pages: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /ProcSet [/PDF /Text /ImageB] >> >>'),
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('a PDF of blank pages', () => {
  it('says there is no text and no image (not "a scan"), with the page count, in both languages', async () => {
    const error = await importRefusal(importFileBounded('空白.pdf', blankPdf(2), '2024-01-10'));
    expect(error.code).toBe('pdf-scanned');
    expect(error.messageKey).toBe('import.errors.pdfNoText');
    expect(error.values.count).toBe(2);
    expect(createI18n('zh-CN').t(error.messageKey, error.values)).toBe('文件“空白.pdf”里没有可读取的文字，也没有图片（2 页都是空白的），未导入。');
    expect(createI18n('en-US').t(error.messageKey, { ...error.values, count: 1 })).toContain('(1 blank page)');
  });
});

/**
 * File names made from a document's title: the one rule for every file the app offers to
 * save (.docx, PDF, .gwdraft).
 */
import filenamify from 'filenamify';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A file name (without extension) safe on Windows, macOS and Linux, from the title.
 * `today` is 'YYYY-MM-DD' (no hidden clock); an empty or unusable title gives `报告_yyyyMMdd`.
 */
export function safeFileName(title: string, today: string): string {
  const fallback = `报告_${today.replace(/-/g, '')}`;
  // Line breaks in a multi-line title become nothing (the title reads as one phrase).
  const flat = title.replace(/[\r\n\t]+/g, '').trim();
  let name = filenamify(flat, { replacement: '_', maxLength: 80 });
  // Windows strips trailing dots and spaces, which would make two names collide.
  name = name.replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (WINDOWS_RESERVED.test(name)) name = `${name}_`;
  if (!name || /^_+$/.test(name)) return fallback;
  return name;
}

/**
 * Render a .docx with LibreOffice (headless, private profile) and read its PDF back with
 * poppler: the page count and every text line with its box, per page. Shared by the layout
 * test and the pagination tests (screen / print / .docx agreement).
 *
 * Windows font names are mapped to installed faces of the same kind through a private
 * fontconfig file, as ../shared/tools/gbt9704_meter.py does — and as the screen's CSS font
 * stacks fall back (shared/page/geometry.ts FONTS), so screen and LibreOffice set the same faces.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const hasTool = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

export const FONT_MAP: Record<string, string> = {
  仿宋_GB2312: 'Noto Serif CJK SC',
  仿宋: 'Noto Serif CJK SC',
  方正小标宋简体: 'Noto Serif CJK SC',
  宋体: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
  楷体_GB2312: 'AR PL UKai CN',
  楷体: 'AR PL UKai CN',
};

export interface Line {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface Rendered {
  pdf: string;
  pages: number;
  lines: Line[];
}

function fontsConf(file: string): void {
  const rules = Object.entries(FONT_MAP)
    .map(
      ([from, to]) =>
        `  <match target="pattern"><test qual="any" name="family"><string>${from}</string></test>` +
        `<edit name="family" mode="prepend" binding="strong"><string>${to}</string></edit></match>`,
    )
    .join('\n');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${rules}\n</fontconfig>\n`,
  );
}

/**
 * Keep the blank pages LibreOffice inserts for an even-page section break in the PDF (its
 * export skips them by default; print and Word keep them), so page counts are the printed ones.
 */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/** Lines of a PDF per page, from pdftotext -bbox-layout. */
export function pdfLines(pdf: string): { pages: number; lines: Line[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines: Line[] = [];
  const pageChunks = xml.split(/<page /).slice(1);
  pageChunks.forEach((chunk, i) => {
    for (const m of chunk.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
      lines.push({ page: i + 1, x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: words.join('').replace(/&amp;/g, '&') });
    }
  });
  return { pages: pageChunks.length, lines };
}

/** Write `docx` into `work` as NAME.docx, convert it with LibreOffice and read the PDF. */
export function renderDocx(docx: Uint8Array, name: string, work: string): Rendered {
  const src = path.join(work, `${name}.docx`);
  writeFileSync(src, docx);
  const conf = path.join(work, 'fonts.conf');
  fontsConf(conf);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', '--convert-to', PDF_FILTER, '--outdir', work, src],
    { env: { ...process.env, FONTCONFIG_FILE: conf }, stdio: 'pipe', timeout: 180_000 },
  );
  const pdf = path.join(work, `${name}.pdf`);
  return { pdf, ...pdfLines(pdf) };
}

/**
 * The print view's page rules, generated from the one geometry module (shared/page) so
 * print and PDF use the .docx's numbers: A4, the 37/35/28/26 mm margins, and page numbers
 * `— N —` in 4号 宋体 7 mm under the type area, odd pages right and even pages left, one
 * character in. Installed as a constructed stylesheet (CSSOM), which the strict CSP allows
 * where an inline <style> would be refused.
 */
import { FONTS, MARGINS, PAGE_NUMBER, PAPER, fontAliasCss } from '../../../shared/page/geometry';

export function printPageCss(): string {
  const dash = '"\\2014  " counter(page) " \\2014"';
  const box = (side: 'left' | 'right') => `
    font-family: ${FONTS.songti.css};
    font-size: ${PAGE_NUMBER.sizePt}pt;
    line-height: 1;
    vertical-align: top;
    /* the dash centre sits 7 mm under the type area */
    padding-top: calc(${PAGE_NUMBER.dashBelowTypeAreaMm}mm - 0.5em);
    text-align: ${side};
    padding-${side}: ${PAGE_NUMBER.insetPt}pt;
    content: ${dash};`;
  return `${fontAliasCss()}
@page { size: ${PAPER.widthMm}mm ${PAPER.heightMm}mm; margin: ${MARGINS.topMm}mm ${MARGINS.rightMm}mm ${MARGINS.bottomMm}mm ${MARGINS.leftMm}mm; }
@page :right { @bottom-right { ${box('right')} } }
@page :left { @bottom-left { ${box('left')} } }
`;
}

let installed: CSSStyleSheet | null = null;

/** Adds the print rules once per page (idempotent). */
export function installPrintStyle(doc: Document = document): void {
  if (installed || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  installed = new CSSStyleSheet();
  installed.replaceSync(printPageCss());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, installed];
}

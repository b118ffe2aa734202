// The predefined CMaps of Chinese (GB) PDFs — UniGB-UCS2-H, GBK-EUC-H, Adobe-GB1-UCS2 … (about
// 290 KB; the rest of pdf.js's set is Japanese, Korean and Taiwanese) — read from pdfjs-dist and
// embedded in the import worker bundle as base64, so no file is read at run time (app.asar).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const CHINESE = /^(Adobe-GB1-|UniGB-|GB)[A-Za-z0-9-]*\.bcmap$/;

/** The `define` value for __GONGWEN_PDF_CMAPS__: { name: base64 }. */
function pdfCmapsDefine(root) {
  const dir = path.join(root, 'node_modules', 'pdfjs-dist', 'cmaps');
  const out = {};
  for (const file of fs.readdirSync(dir).filter((f) => CHINESE.test(f)).sort()) out[file.replace(/\.bcmap$/, '')] = fs.readFileSync(path.join(dir, file)).toString('base64');
  return JSON.stringify(out);
}

module.exports = { pdfCmapsDefine };

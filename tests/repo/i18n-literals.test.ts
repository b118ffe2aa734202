/**
 * The lint that keeps user-visible text in i18next: no JSX text and no user-facing
 * attribute (aria-label, title, placeholder, alt, label) written as a literal in renderer/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO, sourceFiles } from './source-files';

const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'aria-placeholder', 'aria-roledescription']);
/** Text a person reads: letters of any script. Punctuation, digits and symbols alone are fine. */
const WORDS = /[\p{L}]{2,}|[\u3400-\u9fff]/u;

export function literalsIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(REPO, fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)) ? init.expression.text : null;
      if (literal !== null && WORDS.test(literal)) found.push(`${where(node)} ${node.name.getText(source)}="${literal}"`);
    }
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) && WORDS.test(node.expression.text)) {
      found.push(`${where(node)} text {"${node.expression.text}"}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI text goes through i18next', () => {
  it('the lint catches literals (self-test)', () => {
    const bad = `export const A = () => <div title="保存文件"><p>新建报告</p>{'Export'}<input placeholder="Name" /></div>;`;
    expect(literalsIn('x.tsx', bad)).toHaveLength(4);
    const good = `export const A = ({t}) => <div title={t('a')}><p>{t('b')}</p> — {n} · 1/2 <input className="x" /></div>;`;
    expect(literalsIn('x.tsx', good)).toEqual([]);
  });

  it('renderer/ has no hard-coded user-visible text', () => {
    const files = sourceFiles('renderer').filter((f) => f.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) => literalsIn(f, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});

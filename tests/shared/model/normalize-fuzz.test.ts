/**
 * The one door (shared/model/normalize.ts), fuzzed with a fixed seed (fast-check prints the
 * seed and path of any failure): whatever tree of Lexical-like JSON comes in — styles that
 * hide text, addresses in styles and attributes, unknown nodes and keys, marks we do not
 * keep — what comes out has only our node types and keys, no style, no address, every
 * piece of text of the input in order, passes documentSchema, and is a fixed point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../shared/ipc/schemas';
import { KEPT_FORMAT, cleanText, emptyHeader, normalizeBody, SCHEMA_VERSION } from '../../../shared/model';

const SEED = 1313;

const HIDING_STYLES = [
  'font-size:0', 'font-size: 0px', 'color:transparent', 'color:#fff', 'display:none', 'visibility:hidden', 'opacity:0',
  'background:url(http://example.com/x.png)', 'background-image:url("//evil/t")', 'position:absolute;left:-9999px', '',
];
const TYPES = ['root', 'paragraph', 'gw-heading', 'gw-guidance', 'gw-run-in', 'text', 'linebreak', 'tab', 'link', 'autolink', 'list', 'listitem', 'quote', 'heading', 'table', 'tablerow', 'tablecell', 'image', 'horizontalrule', 'mark', 'code', 'x-unknown'];
const ATTRS = ['style', 'url', 'src', 'href', 'backgroundColor', 'textStyle', 'className', 'rel', 'target', 'width', 'colSpan', 'onclick', 'data'];

const attrValue = fc.oneof(fc.constantFrom(...HIDING_STYLES, 'http://example.com/', 'javascript:alert(1)', 'file:///etc/passwd'), fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
const extras = fc.dictionary(fc.constantFrom(...ATTRS), attrValue, { maxKeys: 3 });

const textNode = fc.record({
  type: fc.constant('text'),
  text: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('一是', '\n', 'url(http://x)', '')),
  format: fc.oneof(fc.integer({ min: 0, max: 2047 }), fc.constant(1)),
  style: fc.constantFrom(...HIDING_STYLES),
  mode: fc.constantFrom('normal', 'token', 'segmented', 'x'),
  detail: fc.integer({ min: 0, max: 3 }),
  version: fc.constant(1),
}).chain((t) => extras.map((e) => ({ ...e, ...t })));

const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, textNode, textNode, fc.constant({ type: 'linebreak', version: 1 }), fc.constant({ type: 'tab', version: 1 }), tie('element'), fc.constant(null), fc.string({ maxLength: 4 })),
  element: fc.record({
    type: fc.constantFrom(...TYPES),
    children: fc.array(tie('node'), { maxLength: 5 }),
    headerState: fc.integer({ min: -1, max: 7 }),
    colSpan: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constant(1e9)),
    rowSpan: fc.integer({ min: 0, max: 3 }),
    level: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constant('2')),
    label: fc.oneof(fc.constantFrom('一、', '（二）', null, 'url(http://x/y)'), fc.string({ maxLength: 30 })),
    format: fc.constantFrom('', 'center', 'right', 'justify', 7),
    indent: fc.integer({ min: -3, max: 20 }),
    direction: fc.constantFrom('ltr', 'rtl', null),
    textFormat: fc.integer({ min: 0, max: 255 }),
    textStyle: fc.constantFrom(...HIDING_STYLES),
    version: fc.constant(1),
  }).chain((e) => extras.map((x) => ({ ...x, ...e }))),
}));

const body = fc.record({ root: fc.record({ type: fc.constant('root'), children: fc.array(node, { maxLength: 8 }) }) });

/** Text in document order: text nodes' text, a line break as \n, a tab as \t. */
function textOf(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
  const n = value as { type?: unknown; text?: unknown; children?: unknown };
  if (n.type === 'text' && typeof n.text === 'string') return cleanText(n.text);
  if (n.type === 'linebreak') return '\n';
  if (n.type === 'tab') return '\t';
  return Array.isArray(n.children) ? n.children.map(textOf).join('') : '';
}

const KEYS: Record<string, string[]> = {
  root: ['type', 'children', 'direction', 'format', 'indent', 'version'],
  paragraph: ['type', 'children', 'direction', 'format', 'indent', 'version', 'textFormat', 'textStyle'],
  'gw-heading': ['type', 'children', 'direction', 'format', 'indent', 'version', 'level', 'label'],
  'gw-guidance': ['type', 'children', 'direction', 'format', 'indent', 'version'],
  'gw-run-in': ['type', 'children', 'direction', 'format', 'indent', 'version'],
  text: ['type', 'text', 'format', 'detail', 'mode', 'style', 'version'],
  linebreak: ['type', 'version'],
  table: ['type', 'children', 'direction', 'format', 'indent', 'version'],
  tablerow: ['type', 'children', 'direction', 'format', 'indent', 'version'],
  tablecell: ['type', 'children', 'direction', 'format', 'indent', 'version', 'headerState', 'colSpan', 'rowSpan', 'backgroundColor'],
};
/** Which parent each structural node must have. */
const PARENT: Record<string, string> = { 'gw-run-in': 'gw-heading', tablerow: 'table', tablecell: 'tablerow' };
/** The only strings a normalised body may hold outside text and a heading's label. */
const LITERALS = new Set([...Object.keys(KEYS), 'ltr', '', 'normal']);

function assertClean(value: unknown, parentType: string | null): void {
  const n = value as Record<string, unknown>;
  const type = String(n.type);
  expect(KEYS[type], `node type ${type}`).toBeDefined();
  expect(Object.keys(n).sort()).toEqual([...KEYS[type]!].sort());
  if (PARENT[type]) expect(parentType).toBe(PARENT[type]);
  if (parentType === 'tablecell') expect(type).toBe('paragraph');
  if (parentType === 'table') expect(type).toBe('tablerow');
  if (type === 'tablecell') {
    expect(n.backgroundColor).toBeNull();
    expect([0, 1]).toContain(n.headerState);
    for (const k of ['colSpan', 'rowSpan']) expect(Number.isInteger(n[k]) && (n[k] as number) >= 1).toBe(true);
  }
  if (type === 'text') {
    expect(n.style).toBe('');
    expect((n.format as number) & ~KEPT_FORMAT).toBe(0);
    expect(n.mode).toBe('normal');
  }
  if ('format' in n && type !== 'text') expect(n.format).toBe('');
  if ('indent' in n) expect(n.indent).toBe(0);
  if ('textStyle' in n) expect(n.textStyle).toBe('');
  if (type === 'gw-heading') expect([1, 2, 3, 4]).toContain(n.level);
  for (const [key, v] of Object.entries(n)) {
    if (typeof v === 'string' && key !== 'text' && key !== 'label') expect(LITERALS.has(v), `${type}.${key} = ${v}`).toBe(true);
  }
  if (Array.isArray(n.children)) for (const child of n.children) assertClean(child, type);
}

describe('normalizeBody fuzz (seed 1313)', () => {
  it('keeps only our nodes, keys and marks; no style, no address; all text, in order', () => {
    fc.assert(
      fc.property(body, (input) => {
        const out = normalizeBody(input);
        assertClean(out.root, null);
        expect(textOf(out.root)).toBe(textOf(input.root));
        expect(normalizeBody(JSON.parse(JSON.stringify(out)))).toEqual(out);
        const doc = { schemaVersion: SCHEMA_VERSION, kind: 'generic', reportYear: null, header: emptyHeader(), body: input };
        const parsed = documentSchema.safeParse(doc);
        // The schema refuses a body whose top level is not a list of typed nodes, and strips everything else.
        const wellFormed = input.root.children.every((c) => typeof c === 'object' && c !== null && typeof (c as { type?: unknown }).type === 'string');
        expect(parsed.success).toBe(wellFormed);
        if (parsed.success) expect(parsed.data.body).toEqual(out);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('never throws on values that are not bodies at all', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (input) => {
        const out = normalizeBody(input);
        assertClean(out.root, null);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('the issue’s examples: a paragraph hidden with font-size:0 keeps its text, visibly; a background url is gone', () => {
    const input = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', style: 'background:url(http://x/y)', children: [{ type: 'text', text: '隐藏的段落', format: 0, style: 'font-size:0;color:transparent', mode: 'normal', detail: 0, version: 1 }] },
        ],
      },
    };
    const out = JSON.stringify(normalizeBody(input));
    expect(out).toContain('隐藏的段落');
    expect(out).not.toMatch(/font-size|transparent|url\(|http/);
  });
});

describe('normalizeBody on our own bodies', () => {
  it('gives back exactly what fromBlocks wrote (same JSON, same bytes)', async () => {
    const { fromBlocks } = await import('../../../shared/model');
    const body = fromBlocks([
      { type: 'heading', level: 2, label: '（一）', text: '强化组织领导。', runIn: '一是加强领导。', runInRuns: [{ text: '一是', bold: true }, { text: '加强领导。' }] },
      { type: 'paragraph', text: '正文\n第二行', runs: [{ text: '正文', bold: true }, { text: '\n第二行' }] },
      { type: 'guidance', text: '（提示）' },
    ]);
    expect(JSON.stringify(normalizeBody(body))).toBe(JSON.stringify(body));
  });
});

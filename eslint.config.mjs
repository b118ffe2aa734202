// Security lint for the code that runs in Electron (electron/, renderer/). It backs
// Electronegativity, which cannot see through variables and function calls: every rule here
// is a pattern that would open the app to the page it shows or to the network. Run by
// `npm run audit:security` (scripts/audit-security.mjs); zero findings is the bar, and a
// finding is fixed, not silenced (docs/security.md).
import tseslint from 'typescript-eslint';

const DANGEROUS_TRUE = 'nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures|enableRemoteModule|enableBlinkFeatures';
const MUST_BE_TRUE = 'contextIsolation|sandbox|webSecurity';
const WEB_PREFS = "Property[key.name='webPreferences']";

export const securityRestrictions = [
  {
    selector: `${WEB_PREFS}:not([value.type='ObjectExpression'])`,
    message: 'webPreferences must be an inline object literal, so scanners and reviewers can read every setting.',
  },
  {
    selector: `${WEB_PREFS} > ObjectExpression > SpreadElement`,
    message: 'No spread inside webPreferences: spell out every setting.',
  },
  {
    selector: `${WEB_PREFS} > ObjectExpression > Property[key.name=/^(${DANGEROUS_TRUE})$/]:not([value.value=false])`,
    message: 'This webPreferences setting must be the literal false (it would give web content Node, webviews or insecure content).',
  },
  {
    selector: `${WEB_PREFS} > ObjectExpression > Property[key.name=/^(${MUST_BE_TRUE})$/]:not([value.value=true])`,
    message: 'contextIsolation, sandbox and webSecurity must be the literal true.',
  },
  {
    selector: `${WEB_PREFS} > ObjectExpression:not(:has(> Property[key.name='contextIsolation'])), ${WEB_PREFS} > ObjectExpression:not(:has(> Property[key.name='sandbox']))`,
    message: 'webPreferences must say contextIsolation: true and sandbox: true explicitly.',
  },
  {
    selector: "CallExpression[callee.property.name='openExternal']:not([arguments.0.type='Literal'])",
    message: 'shell.openExternal only with a literal address: a computed one lets content choose what the OS opens.',
  },
  {
    selector: "CallExpression[callee.property.name='loadURL']",
    message: 'The window loads only the app’s own file (loadFile(rendererIndex)); never a URL.',
  },
  {
    selector: "CallExpression[callee.property.name='loadFile']:not([arguments.0.type='Identifier'][arguments.0.name='rendererIndex'])",
    message: 'loadFile only with rendererIndex, the app’s own index.html.',
  },
  {
    selector: "CallExpression[callee.property.name='executeJavaScript']",
    message: 'No executeJavaScript: the main process never injects code into the page.',
  },
  {
    selector: "CallExpression[callee.name='eval'], CallExpression[callee.property.name='eval']",
    message: 'No eval.',
  },
  {
    selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='Function']",
    message: 'No new Function: it is eval.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text, or Lexical nodes.',
  },
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: 'No innerHTML/outerHTML assignment: imported documents must never become markup.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'coverage/**', 'test-results/**', '.scratch/**'] },
  {
    files: ['electron/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    // A comment in the code cannot switch these rules off.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-restricted-syntax': ['error', ...securityRestrictions],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
    },
  },
);

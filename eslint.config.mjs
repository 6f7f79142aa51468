// The layer rules of docs/architecture.md, checked by `npm run lint` (part of `npm test`).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const forge = (allowed) => ({
  group: ['@forge/*', ...allowed.map((p) => `!${p}`)],
  message: `Forge SDKs are imported in src/platform only${allowed.length ? ` (here: ${allowed.join(', ')})` : ''}.`,
});
const local = { regex: '^(\\.\\./)+local(/|$)', message: 'local/ is the emulator: the app never imports it.' };
const storeKeys = { regex: '(^|/)store/keys$', message: 'Storage keys belong to src/store: add a repository function there.' };

const rawRest = [
  { selector: "Literal[value=/^\\/(wiki\\/)?(rest|api)\\//]", message: 'Product REST paths belong to src/sources (one function per endpoint).' },
  { selector: "TemplateElement[value.raw=/^\\/(wiki\\/)?(rest|api)\\//]", message: 'Product REST paths belong to src/sources (one function per endpoint).' },
  { selector: "CallExpression[callee.name='fetch']", message: 'Raw HTTP belongs to src/sources, through a SiteClient.' },
  { selector: "MemberExpression[property.name=/^request(Jira|Confluence)$/]", message: 'Raw product requests belong to src/sources, through a SiteClient.' },
];

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/build/**', 'coverage/**', '.bundle/**', '.tsc-out/**'] },
  {
    files: ['src/**/*.{ts,tsx}', 'static/*/src/**/*.{ts,tsx}', 'static/shared/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks },
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  // The backend: Forge only in src/platform, never the emulator, storage keys only in src/store.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**', 'src/store/**', 'src/frontend/**'],
    rules: { 'no-restricted-imports': restrict([forge([]), local, storeKeys]) },
  },
  { files: ['src/platform/**/*.ts', 'src/store/**/*.ts'], rules: { 'no-restricted-imports': restrict([local]) } },
  // Product REST: paths and requests only in src/sources (src/platform implements the transport).
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/sources/**', 'src/platform/**'], rules: { 'no-restricted-syntax': ['error', ...rawRest] } },
  // src/domain is pure: nothing from another layer.
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([forge([]), { regex: '^\\.\\./', message: 'src/domain imports no other layer.' }]) },
  },
  // Access decisions are made before any read model runs: src/insights uses src/access, never the reverse.
  {
    files: ['src/access/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        forge([]),
        local,
        storeKeys,
        { regex: '^\\.\\./insights/', message: 'src/insights depends on src/access, not the other way round.' },
      ]),
    },
  },
  // The UI Kit gadget: @forge/react, the contract in src/shared, and host calls through src/platform/gadget-bridge.
  {
    files: ['src/frontend/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        forge(['@forge/react']),
        local,
        { regex: '^(\\.\\./)+(?!shared/|platform/gadget-bridge$|frontend/)[a-z-]+/', message: 'The gadget imports src/shared (and the bridge seam) only.' },
      ]),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // The Custom UI apps: @forge/bridge, their own files, static/shared and src/shared only.
  {
    files: ['static/*/src/**/*.{ts,tsx}', 'static/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        forge(['@forge/bridge']),
        { regex: '(^|/)src/(?!shared/)', message: 'Custom UI imports only src/shared from the backend.' },
        { regex: '(^|/)local(/|$)', message: 'local/ is the emulator: the app never imports it.' },
      ]),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);

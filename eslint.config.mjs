// typescript-eslint with type information: above all `no-floating-promises`, because a
// forgotten `await` on a KV or Durable Object write is this codebase's likeliest bug.
import eslint from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const typed = ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}']

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/.wrangler/',
      'worker-configuration.d.ts',
      'test-results/',
      'bench-results/',
      // @simplewebauthn/browser as published (a link into node_modules).
      'src/desk-ui/public/desk/webauthn.js',
    ],
  },
  eslint.configs.recommended,
  // Regular expressions here match the control characters XML forbids, on purpose; Chinese
  // text and its full-width spaces are this project's subject.
  { rules: { 'no-control-regex': 'off', 'no-irregular-whitespace': 'off' } },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: typed })),
  {
    files: typed,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Names starting with _ are left out on purpose (a destructured field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read parsed XML and JSON of known shape; `any` there keeps them short.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'vitest.config.ts'],
    languageOptions: { globals: globals.node },
  },
  // The browser suite's page.evaluate callbacks run in the page.
  {
    files: ['scripts/browser-e2e.mjs', 'scripts/desk-e2e.mjs'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['vitest.config.ts'], languageOptions: { parser: tseslint.parser } },
  // The desk's own scripts, served as they are to the browser (src/desk-ui/public).
  {
    files: ['src/desk-ui/public/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, SimpleWebAuthnBrowser: 'readonly' },
    },
  },
)

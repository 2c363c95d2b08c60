// Lints the project's own TypeScript (`npm run lint:code`, part of `npm test`): typescript-eslint's
// recommended rules with type information. Rules turned off below say why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-artifacts/**', '**/*.mjs', '**/*.js', 'test/e2e/**/fixtures/**', 'test/**/fixtures/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused code is tsc's job (noUnusedLocals / noUnusedParameters); `_`-prefixed names are deliberate.
      '@typescript-eslint/no-unused-vars': 'off',
      // Handlers take untyped JSON-RPC params (null, missing fields) and check them field by field.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Interpolating numbers and unions of literals into messages is the norm here.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Knowledge files are our own bundled Markdown, checked by test/unit/knowledge.test.ts; their
    // front matter fields are strings there, String() only narrows YAML's unknown.
    files: ['server/src/knowledge/case-studies.ts', 'server/src/knowledge/templates.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's describe/it return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': 'off',
      // Tests match terminal output: ANSI escapes and column-aligned text are what they check.
      'no-control-regex': 'off',
      'no-regex-spaces': 'off',
      // Values are stringified only into assertion messages, where [object Object] would just be a poor message.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);

// ESLint for the whole repository: `npm run lint` (part of `npm test`); `npm run lint:fix` applies its fixes.
//
// typescript-eslint parses with the TypeScript JS API, which TypeScript 7 (the Go port) no longer has. The root
// devDependency `typescript` is therefore 6.0 (parser only, no type information); the server and the console keep
// TypeScript 7 in their own node_modules, and their `tsc` is the one their scripts and `npx tsc` run there.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A focused or skipped test that slips into a commit silently shrinks the suite CI runs. */
const focusedOrSkipped = ['describe', 'it', 'test', 'suite', 'bench'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({ object, property, message: `\`${object}.${property}\` must not be committed.` })),
);

/**
 * What English typed into a component looks like: text between tags with a word in it, a literal with a space or a
 * capital in a prop a user reads or hears (message keys are dotted and start lowercase) or handed to notify(), and
 * words in a literal shown as it is or picked by a condition.
 */
const USER_FACING_PROPS =
  '/^(label|title|aria-label|placeholder|helperText|emptyText|primaryText|subheader|trueLabel|falseLabel|nullLabel|alt|heading)$/';
const ENGLISH = '/\\s|^[A-Z]/';
const ENGLISH_IN_TEMPLATE = '/[A-Za-z]{2}\\s|\\s[A-Za-z]{2}|^[A-Z][a-z]/';
const userFacingEnglish = (message) =>
  [
    'JSXText[value=/[A-Za-z]{2}/]',
    `JSXAttribute[name.name=${USER_FACING_PROPS}] > Literal[value=${ENGLISH}]`,
    `JSXAttribute[name.name=${USER_FACING_PROPS}] > JSXExpressionContainer > Literal[value=${ENGLISH}]`,
    `JSXAttribute[name.name=${USER_FACING_PROPS}] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${ENGLISH_IN_TEMPLATE}]`,
    `JSXExpressionContainer > Literal[value=${ENGLISH_IN_TEMPLATE}]`,
    `JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${ENGLISH_IN_TEMPLATE}]`,
    `CallExpression[callee.name='notify'] > Literal.arguments:first-child[value=${ENGLISH}]`,
    `CallExpression[callee.name='notify'] > TemplateLiteral.arguments:first-child > TemplateElement[value.raw=${ENGLISH_IN_TEMPLATE}]`,
  ].map((selector) => ({ selector, message }));

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/dist-bench/', // the benchmarks' build (npm run bench), CommonJS output
    '**/.data/',
    'admin/src/gql/', // generated from server/schema.graphql
    'examples/client/gql/', // likewise, for the client example
    'admin/e2e/artifacts/',
    'seeds/',
  ]),

  { files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'], extends: [js.configs.recommended, tseslint.configs.recommended] },

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'no-restricted-properties': ['error', ...focusedOrSkipped],
      eqeqeq: ['error', 'smart'],
      // Unused bindings are dead code, but `_name` marks one kept on purpose (a positional parameter, a rest sibling).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // TypeORM and type-graphql key their metadata by class and type it `Function`; that is how this code uses it.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },

  // Tests and benchmarks read untyped GraphQL answers (JSON); `any` is the honest type there.
  {
    files: ['server/test/**', '**/*.test.{ts,tsx}', 'admin/e2e/**', 'server/bench/**', 'admin/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // Where the code runs.
  {
    files: ['server/**', 'migrations/**', 'scripts/**', 'admin/e2e/**', 'admin/bench/**', 'admin/*.{ts,mts,js,mjs}', '*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  { files: ['admin/src/**'], languageOptions: { globals: globals.browser } },
  // graphql-codegen loads its plugins with require(): the console's plugin is CommonJS.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // The console: hooks follow React's rules. Only the two classic rules: the React Compiler rules of
  // `recommended-latest` compile every component and more than double the time of `npm run lint`, and the console does
  // not use the compiler.
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },

  // The server's library code and the console log through their own channels; printing belongs to entry points.
  { files: ['server/src/**', 'admin/src/**'], rules: { 'no-console': 'error' } },
  {
    files: ['server/src/main.ts', 'server/src/cli/**', 'server/src/db/generate-migration.ts', 'server/src/graphql/print-schema.ts'],
    rules: { 'no-console': 'off' },
  },

  // The console speaks through the messages file (admin/src/messages/): English typed into a component would stay
  // English in every other language, unseen until a translator finds it on screen.
  {
    files: ['admin/src/{App,Layout}.tsx', 'admin/src/*/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...userFacingEnglish('Words a user sees come from the messages file: use a `console.…` or `resources.…` key.'),
      ],
    },
  },

  // Formatting is Prettier's: turn off every stylistic rule it would fight with. Keep last.
  prettier,
]);

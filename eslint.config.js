// Lint configuration. Besides the usual recommended rules, this file enforces the layering of
// DESIGN.md section 2 ("Layout and dependency rules") so that a wrong import fails `npm test`:
//
//   shared/    imports no other folder and no platform package (pure TypeScript + zod)
//   server/    imports shared/ and Node libraries only
//   electron/  imports shared/ and electron/Node only
//   renderer/  imports shared/ only; inside it, db/ is the only Dexie importer, sync/ the only
//              socket.io-client importer, platform/ the only user of window.bureau
//
// Three mechanisms work together, because each one alone has a blind spot:
// - `no-restricted-imports` for packages (dexie, react, node:fs, ...): matched on the import text.
// - `no-restricted-imports` for relative paths that climb out of a folder into a forbidden one
//   (`../../../server/x`). The rule only sees the import text, not the importing file, so one
//   config object is generated per folder depth: at depth d, exactly d+1 `../` reach the
//   repository root. This works even when the target file does not exist yet.
// - `import-x/no-restricted-paths`: resolves every import (TypeScript resolver) and checks the
//   real file it lands on, which also catches odd spellings like `../x/../../server/y`. It
//   ignores imports that do not resolve, hence the textual rule above.
// - `no-restricted-syntax` for dynamic `import('dexie')` (which `no-restricted-imports` ignores),
//   and `no-restricted-properties`/`-globals`/`-syntax` for window.bureau outside platform/.
//
// Type-aware linting is deliberately off: it keeps `npm run lint` fast on two cores, and
// `npm run typecheck` already runs the compiler over every folder.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const RULE = 'DESIGN.md section 2 (Layout and dependency rules)';
const CODE = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
/** Folder depths covered by the generated path rules; deeper files still get import-x. */
const MAX_DEPTH = 12;

// ---------------------------------------------------------------------------------------------
// Package groups
// ---------------------------------------------------------------------------------------------

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A package family that a folder may not import, with the reason shown to the author. Names are
 * matched as whole package names (`dexie` and `dexie/x`, not `./dexie` or `dexie-foo`); a name
 * ending in `/` is a scope or prefix (`@electric-sql/`, `node:`).
 */
function pkg(names, why) {
  const exact = names.filter((name) => !name.endsWith('/') && !name.endsWith(':')).map(escapeRegex);
  const prefixes = names.filter((name) => name.endsWith('/') || name.endsWith(':')).map(escapeRegex);
  const alternatives = [];
  if (exact.length > 0) alternatives.push(`(?:${exact.join('|')})(?:/|$)`);
  if (prefixes.length > 0) alternatives.push(`(?:${prefixes.join('|')})`);
  return { regex: `^(?:${alternatives.join('|')})`, why };
}

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_') && !name.includes('/'));

const PKG = {
  node: pkg(['node:', ...nodeBuiltins], 'Node built-in modules'),
  electron: pkg(['electron'], 'Electron'),
  dexie: pkg(['dexie', 'dexie-react-hooks'], 'Dexie'),
  socketServer: pkg(['socket.io', '@socket.io/'], 'the socket.io server'),
  socketClient: pkg(['socket.io-client'], 'the socket.io client'),
  pg: pkg(['pg', 'pg-pool', 'pg-protocol', 'pg-cursor', 'pg-query-stream', '@electric-sql/'], 'PostgreSQL / PGlite drivers'),
  react: pkg(['react', 'react-dom', 'react-redux', 'react-router'], 'React'),
  antd: pkg(['antd', '@ant-design/'], 'Ant Design'),
  i18n: pkg(['i18next', 'react-i18next'], 'i18next'),
};

// ---------------------------------------------------------------------------------------------
// Folder rules (DESIGN.md section 2)
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {{ regex: string, why: string }} PackageBan
 * @typedef {{
 *   folder: string,                      // path from the repository root
 *   topLevel: string,                    // its top-level folder (depth is counted from there)
 *   forbiddenFolders: string[],          // top-level folders it may not import from
 *   forbiddenPackages: PackageBan[],
 *   rule: string,                        // the sentence of DESIGN.md that is broken
 *   bridge?: boolean,                    // true: may not touch window.bureau
 * }} FolderRule
 */

/** @type {FolderRule[]} */
const folderRules = [
  {
    folder: 'shared',
    topLevel: 'shared',
    forbiddenFolders: ['electron', 'renderer', 'server'],
    forbiddenPackages: [PKG.node, PKG.electron, PKG.dexie, PKG.socketServer, PKG.socketClient, PKG.pg, PKG.react, PKG.antd, PKG.i18n],
    rule: 'shared/ is pure TypeScript: it imports nothing from the other folders and nothing platform-specific (zod is fine)',
  },
  {
    folder: 'server',
    topLevel: 'server',
    forbiddenFolders: ['renderer', 'electron'],
    forbiddenPackages: [PKG.dexie, PKG.react, PKG.antd, PKG.electron, PKG.socketClient],
    rule: 'server/ imports shared/ and Node libraries only',
  },
  {
    folder: 'electron',
    topLevel: 'electron',
    forbiddenFolders: ['renderer', 'server'],
    forbiddenPackages: [PKG.dexie, PKG.react, PKG.socketServer, PKG.socketClient, PKG.pg],
    rule: 'electron/ imports shared/ and electron/Node only',
  },
  {
    folder: 'renderer',
    topLevel: 'renderer',
    forbiddenFolders: ['server', 'electron'],
    forbiddenPackages: [PKG.node, PKG.electron, PKG.pg, PKG.socketServer, PKG.dexie, PKG.socketClient],
    rule: 'renderer/ imports shared/ only, never electron/ or server/, and no Node or server packages',
    bridge: true,
  },
  // Inside the renderer one folder owns each platform seam. These entries replace the renderer
  // rule for their folder (ESLint does not merge options of the same rule), minus the seam
  // they own.
  {
    folder: 'renderer/platform',
    topLevel: 'renderer',
    forbiddenFolders: ['server', 'electron'],
    forbiddenPackages: [PKG.node, PKG.electron, PKG.pg, PKG.socketServer, PKG.dexie, PKG.socketClient],
    rule: 'renderer/ imports shared/ only, never electron/ or server/, and no Node or server packages',
    bridge: false,
  },
  {
    folder: 'renderer/db',
    topLevel: 'renderer',
    forbiddenFolders: ['server', 'electron'],
    forbiddenPackages: [PKG.node, PKG.electron, PKG.pg, PKG.socketServer, PKG.socketClient],
    rule: 'renderer/ imports shared/ only, never electron/ or server/, and no Node or server packages',
    bridge: true,
  },
  {
    folder: 'renderer/sync',
    topLevel: 'renderer',
    forbiddenFolders: ['server', 'electron'],
    forbiddenPackages: [PKG.node, PKG.electron, PKG.pg, PKG.socketServer, PKG.dexie],
    rule: 'renderer/ imports shared/ only, never electron/ or server/, and no Node or server packages',
    bridge: true,
  },
];

/** Why a renderer file may not import a package that another renderer folder owns. */
const ownerHint = new Map([
  [PKG.dexie, 'renderer/db/ is the only Dexie importer: add what you need to renderer/db/ and import it from there'],
  [PKG.socketClient, 'renderer/sync/ is the only socket.io-client importer: go through renderer/sync/'],
]);

function packageMessage(rule, ban) {
  return rule.topLevel === 'renderer' && ownerHint.has(ban)
    ? `${ownerHint.get(ban)} (${RULE}).`
    : `${rule.folder}/ may not import ${ban.why}: ${rule.rule} (${RULE}).`;
}

/**
 * `no-restricted-imports` options for a file of `rule.folder` whose directory lies `depth`
 * folders below `rule.topLevel` (a file directly in shared/ has depth 0). Without a depth, only
 * the package bans.
 */
function restrictedImports(rule, depth) {
  const patterns = rule.forbiddenPackages.map((ban) => ({ regex: ban.regex, message: packageMessage(rule, ban) }));
  if (depth === undefined) return ['error', { patterns }];
  const up = `(?:\\.\\./){${depth + 1}}`;
  const folders = rule.forbiddenFolders.map(escapeRegex).join('|');
  patterns.push({
    regex: `^(?:\\./)?${up}(?:${folders})(?:/|$)`,
    message: `${rule.topLevel}/ may not import from ${rule.forbiddenFolders.map((f) => `${f}/`).join(' or ')}: ${rule.rule} (${RULE}).`,
  });
  return ['error', { patterns }];
}

// window.bureau is the preload bridge; renderer/platform/ wraps it (with a browser fallback).
const bridgeMessage = `Use renderer/platform/ instead of window.bureau: renderer/platform/ is the one wrapper around window.bureau (${RULE}).`;
const globalObject = '/^(window|globalThis|self)$/';

/**
 * `no-restricted-syntax` options: what `no-restricted-imports` does not see. It ignores dynamic
 * `import('dexie')`, and `no-restricted-properties` misses `(window as any).bureau`.
 */
function restrictedSyntax(rule) {
  // esquery regex literals cannot contain `/`: spell it \x2F.
  const entries = rule.forbiddenPackages.map((ban) => ({
    selector: `ImportExpression[source.value=/${ban.regex.replaceAll('/', '\\x2F')}/]`,
    message: packageMessage(rule, ban),
  }));
  if (rule.bridge) {
    entries.push({
      selector: [
        'MemberExpression:matches([property.name="bureau"], [property.value="bureau"])',
        `:matches([object.expression.name=${globalObject}], [object.expression.expression.name=${globalObject}])`,
      ].join(''),
      message: bridgeMessage,
    });
  }
  return ['error', ...entries];
}

/** Globs of code files in `folder` whose directory is exactly `extra` folders below it. */
function filesAtDepth(folder, extra) {
  return [`${folder}/${'*/'.repeat(extra)}*.${CODE}`];
}

function folderRuleConfigs(rule) {
  const base = rule.folder.split('/').length - rule.topLevel.split('/').length;
  // Packages are banned at any depth; the depth-exact objects after it add the folder check.
  const configs = [
    {
      name: `bureau/layering/${rule.folder}/packages`,
      files: [`${rule.folder}/**/*.${CODE}`],
      rules: { 'no-restricted-imports': restrictedImports(rule), 'no-restricted-syntax': restrictedSyntax(rule) },
    },
  ];
  for (let extra = 0; extra + base <= MAX_DEPTH; extra++) {
    configs.push({
      name: `bureau/layering/${rule.folder}/depth-${extra + base}`,
      files: filesAtDepth(rule.folder, extra),
      rules: { 'no-restricted-imports': restrictedImports(rule, extra + base) },
    });
  }
  return configs;
}

/** Zones for import-x/no-restricted-paths: the same folder rules, checked on resolved files. */
const restrictedPathZones = folderRules
  .filter((rule) => rule.folder === rule.topLevel)
  .flatMap((rule) =>
    rule.forbiddenFolders.map((from) => ({
      target: `./${rule.folder}`,
      from: `./${from}`,
      message: `${rule.folder}/ may not import from ${from}/: ${rule.rule} (${RULE}).`,
    })),
  );

export default defineConfig(
  {
    name: 'bureau/ignores',
    ignores: [
      '**/node_modules/',
      'out/',
      'dist/',
      'coverage/',
      '.bureau-data/',
      'data/',
      'test-results/',
      'playwright-report/',
    ],
  },
  { name: 'eslint/recommended', ...js.configs.recommended },
  ...tseslint.configs.recommended,
  {
    name: 'bureau/base',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  // Globals per runtime, matching each folder's tsconfig `lib`/`types`.
  { name: 'bureau/globals/node', files: [`server/**/*.${CODE}`, `electron/**/*.${CODE}`, `build/**/*.${CODE}`, `test/**/*.${CODE}`, `*.${CODE}`], languageOptions: { globals: { ...globals.node } } },
  { name: 'bureau/globals/browser', files: [`renderer/**/*.${CODE}`, `electron/preload/**/*.${CODE}`, `test/**/*.${CODE}`], languageOptions: { globals: { ...globals.browser } } },

  {
    name: 'bureau/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  // --- DESIGN.md section 2: import rules ----------------------------------------------------
  {
    name: 'bureau/layering/resolved-paths',
    files: [`**/*.${CODE}`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
          project: ['shared/tsconfig.json', 'server/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'test/tsconfig.json'],
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: restrictedPathZones }],
    },
  },
  ...folderRules.flatMap(folderRuleConfigs),
  {
    name: 'bureau/layering/window-bureau',
    files: [`renderer/**/*.${CODE}`],
    ignores: [`renderer/platform/**`],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'bureau', message: bridgeMessage },
        { object: 'globalThis', property: 'bureau', message: bridgeMessage },
        { object: 'self', property: 'bureau', message: bridgeMessage },
      ],
      'no-restricted-globals': ['error', { name: 'bureau', message: bridgeMessage }],
      // Casts like (window as any).bureau: see restrictedSyntax().
    },
  },
);

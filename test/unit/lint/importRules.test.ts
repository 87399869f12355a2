// Proves that eslint.config.js enforces the import rules of DESIGN.md section 2: each case lints
// a virtual file at a real path of the repository and checks which layering rules fire.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const LAYERING_RULES = new Set(['no-restricted-imports', 'import-x/no-restricted-paths', 'no-restricted-properties', 'no-restricted-globals', 'no-restricted-syntax']);

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** Layering violations reported for `code` as if it were the file at `filePath`. */
async function violations(filePath: string, code: string): Promise<{ ruleId: string; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages
    .filter((m) => m.ruleId !== null && LAYERING_RULES.has(m.ruleId))
    .map((m) => ({ ruleId: m.ruleId ?? '', message: m.message }));
}

describe('import rules (DESIGN.md section 2)', () => {
  const forbidden: [string, string, string, RegExp][] = [
    ['renderer imports server/', 'renderer/features/x/Bad.tsx', "import x from '../../../server/anything';\nexport default x;\n", /renderer\/ may not import from server\//],
    ['shared imports dexie', 'shared/domain/bad.ts', "import Dexie from 'dexie';\nexport default Dexie;\n", /shared\/ may not import Dexie/],
    ['shared imports node:crypto', 'shared/x.ts', "import { randomUUID } from 'node:crypto';\nexport default randomUUID;\n", /Node built-in/],
    ['shared imports a bare built-in', 'shared/y.ts', "import path from 'path';\nexport default path;\n", /Node built-in/],
    ['shared imports react', 'shared/domain/r.ts', "import { useState } from 'react';\nexport default useState;\n", /shared\/ may not import React/],
    ['a renderer feature imports dexie', 'renderer/features/x/a.ts', "import Dexie from 'dexie';\nexport default Dexie;\n", /renderer\/db\/ is the only Dexie importer/],
    ['a renderer feature imports dexie-react-hooks', 'renderer/features/x/h.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport default useLiveQuery;\n", /renderer\/db\/ is the only Dexie importer/],
    ['a renderer feature imports dexie lazily', 'renderer/features/x/lazy.ts', "export const load = () => import('dexie');\n", /renderer\/db\/ is the only Dexie importer/],
    ['a renderer feature imports socket.io-client', 'renderer/features/x/b.ts', "import { io } from 'socket.io-client';\nexport default io;\n", /renderer\/sync\/ is the only socket\.io-client importer/],
    ['renderer/db imports socket.io-client', 'renderer/db/s.ts', "import { io } from 'socket.io-client';\nexport default io;\n", /renderer\/sync\//],
    ['the renderer imports electron', 'renderer/platform/e.ts', "import { ipcRenderer } from 'electron';\nexport default ipcRenderer;\n", /may not import Electron/],
    ['server imports renderer/', 'server/x.ts', "import y from '../renderer/y';\nexport default y;\n", /server\/ may not import from renderer\//],
    ['server imports socket.io-client', 'server/sync/c.ts', "import { io } from 'socket.io-client';\nexport default io;\n", /server\/ may not import the socket\.io client/],
    ['electron imports server/', 'electron/main/x.ts', "import y from '../../server/y';\nexport default y;\n", /electron\/ may not import from .*server\//],
    ['electron imports pg', 'electron/main/p.ts', "import pg from 'pg';\nexport default pg;\n", /electron\/ may not import PostgreSQL/],
    ['a renderer feature touches window.bureau', 'renderer/features/x/w.ts', 'export const bridge = window.bureau;\n', /renderer\/platform\/ is the one wrapper around window\.bureau/],
    ['the renderer reaches window.bureau through a cast', 'renderer/app/w.ts', 'export const bridge = (window as unknown as { bureau: unknown }).bureau;\n', /renderer\/platform\/ is the one wrapper around window\.bureau/],
  ];

  it.each(forbidden)('rejects: %s', async (_name, filePath, code, message) => {
    const found = await violations(filePath, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((v) => v.message).join('\n')).toMatch(message);
    expect(found.every((v) => v.message.includes('DESIGN.md section 2'))).toBe(true);
    // ESLint with the type-aware resolver over the whole project: seconds on a busy machine.
  }, 60_000);

  it('checks the resolved file too, whatever the spelling (import-x/no-restricted-paths)', async () => {
    // The target must resolve for import-x; renderer/tsconfig.json is a real file.
    const found = await violations('server/x.ts', "import config from '../shared/../renderer/tsconfig.json';\nexport default config;\n");
    expect(found).toContainEqual({ ruleId: 'import-x/no-restricted-paths', message: expect.stringMatching(/server\/ may not import from renderer\/.*DESIGN\.md section 2/) });
  });

  const allowed: [string, string, string][] = [
    ['renderer/db imports dexie', 'renderer/db/a.ts', "import Dexie from 'dexie';\nimport { useLiveQuery } from 'dexie-react-hooks';\nexport default [Dexie, useLiveQuery];\n"],
    ['renderer/sync imports socket.io-client', 'renderer/sync/a.ts', "import { io } from 'socket.io-client';\nexport default io;\n"],
    ['renderer/platform touches window.bureau', 'renderer/platform/bridge.ts', 'export const bridge = window.bureau;\n'],
    ['a renderer feature imports shared/', 'renderer/features/x/ok.ts', "import { leave } from '../../../shared/domain/leave';\nexport default leave;\n"],
    ['a renderer feature imports a sibling named like a package', 'renderer/platform/index.ts', "import electron from './electron';\nimport dexie from '../db/dexie';\nexport default [electron, dexie];\n"],
    ['shared imports zod and a shared folder named like a built-in', 'shared/mutators/ok.ts', "import { z } from 'zod';\nimport { leave } from '../domain/leave';\nexport default [z, leave];\n"],
    ['server imports shared/, node:*, pg and socket.io', 'server/store/ok.ts', "import { leave } from '../../shared/domain/leave';\nimport fs from 'node:fs';\nimport pg from 'pg';\nimport { Server } from 'socket.io';\nexport default [leave, fs, pg, Server];\n"],
    ['electron imports shared/, electron and node:*', 'electron/main/ok.ts', "import { app } from 'electron';\nimport path from 'node:path';\nimport { leave } from '../../shared/domain/leave';\nexport default [app, path, leave];\n"],
  ];

  it.each(allowed)('allows: %s', async (_name, filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});

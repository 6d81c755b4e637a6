import fs from 'node:fs';
import path from 'node:path';

/** The repository's root: the nearest folder up holding `tsconfig.base.json`, from `src/` or from `dist/`. */
function findRepoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tsconfig.base.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No tsconfig.base.json above ${__dirname}`);
  }
}

export const repoRoot = findRepoRoot();
export const seedsDir = path.join(repoRoot, 'seeds');
export const adminDistDir = path.join(repoRoot, 'admin', 'dist');
export const schemaFile = path.join(repoRoot, 'server', 'schema.graphql');

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { repoRoot } from '../src/paths.js';

const SRC = path.join(repoRoot, 'server', 'src');

/** The source files' relative imports (static, re-exports, side effects and dynamic), read from the text. */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

interface Import {
  from: string;
  to: string;
}

function readImports(): Import[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  return files.flatMap((file) =>
    [...readFileSync(path.join(SRC, file), 'utf8').matchAll(IMPORT)].map((match) => ({
      from: file.split(path.sep).join('/'),
      to: path
        .relative(SRC, path.resolve(SRC, path.dirname(file), (match[1] ?? match[2] ?? match[3])!.replace(/\.js$/, '.ts')))
        .split(path.sep)
        .join('/'),
    })),
  );
}

/** The domain module a file belongs to (`modules/<name>/…` or `modules/<name>.ts`), or null outside modules/. */
function moduleOf(file: string): string | null {
  const match = /^modules\/([^/.]+)/.exec(file);
  return match ? match[1]! : null;
}

/** Which domain modules each one imports from. */
function moduleGraph(imports: readonly Import[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const [a, b] = [moduleOf(from), moduleOf(to)];
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

function mutualPairs(graph: Map<string, Set<string>>): string[] {
  const pairs: string[] = [];
  for (const [a, targets] of graph) for (const b of targets) if (a < b && graph.get(b)?.has(a)) pairs.push(`${a} <-> ${b}`);
  return pairs.sort();
}

/** The groups of modules that reach each other through imports (strongly connected components, Tarjan's). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group = stack.splice(stack.indexOf(node));
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('architecture', () => {
  const imports = readImports();
  const graph = moduleGraph(imports);

  it('reads the imports of the sources, type-only ones too, and finds pairs and cycles', () => {
    expect(imports).toContainEqual({ from: 'modules/claims/claims.service.ts', to: 'core/time-travel/time-travel.ts' });
    expect(imports).toContainEqual({ from: 'modules/claims/claims.resolver.ts', to: 'graphql/context.ts' });
    expect(graph.get('history')?.has('records')).toBe(true);
    const made = (edges: string[]) =>
      moduleGraph(edges.map((edge) => edge.split(' -> ')).map(([a, b]) => ({ from: `modules/${a}/x.ts`, to: `modules/${b}/y.ts` })));
    expect(mutualPairs(made(['b -> a', 'a -> b', 'b -> c']))).toEqual(['a <-> b']);
    expect(cycles(made(['a -> b', 'b -> c', 'c -> a', 'c -> d']))).toEqual([['a', 'b', 'c']]);
  });

  it('has no two domain modules importing each other', () => {
    expect(mutualPairs(graph)).toEqual([]);
  });

  it('has no cycle among domain modules: their imports point one way, down the layers', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps core free of the domain modules: shared mechanisms depend on no domain', () => {
    expect(
      imports.filter(({ from, to }) => from.startsWith('core/') && to.startsWith('modules/')).map(({ from, to }) => `${from} -> ${to}`),
    ).toEqual([]);
  });
});

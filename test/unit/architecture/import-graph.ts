import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

const repoRoot = resolve(__dirname, '..', '..', '..');

/** Every TypeScript source file under `folder`, as repository-relative paths (generated code left out). */
export function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'generated' && name !== 'node_modules') walk(path);
      } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
        found.push(relative(repoRoot, path));
      }
    }
  };
  walk(join(repoRoot, folder));
  return found.sort();
}

/** The repository files a source file imports (type-only imports included: they bind layers too). */
export function importsOf(file: string): string[] {
  const { importedFiles } = preProcessFile(readFileSync(join(repoRoot, file), 'utf8'), true, false);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolveSource(join(dirname(file), specifier)))
    .filter((target): target is string => target !== undefined);
}

function resolveSource(base: string): string | undefined {
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(join(repoRoot, candidate)) && statSync(join(repoRoot, candidate)).isFile()) return candidate;
  }
  return undefined;
}

/** The import graph of the files under `folder`: file → files it imports. */
export function importGraph(folder: string): Map<string, string[]> {
  return new Map(sourceFiles(folder).map((file) => [file, importsOf(file)]));
}

/** Every cycle of the graph, each as the files around it (Tarjan's strongly connected components). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

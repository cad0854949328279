// Import-cycle checker over the TypeScript import graph (backend/, src/, server/, types/,
// cloudfunctions/). Complements the `import-x/no-cycle` lint rule with one plain report of every
// strongly connected component; exits 1 when any exists. Hand-written because it is 60 lines over
// the compiler's own resolver (ts.resolveModuleName), which honours tsconfig paths (@backend/*).
import * as ts from 'typescript';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const configPath = path.join(root, 'tsconfig.json');
const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
const roots = ['backend', 'src', 'server', 'types', 'cloudfunctions'].map((d) => path.join(root, d) + path.sep);
const files = parsed.fileNames.filter((f) => roots.some((r) => f.startsWith(r)) && !f.endsWith('.d.ts'));
const inGraph = new Set(files);

const edges = new Map<string, string[]>();
for (const file of files) {
  const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
  const out: string[] = [];
  for (const ref of info.importedFiles) {
    const res = ts.resolveModuleName(ref.fileName, file, parsed.options, ts.sys).resolvedModule;
    if (res && inGraph.has(res.resolvedFileName)) out.push(res.resolvedFileName);
  }
  edges.set(file, out);
}

// Tarjan's strongly connected components.
let index = 0;
const idx = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
function visit(v: string): void {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
  }
  if (low.get(v) === idx.get(v)) {
    const comp: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(comp);
  }
}
for (const f of files) if (!idx.has(f)) visit(f);

for (const comp of cycles) {
  console.log(`cycle of ${comp.length} files:`);
  for (const f of comp.sort()) console.log('  ' + path.relative(root, f));
}
console.log(`${files.length} files, ${cycles.length} import cycle(s)`);
process.exit(cycles.length ? 1 : 0);

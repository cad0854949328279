/**
 * Pure checks on a built mini-program, used by `npm run check:weapp`: does each JS file parse as
 * ES5 and stay clear of BigInt, and does each package fit WeChat's size limits.
 */
import { parse, tokenizer, tokTypes } from 'acorn';

export interface Es5Verdict {
  file: string;
  ok: boolean;
  /** Why it fails on an ES5 engine: the parse error, or where BigInt is used. */
  problem?: string;
}

/**
 * ES5 means: acorn parses it at ecmaVersion 5 (no `=>`, `class`, `?.`, `??`, `let`, BigInt
 * literals, …) and no `BigInt` identifier appears (BigInt cannot be polyfilled; a library that calls
 * it fails on an old engine the moment that code runs).
 */
export function checkEs5(file: string, source: string): Es5Verdict {
  try {
    parse(source, { ecmaVersion: 5, sourceType: 'script', allowReserved: true, allowHashBang: false });
  } catch (error) {
    return { file, ok: false, problem: `not ES5: ${(error as Error).message}` };
  }
  const bigInt = bigIntUse(source, 5);
  if (bigInt) return { file, ok: false, problem: bigInt };
  return { file, ok: true };
}

/**
 * Where `source` uses BigInt (a `BigInt` identifier or, in modern syntax, a `10n` literal), or null.
 * `ecmaVersion` is what the source is tokenised as: 5 for shipped code, 'latest' for the build.
 */
export function bigIntUse(source: string, ecmaVersion: 5 | 'latest'): string | null {
  for (const token of tokenizer(source, { ecmaVersion, locations: true, allowReserved: true })) {
    const isName = token.type === tokTypes.name && (token as { value?: unknown }).value === 'BigInt';
    const isLiteral = token.type === tokTypes.num && source.charAt(token.end - 1) === 'n';
    if (isName || isLiteral) return `uses BigInt at line ${token.loc?.start.line ?? '?'}`;
  }
  return null;
}

export const MB = 1024 * 1024;

export interface PackageSize {
  /** `main` or the subpackage root. */
  name: string;
  bytes: number;
  limit: number;
  /** The project's own tighter goal, if any (main package: 1 MB). */
  goal?: number;
}

/** WeChat's limits: main package ≤ 2 MB, each subpackage ≤ 2 MB; the project aims at ≤ 1 MB main. */
export function packageSizes(files: { path: string; bytes: number }[], subpackageRoots: string[]): PackageSize[] {
  const roots = subpackageRoots.map((root) => root.replace(/\/+$/, '') + '/');
  const totals = new Map<string, number>([['main', 0], ...roots.map((root) => [root.slice(0, -1), 0] as const)]);
  for (const { path, bytes } of files) {
    const root = roots.find((r) => path.startsWith(r));
    const name = root ? root.slice(0, -1) : 'main';
    totals.set(name, (totals.get(name) ?? 0) + bytes);
  }
  return [...totals].map(([name, bytes]) =>
    name === 'main' ? { name, bytes, limit: 2 * MB, goal: 1 * MB } : { name, bytes, limit: 2 * MB },
  );
}

export function sizeProblems(sizes: PackageSize[]): string[] {
  const problems: string[] = [];
  for (const s of sizes) {
    if (s.bytes > s.limit) problems.push(`${s.name}: ${kb(s.bytes)} over WeChat's limit of ${kb(s.limit)}`);
    else if (s.goal !== undefined && s.bytes > s.goal)
      problems.push(`${s.name}: ${kb(s.bytes)} over the project's goal of ${kb(s.goal)}`);
  }
  return problems;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

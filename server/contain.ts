/**
 * Turning a request path into a file inside a folder, refusing everything else. Hand-written
 * rather than a static-file library because the project's dependencies have none (serve-static
 * and send are only transitive build dependencies); it is small and its rules are tested
 * (tests/server/hardening.test.ts): every segment is percent-decoded once and must not be `.`,
 * `..`, empty-after-decoding or hold a separator or NUL; the candidate's real path (symlinks
 * resolved) must be inside the folder's real path by `path.relative`, never by a string prefix
 * (so `…/www-data` is not inside `…/www`).
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A request path that cannot name a file: malformed percent-encoding, dot segments, separators. */
export class BadPath extends Error {
  constructor() {
    super('bad path');
    this.name = 'BadPath';
  }
}

/** The path of a request target without query or fragment; throws BadPath unless origin-form. */
export function pathOf(target: string | undefined): string {
  const path = (target ?? '/').split(/[?#]/, 1)[0];
  if (!path.startsWith('/') || path.startsWith('//')) throw new BadPath();
  return path;
}

/** The decoded segments of a path; throws BadPath for anything that is not a plain name. */
export function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((raw) => raw !== '')
    .map((raw) => {
      let name: string;
      try {
        name = decodeURIComponent(raw);
      } catch {
        throw new BadPath();
      }
      if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) throw new BadPath();
      return name;
    });
}

/** Whether `target` is `root` itself or below it; both must be real (resolved) paths. */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path of the regular file `segments` name under `root`, or null when there is none inside it. */
export function fileInside(root: string, segments: readonly string[]): string | null {
  try {
    const realRoot = realpathSync(root);
    const real = realpathSync(resolve(realRoot, ...segments));
    return isInside(realRoot, real) && statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Every colour and font size of the app's style sheets comes from the theme (src/theme), so 大字
 * mode and the contrast test reach every page: resident, staff and organizer. A raw hex/rgb()
 * colour or a px font size outside the theme file fails here, and so does a token the theme does
 * not declare (it would fall back silently) or a colour token of the staff/organizer pages that no
 * contrast pair checks.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTRAST_PAIRS, THEMES, cssVariables } from '../../src/theme/tokens';

const SRC = join(__dirname, '../../src');
const THEME_FILES = new Set(['theme/theme.css']);

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssFiles(path);
    return name.endsWith('.css') ? [path] : [];
  });
}

const sheets = cssFiles(SRC)
  .map((path) => ({ file: relative(SRC, path).split('\\').join('/'), path }))
  .filter(({ file }) => !THEME_FILES.has(file))
  .map(({ file, path }) => ({ file, text: readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '') }));

/** Declarations as `file:line  property: value`, comments removed. */
function declarations(text: string): { line: number; property: string; value: string }[] {
  return text.split('\n').flatMap((raw, i) => {
    const m = /^\s*([a-z-]+)\s*:\s*(.+?);?\s*$/.exec(raw);
    return m ? [{ line: i + 1, property: m[1], value: m[2] }] : [];
  });
}

const RAW_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(|\b(?:white|black|red|gray|grey)\b/i;

/** The value with every var(...) removed: what is left is raw. */
function outsideVars(value: string): string {
  let v = value;
  for (let previous = ''; previous !== v;) {
    previous = v;
    v = v.replace(/var\([^()]*\)/g, '');
  }
  return v;
}

describe('theme tokens everywhere', () => {
  test('the sheets are found (staff and organizer included)', () => {
    const files = sheets.map((s) => s.file);
    expect(files).toEqual(expect.arrayContaining(['app.css', 'staff/staff.css', 'organizer/organizer.css']));
    expect(files.filter((f) => f.startsWith('staff/')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith('organizer/')).length).toBeGreaterThanOrEqual(8);
  });

  test('no raw colour outside the theme file', () => {
    const raw = sheets.flatMap(({ file, text }) =>
      declarations(text)
        .filter((d) => RAW_COLOUR.test(d.value) && !d.property.startsWith('--'))
        .map((d) => `${file}:${d.line}  ${d.property}: ${d.value}`),
    );
    expect(raw).toEqual([]);
  });

  test('no raw px font size outside the theme file', () => {
    const raw = sheets.flatMap(({ file, text }) =>
      declarations(text)
        .filter((d) => d.property === 'font-size' && /\d(px|rpx|pt)\b/.test(outsideVars(d.value)))
        .map((d) => `${file}:${d.line}  font-size: ${d.value}`),
    );
    expect(raw).toEqual([]);
  });

  test('no fallback inside var(): a token the theme lacks would hide behind it', () => {
    const fallbacks = sheets.flatMap(({ file, text }) =>
      declarations(text)
        .filter((d) => /var\(--[a-z0-9-]+\s*,/.test(d.value))
        .map((d) => `${file}:${d.line}  ${d.property}: ${d.value}`),
    );
    expect(fallbacks).toEqual([]);
  });

  test('every token the sheets use is declared by the theme', () => {
    const declared = new Set(Object.keys(cssVariables(THEMES.normal)));
    const unknown = sheets.flatMap(({ file, text }) =>
      [...text.matchAll(/var\((--(?:c|font|tap)-[a-z0-9-]+)/g)]
        .map((m) => m[1])
        .filter((name) => !declared.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  test('the detector finds what it must find', () => {
    const sample = '.a {\n  color: #0b5394;\n  background: rgba(0, 0, 0, 0.2);\n  font-size: 30px;\n}';
    const ds = declarations(sample);
    expect(ds.filter((d) => RAW_COLOUR.test(d.value)).map((d) => d.property)).toEqual(['color', 'background']);
    expect(/\dpx\b/.test(outsideVars('var(--font-body)'))).toBe(false);
    expect(/\dpx\b/.test(outsideVars('calc(var(--font-body) + 2px)'))).toBe(true);
  });
});

describe('the contrast test reaches the staff and organizer pages', () => {
  /** Tokens that paint no text or control edge: decoration, shadows, the dialog's backdrop. */
  const DECORATION = new Set([
    '--c-card-border',
    '--c-divider',
    '--c-shadow',
    '--c-shadow-soft',
    '--c-scrim',
    '--c-focus',
    '--c-focus-ring',
    '--c-disabled-bg',
    '--c-disabled-text',
  ]);

  test('every colour token of src/staff and src/organizer is in a checked contrast pair', () => {
    const byValue = cssVariables(THEMES.normal);
    const paired = new Set(CONTRAST_PAIRS.flatMap((p) => [p.foreground, p.background]));
    const used = new Set(
      sheets
        .filter(({ file }) => file.startsWith('staff/') || file.startsWith('organizer/'))
        .flatMap(({ text }) => [...text.matchAll(/var\((--c-[a-z0-9-]+)\)/g)].map((m) => m[1])),
    );
    expect(used.size).toBeGreaterThan(10);
    const unchecked = [...used].filter((name) => !DECORATION.has(name) && !paired.has(byValue[name]));
    expect(unchecked).toEqual([]);
  });
});

describe('the staff and organizer pages take the theme', () => {
  function pageFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return pageFiles(path);
      return name === 'index.tsx' ? [path] : [];
    });
  }

  test('every page root is a ThemedPage (so 大字 mode reaches it), none a bare `.page` View', () => {
    const pages = [...pageFiles(join(SRC, 'staff')), ...pageFiles(join(SRC, 'organizer'))];
    expect(pages.length).toBeGreaterThanOrEqual(15);
    const bare = pages.filter((path) => /className=["'`]page\b/.test(readFileSync(path, 'utf8')));
    const unthemed = pages.filter((path) => !readFileSync(path, 'utf8').includes('<ThemedPage'));
    expect(bare.map((p) => relative(SRC, p))).toEqual([]);
    expect(unthemed.map((p) => relative(SRC, p))).toEqual([]);
  });
});

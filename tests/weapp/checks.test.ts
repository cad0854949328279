import { bigIntUse, checkEs5, MB, packageSizes, sizeProblems } from '../../scripts/weapp/checks';
import { explainQuality } from '../../scripts/weapp/quality';

describe('checkEs5', () => {
  it('accepts ES5', () => {
    expect(checkEs5('a.js', 'var a = function (x) { return x && x.b; }; a({});')).toEqual({ file: 'a.js', ok: true });
  });

  it.each([
    ['arrow function', 'var f = (x) => x;'],
    ['optional chaining', 'var y = x?.b;'],
    ['nullish coalescing', 'var y = x ?? 1;'],
    ['logical assignment', 'x ??= 1;'],
    ['class', 'class A { b = 1 }'],
    ['let', 'let a = 1;'],
    ['BigInt literal', 'var n = 10n;'],
  ])('rejects %s', (_, source) => {
    const verdict = checkEs5('b.js', source);
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toMatch(/^not ES5/);
  });

  it('rejects a BigInt call even in ES5 syntax', () => {
    expect(checkEs5('c.js', 'var x = 1;\nvar n = BigInt(5);')).toEqual({
      file: 'c.js',
      ok: false,
      problem: 'uses BigInt at line 2',
    });
  });
});

describe('packageSizes', () => {
  const files = [
    { path: 'app.js', bytes: 600 * 1024 },
    { path: 'pages/index/index.js', bytes: 500 * 1024 },
    { path: 'staff/scan/index.js', bytes: 100 },
    { path: 'staffing/x.js', bytes: 7 },
    { path: 'organizer/a.js', bytes: 3 * MB },
  ];

  it('sums main and each subpackage by root', () => {
    expect(packageSizes(files, ['staff', 'organizer/'])).toEqual([
      { name: 'main', bytes: 1100 * 1024 + 7, limit: 2 * MB, goal: MB },
      { name: 'staff', bytes: 100, limit: 2 * MB },
      { name: 'organizer', bytes: 3 * MB, limit: 2 * MB },
    ]);
  });

  it('reports a package over the limit and a main package over the goal', () => {
    expect(sizeProblems(packageSizes(files, ['staff', 'organizer']))).toEqual([
      "main: 1100.0 KB over the project's goal of 1024.0 KB",
      "organizer: 3072.0 KB over WeChat's limit of 2048.0 KB",
    ]);
  });
});

describe('explainQuality', () => {
  it('passes successes and fails an unexplained finding', () => {
    expect(explainQuality({ name: 'JS_COMPRESS_OPEN', success: true })).toEqual({ status: 'ok' });
    expect(explainQuality({ name: 'JS_COMPRESS_OPEN', success: false })).toEqual({ status: 'FAIL' });
  });
});

describe('bigIntUse', () => {
  it('finds BigInt literals and calls in modern code, and nothing in code without them', () => {
    expect(bigIntUse('const a = 1;\nconst b = a ?? 2n;', 'latest')).toBe('uses BigInt at line 2');
    expect(bigIntUse('const f = (x) => BigInt(x);', 'latest')).toBe('uses BigInt at line 1');
    expect(bigIntUse('const f = (x) => x?.n ?? 0x1f;', 'latest')).toBeNull();
  });
});

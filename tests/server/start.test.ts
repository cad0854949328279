/**
 * The local server as `npm run serve` starts it (server/main.ts, options from the environment):
 * the banner says whether development identities are on, and with them off a header is not
 * read as identity.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; banner: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DEMO: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /本地服务已启动：(http:\/\/127\.0\.0\.1:\d+\/)\n[^\n]*\n[^\n]*\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], banner: out });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

async function role(url: string, identity: string): Promise<string> {
  const res = await fetch(`${url}api/resident`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-identity': identity },
    body: '{"action":"me.get"}',
  });
  return (await res.json()).data.role;
}

describe('starting the local server', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'llw-start-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['off on a non-demo store', {}, '开发身份切换：已关闭', 'anonymous'],
    ['on when switched on', { DEV_IDENTITIES: '1' }, '开发身份切换：已开启', 'resident'],
  ])(
    'says development identities are %s, and acts on it',
    async (_label, env, line, expected) => {
      const { child, url, banner } = await start({ DATA_FILE: join(dir, `${expected}.sqlite`), ...env });
      try {
        expect(banner).toContain(line);
        expect(await role(url, 'resident')).toBe(expected);
      } finally {
        child.kill('SIGTERM');
      }
    },
    40_000,
  );

  it('refuses a malformed option at start, naming it', async () => {
    await expect(start({ DATA_FILE: join(dir, 'x.sqlite'), DEV_IDENTITIES: 'maybe' })).rejects.toThrow(
      /DEV_IDENTITIES/,
    );
  }, 40_000);
});

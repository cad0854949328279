/**
 * The local server as a child process (`node --import tsx server/main.ts`), on a port the OS
 * picks, with its own data file and signing seed, without the demo week and without rate limits;
 * the URL is read from what it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface RunningServer {
  url: string;
  pid: number;
  /** The last lines the server wrote to stderr (errors it logged). */
  stderrTail(): string[];
  stop(): Promise<void>;
}

export function startServer(env: {
  dataFile: string;
  seedHex: string;
  staticDir: string;
  /** Write a V8 CPU profile of the server here (node --cpu-prof) when it stops. */
  profileDir?: string;
}): Promise<RunningServer> {
  const profile = env.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${env.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', join('server', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DEMO: '0',
      // Thousands of residents are told apart by the development identity header.
      DEV_IDENTITIES: '1',
      DATA_FILE: env.dataFile,
      CHECKIN_SIGNING_SEED: env.seedHex,
      STATIC_DIR: env.staticDir,
      // One `staff` identity stands for every door and thousands of residents act within a
      // second: lift the per-identity rate limits, as the server allows for load tests.
      LOCAL_RATE_LIMITS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    tail.push(...text.split('\n').filter(Boolean));
    if (tail.length > 50) tail.splice(0, tail.length - 50);
  });
  let exited = false;
  const exit = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      done();
    }),
  );
  // Never leave the server behind, whatever happens to the benchmark.
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  async function stop(): Promise<void> {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    }
    process.removeListener('exit', killOnExit);
  }

  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not start within 60 s\n${tail.join('\n')}`));
    }, 60_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      out += text;
      const found = /本地服务已启动：(http:\/\/\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ url: found[1], pid: child.pid ?? -1, stderrTail: () => [...tail], stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}) before starting\n${tail.join('\n')}`));
    });
  });
}

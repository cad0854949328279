/**
 * A stand-in WeChat host for the logic layer of the weapp build (dist/): a fresh JS realm (node:vm)
 * with the old-engine profile (built-ins that iOS 12 / old Android X5 engines lack are removed), the
 * globals the mini-program runtime provides (wx, App, Page, Component, getApp, getCurrentPages) and a
 * CommonJS `require` over dist/. Cloud calls go to a function the test supplies.
 *
 * Hand-written: no maintained library simulates the mini-program logic layer in Node
 * (miniprogram-simulate needs the DevTools' renderer and targets native components, not Taro output).
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import vm from 'node:vm';

/**
 * Built-ins the oldest engine WeChat still runs on lacks: iOS 12's JavaScriptCore (Safari 12.0;
 * current WeChat needs iOS 12 or later). Each is deleted from the realm before the build loads.
 * (Array.prototype.flat/flatMap arrived in Safari 12.0, so they stay.)
 */
export const OLD_ENGINE_REMOVALS = [
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'structuredClone',
  'Object.hasOwn',
  'Object.fromEntries',
  'Array.prototype.at',
  'Array.prototype.findLast',
  'Array.prototype.findLastIndex',
  'String.prototype.at',
  'String.prototype.replaceAll',
  'String.prototype.matchAll',
  'Promise.allSettled',
  'Promise.any',
  'AggregateError',
  'WeakRef',
  'FinalizationRegistry',
  'queueMicrotask',
] as const;

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  setData(update: Record<string, unknown>, callback?: () => void): void;
  [hook: string]: unknown;
}

export interface CloudCall {
  name: string;
  data: { action: string; data: unknown };
}

export interface Host {
  /** Loads app.js (once) and then the page's JS; returns the page's captured config. */
  loadPage(route: string): Record<string, unknown>;
  /** Makes a page instance from a captured config, opens it with `query` and runs its lifecycle. */
  openPage(route: string, query: Record<string, string>): Promise<PageInstance>;
  /** Every setData payload, every error the app reported, every cloud call and its result. */
  setDataCalls: { route: string; update: Record<string, unknown> }[];
  errors: string[];
  calls: { call: CloudCall; result: unknown }[];
  /** Evaluates an expression in the app's realm (to inspect the engine profile). */
  evaluate(expression: string): unknown;
  /** Stops the timers the app started. */
  close(): void;
}

const API_VERB =
  /^(on|off|get|set|show|hide|create|choose|save|open|close|start|stop|request|navigate|redirect|switch|reLaunch|navigateBack|scan|login|check|remove|clear|make|preview|vibrate|upload|download|canIUse|report|pageScrollTo|nextTick|authorize|compress|load|pause|seek|play|add|update|exit|enable|disable|send|connect|notify|read|write|join|subscribe|requirePrivacyAuthorize)/;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createHost(distDir: string, cloud: (call: CloudCall) => Promise<unknown>): Host {
  const errors: string[] = [];
  const setDataCalls: Host['setDataCalls'] = [];
  const calls: Host['calls'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const intervals = new Set<NodeJS.Timeout>();
  const storage = new Map<string, unknown>();
  const pageConfigs = new Map<string, Record<string, unknown>>();
  const stack: PageInstance[] = [];
  let appInstance: Record<string, unknown> | null = null;

  const sandbox: Record<string, unknown> = {};
  const context = vm.createContext(sandbox);
  // The realm's own copies of JSON etc.: values handed to the app are made in its realm.
  const realm = vm.runInContext('this', context) as typeof globalThis;
  const toRealm = (value: unknown): unknown =>
    value === undefined ? undefined : realm.JSON.parse(JSON.stringify(value));
  vm.runInContext(
    OLD_ENGINE_REMOVALS.map((path) => {
      const dot = path.lastIndexOf('.');
      return dot < 0 ? `delete globalThis.${path};` : `delete ${path.slice(0, dot)}.${path.slice(dot + 1)};`;
    }).join('\n'),
    context,
  );

  const callback = (options: Record<string, unknown> | undefined, name: string, result: Record<string, unknown>) => {
    const res = toRealm({ errMsg: `${name}:ok`, ...result });
    setImmediate(() => {
      (options?.success as ((r: unknown) => void) | undefined)?.(res);
      (options?.complete as ((r: unknown) => void) | undefined)?.(res);
    });
    return realm.Promise.resolve(res);
  };

  const systemInfo = {
    brand: 'devtools',
    model: 'iPhone 6',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 667,
    windowWidth: 375,
    windowHeight: 603,
    statusBarHeight: 20,
    language: 'zh_CN',
    version: '8.0.5',
    system: 'iOS 12.5',
    platform: 'ios',
    fontSizeSetting: 16,
    SDKVersion: '3.7.12',
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
  };

  const known: Record<string, (options?: Record<string, unknown>, ...rest: unknown[]) => unknown> = {
    getSystemInfoSync: () => toRealm(systemInfo),
    getWindowInfo: () => toRealm(systemInfo),
    getDeviceInfo: () => toRealm(systemInfo),
    getAppBaseInfo: () => toRealm(systemInfo),
    getSystemSetting: () => toRealm({}),
    getAccountInfoSync: () => toRealm({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop' } }),
    getLaunchOptionsSync: () => toRealm({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => toRealm({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getMenuButtonBoundingClientRect: () =>
      toRealm({ top: 24, bottom: 56, left: 281, right: 368, width: 87, height: 32 }),
    getStorageSync: (key) => toRealm(storage.get(key as unknown as string) ?? ''),
    setStorageSync: (key, value) => void storage.set(key as unknown as string, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key) => void storage.delete(key as unknown as string),
    getStorage: (options) => {
      const key = options?.key as string;
      if (!storage.has(key)) {
        const res = toRealm({ errMsg: 'getStorage:fail data not found' });
        setImmediate(() => (options?.fail as ((r: unknown) => void) | undefined)?.(res));
        return realm.Promise.reject(res);
      }
      return callback(options, 'getStorage', { data: storage.get(key) });
    },
    setStorage: (options) => {
      storage.set(options?.key as string, JSON.parse(JSON.stringify(options?.data ?? null)));
      return callback(options, 'setStorage', {});
    },
    getNetworkType: (options) => callback(options, 'getNetworkType', { networkType: 'wifi' }),
    onNetworkStatusChange: () => undefined,
    offNetworkStatusChange: () => undefined,
    nextTick: (fn) => void setImmediate(fn as unknown as () => void),
    createSelectorQuery: () => selectorQuery(),
    showToast: (options) => callback(options, 'showToast', {}),
    showModal: (options) => callback(options, 'showModal', { confirm: false, cancel: true }),
    showLoading: (options) => callback(options, 'showLoading', {}),
    hideLoading: (options) => callback(options, 'hideLoading', {}),
    login: (options) => callback(options, 'login', { code: 'dummy' }),
  };

  const selectorQuery = (): unknown => {
    const query: Record<string, unknown> = {};
    const chain = () => query;
    Object.assign(query, {
      in: chain,
      select: chain,
      selectAll: chain,
      selectViewport: chain,
      boundingClientRect: chain,
      scrollOffset: chain,
      fields: chain,
      node: chain,
      exec: (cb?: (r: unknown) => void) => setImmediate(() => cb?.(toRealm([]))),
    });
    return query;
  };

  const cloudApi = {
    init: () => undefined,
    callFunction: (options: CloudCall & { success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
      const call = { name: options.name, data: JSON.parse(JSON.stringify(options.data)) as CloudCall['data'] };
      return realm.Promise.resolve(
        cloud(call).then((result) => {
          calls.push({ call, result });
          const res = toRealm({ errMsg: 'cloud.callFunction:ok', result });
          options.success?.(res);
          return res;
        }),
      );
    },
    uploadFile: (options: Record<string, unknown>) =>
      callback(options, 'cloud.uploadFile', { fileID: 'cloud://test/file' }),
  };

  // Any other wx API: a no-op that reports success (the logic layer must not depend on its answer).
  // Taro wraps each API it finds with Object.keys(wx); list the ones its own API table names.
  const apiNames = new Set(
    [...readFileSync(join(distDir, 'taro.js'), 'utf8').matchAll(/"([a-z][A-Za-z]{3,})"/g)]
      .map((m) => m[1]!)
      .filter((name) => API_VERB.test(name)),
  );
  for (const name of Object.keys(known)) apiNames.add(name);
  // Properties the bundles keep on `wx` (webpack's chunk list `wx.webpackJsonp`) are stored as set.
  const stored: Record<string, unknown> = {};
  const wx = new Proxy(known, {
    // Taro copies every API it knows from `wx` when it starts: each name is there.
    has: () => true,
    ownKeys: () => [...new Set([...apiNames, ...Object.keys(stored)])],
    getOwnPropertyDescriptor: (_target, name) => ({
      configurable: true,
      enumerable: true,
      writable: true,
      value: name,
    }),
    set(_target, name: string, value) {
      stored[name] = value;
      return true;
    },
    get(target, name: string) {
      if (typeof name !== 'string') return undefined;
      if (name in stored || name === 'webpackJsonp') return stored[name];
      if (name === 'cloud') return cloudApi;
      if (name in target) return target[name];
      if (name.endsWith('Sync')) return () => undefined;
      if (/^(on|off)[A-Z]/.test(name)) return () => undefined;
      if (/^(create|get)[A-Z]/.test(name) && !/^get[A-Z]\w*(Info|Setting)$/.test(name)) {
        // Contexts and managers: an object whose methods do nothing.
        return () => new Proxy({}, { get: () => () => undefined });
      }
      return (options?: Record<string, unknown>) => callback(options, name, {});
    },
  });

  const timerFns = {
    setTimeout: (fn: () => void, ms?: number, ...args: unknown[]) => {
      const t = setTimeout(
        () => {
          timers.delete(t);
          guard(() => fn(...(args as [])));
        },
        Math.min(ms ?? 0, 50),
      );
      timers.add(t);
      return t;
    },
    clearTimeout: (t: NodeJS.Timeout) => {
      timers.delete(t);
      clearTimeout(t);
    },
    setInterval: (fn: () => void, ms?: number) => {
      // Polling is not part of the first render: keep the handle, never fire it.
      const t = setInterval(() => undefined, Math.max(ms ?? 0, 60_000));
      intervals.add(t);
      void fn;
      return t;
    },
    clearInterval: (t: NodeJS.Timeout) => {
      intervals.delete(t);
      clearInterval(t);
    },
  };

  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      errors.push(`uncaught: ${(error as Error)?.stack ?? String(error)}`);
    }
  };

  const consoleStandIn = {
    log: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    warn: () => undefined,
    error: (...args: unknown[]) =>
      errors.push(`console.error: ${args.map((a) => (a as Error)?.stack ?? String(a)).join(' ')}`),
  };

  Object.assign(sandbox, {
    wx,
    console: consoleStandIn,
    ...timerFns,
    setImmediate,
    clearImmediate,
    App: (config: Record<string, unknown>) => {
      appInstance = config;
    },
    Page: (config: Record<string, unknown>) => {
      pageConfigs.set(currentRoute ?? '?', config);
    },
    Component: (config: Record<string, unknown>) => {
      if (currentRoute?.startsWith('pages/') || currentRoute?.includes('/')) pageConfigs.set(currentRoute, config);
    },
    Behavior: (config: unknown) => config,
    getApp: () => appInstance,
    getCurrentPages: () => stack.slice(),
    requirePlugin: () => ({}),
    __wxConfig: { envVersion: 'develop', platform: 'ios' },
  });

  let currentRoute: string | null = null;
  const moduleCache = new Map<string, { exports: unknown }>();
  const requireFrom =
    (fromDir: string) =>
    (request: string): unknown => {
      let file = normalize(join(fromDir, request));
      if (!file.endsWith('.js')) file += '.js';
      const cached = moduleCache.get(file);
      if (cached) return cached.exports;
      if (!existsSync(file)) throw new Error(`weapp require: no ${file}`);
      const module = { exports: {} as unknown };
      moduleCache.set(file, module);
      const wrapper = vm.runInContext(
        `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`,
        context,
        { filename: file },
      ) as (...args: unknown[]) => void;
      wrapper.call(module.exports, module.exports, requireFrom(dirname(file)), module, file, dirname(file));
      return module.exports;
    };
  const requireDist = requireFrom(distDir);

  let appStarted = false;
  const startApp = () => {
    if (appStarted) return;
    appStarted = true;
    currentRoute = 'app';
    requireDist('./app.js');
    currentRoute = null;
    if (!appInstance) throw new Error('app.js did not call App()');
    const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
    (appInstance.onLaunch as ((o: unknown) => void) | undefined)?.call(appInstance, toRealm(launch));
    (appInstance.onShow as ((o: unknown) => void) | undefined)?.call(appInstance, toRealm(launch));
  };

  return {
    setDataCalls,
    errors,
    calls,
    loadPage(route) {
      startApp();
      if (!pageConfigs.has(route)) {
        currentRoute = route;
        requireDist(`./${route}.js`);
        currentRoute = null;
      }
      const config = pageConfigs.get(route);
      if (!config) throw new Error(`${route}.js did not call Page() or Component()`);
      return config;
    },
    async openPage(route, query) {
      const config = this.loadPage(route);
      // Taro builds pages as Page() configs; lifecycle hooks are on the config (or its `methods`).
      const hooks = { ...((config.methods as Record<string, unknown>) ?? {}), ...config };
      const page = Object.create(hooks) as PageInstance;
      page.route = route;
      page.options = query;
      page.data = toRealm(config.data ?? {}) as Record<string, unknown>;
      (page as unknown as Record<string, unknown>).__wxExparserNodeId__ = `node-${route}`;
      page.setData = (update, done) => {
        setDataCalls.push({ route, update: JSON.parse(JSON.stringify(update)) as Record<string, unknown> });
        Object.assign(page.data, update);
        if (done) setImmediate(() => guard(done));
      };
      stack.push(page);
      const run = (hook: string, ...args: unknown[]) => {
        const fn = page[hook] as ((...a: unknown[]) => unknown) | undefined;
        if (typeof fn === 'function') guard(() => void fn.apply(page, args));
      };
      run('onLoad', toRealm(query));
      run('onShow');
      for (let i = 0; i < 20; i++) await tick();
      run('onReady');
      // Let the first cloud calls answer and the page re-render.
      for (let i = 0; i < 200; i++) {
        await tick();
        if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return page;
    },
    evaluate(expression) {
      return vm.runInContext(expression, context);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      for (const t of intervals) clearInterval(t);
      timers.clear();
      intervals.clear();
    },
  };
}

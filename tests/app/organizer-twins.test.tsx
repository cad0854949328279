/**
 * The organizer's platform twins, each against a stand-in of what its platform provides:
 * live.h5 (EventSource), live.weapp (a CloudBase document watch), download.h5 (a link click),
 * download.weapp (downloadFile + openDocument).
 */
import { watchLive as watchH5 } from '../../src/platform/live.h5';
import { watchLive as watchWeapp } from '../../src/platform/live.weapp';
import { openDownload as downloadH5 } from '../../src/platform/download.h5';
import { openDownload as downloadWeapp } from '../../src/platform/download.weapp';
import Taro from './stand-ins/taro';

type Listener = () => void;

class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 0;
  closed = false;
  listeners: Record<string, Listener[]> = {};
  constructor(public url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: Listener) {
    (this.listeners[type] ??= []).push(fn);
  }
  emit(type: string) {
    for (const fn of this.listeners[type] ?? []) fn();
  }
  close() {
    this.closed = true;
  }
}

describe('live, H5 twin', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    (globalThis as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  });
  afterEach(() => jest.useRealTimers());

  test('listens on /api/_live and re-fetches once per burst of changes', () => {
    const onChange = jest.fn();
    const onStatus = jest.fn();
    const stop = watchH5({ campaignId: 'c1', onChange, onStatus });
    const source = FakeEventSource.last as FakeEventSource;
    expect(source.url).toBe('/api/_live');
    source.emit('open');
    expect(onStatus).toHaveBeenLastCalledWith('live');

    source.emit('changed');
    source.emit('changed');
    jest.advanceTimersByTime(200);
    source.emit('changed');
    expect(onChange).not.toHaveBeenCalled();
    jest.advanceTimersByTime(300);
    expect(onChange).toHaveBeenCalledTimes(1);

    stop();
    expect(source.closed).toBe(true);
    source.emit('changed');
    jest.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test('after the connection dropped and came back, re-fetches what may have been missed', () => {
    const onChange = jest.fn();
    const onStatus = jest.fn();
    watchH5({ campaignId: 'c1', onChange, onStatus });
    const source = FakeEventSource.last as FakeEventSource;
    source.emit('open');
    source.emit('error');
    expect(onStatus).toHaveBeenLastCalledWith('connecting');
    source.emit('open');
    jest.advanceTimersByTime(300);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('live, WeChat twin', () => {
  type Handlers = { onChange: (s: { type?: string }) => void; onError: (e: unknown) => void };
  const watchers: { handlers: Handlers; close: jest.Mock }[] = [];
  const doc = jest.fn();
  const collection = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    watchers.length = 0;
    doc.mockReset().mockImplementation(() => ({
      watch: (handlers: Handlers) => {
        const w = { handlers, close: jest.fn(async () => undefined) };
        watchers.push(w);
        return w;
      },
    }));
    collection.mockReset().mockImplementation(() => ({ doc }));
    (Taro.cloud as unknown as { database: unknown }).database = () => ({ collection });
  });
  afterEach(() => jest.useRealTimers());

  test('watches the campaign’s summary document; the first snapshot is not a change', () => {
    const onChange = jest.fn();
    const onStatus = jest.fn();
    const stop = watchWeapp({ campaignId: 'c1', onChange, onStatus });
    expect(collection).toHaveBeenCalledWith('summaries');
    expect(doc).toHaveBeenCalledWith('c1');

    watchers[0].handlers.onChange({ type: 'init' });
    expect(onStatus).toHaveBeenLastCalledWith('live');
    jest.advanceTimersByTime(500);
    expect(onChange).not.toHaveBeenCalled();

    watchers[0].handlers.onChange({});
    watchers[0].handlers.onChange({});
    jest.advanceTimersByTime(300);
    expect(onChange).toHaveBeenCalledTimes(1);

    stop();
    expect(watchers[0].close).toHaveBeenCalled();
  });

  test('opens the watch again after an error, and re-fetches once it is back', () => {
    const onChange = jest.fn();
    const onStatus = jest.fn();
    const stop = watchWeapp({ campaignId: 'c1', onChange, onStatus });
    watchers[0].handlers.onError(new Error('socket closed'));
    expect(onStatus).toHaveBeenLastCalledWith('offline');
    expect(watchers[0].close).toHaveBeenCalled();
    jest.advanceTimersByTime(5_000);
    expect(watchers).toHaveLength(2);
    watchers[1].handlers.onChange({ type: 'init' });
    jest.advanceTimersByTime(300);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    jest.advanceTimersByTime(60_000);
    expect(watchers).toHaveLength(2);
  });
});

describe('download twins', () => {
  const file = { url: '/exports/abcdefgh/F1.xlsx', fileId: null, fileName: 'F1.xlsx' };

  test('H5 clicks a download link to the URL', async () => {
    const clicked: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    const outcome = await downloadH5(file);
    expect(clicked).toEqual([{ href: file.url, download: 'F1.xlsx' }]);
    expect(outcome).toEqual({ ok: true, message: '已开始下载：F1.xlsx' });
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });

  test('WeChat downloads the URL and opens it as a document with its menu', async () => {
    const t = Taro as unknown as Record<string, unknown>;
    t.downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/F1.xlsx' }));
    t.openDocument = jest.fn(async () => ({ errMsg: 'openDocument:ok' }));
    const outcome = await downloadWeapp(file);
    expect(t.downloadFile).toHaveBeenCalledWith({ url: file.url });
    expect(t.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/F1.xlsx', fileType: 'xlsx', showMenu: true });
    expect(outcome.ok).toBe(true);
  });

  test('WeChat falls back to the cloud file when the link cannot be downloaded', async () => {
    const t = Taro as unknown as Record<string, unknown>;
    t.downloadFile = jest.fn(async () => {
      throw new Error('url not in domain list');
    });
    t.openDocument = jest.fn(async () => ({ errMsg: 'openDocument:ok' }));
    const cloud = Taro.cloud as unknown as Record<string, unknown>;
    cloud.downloadFile = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/cloud.xlsx' }));
    const outcome = await downloadWeapp({ ...file, fileId: 'cloud://env/exports/F1.xlsx' });
    expect(cloud.downloadFile).toHaveBeenCalledWith({ fileID: 'cloud://env/exports/F1.xlsx' });
    expect(t.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/cloud.xlsx' }));
    expect(outcome.ok).toBe(true);
  });
});

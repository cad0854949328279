/** The platform twins of the call transport: one envelope in, one ApiResult out, never a throw. */
import { callFunction as callH5 } from '../../src/platform/call.h5';
import { callFunction as callWeapp } from '../../src/platform/call.weapp';
import { asApiResult } from '../../src/platform/transport';
import Taro from './stand-ins/taro';

jest.mock('../../src/platform/demo-identity', () => ({
  DEMO_IDENTITY_HEADER: 'x-demo-identity',
  getDemoIdentity: () => 'resident-2',
}));

const UNAVAILABLE = {
  ok: false,
  error: { code: 'STORE_UNAVAILABLE', message: '网络不给力，请稍后重试', retryable: true },
};

const fetchMock = jest.fn();
beforeAll(() => {
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});
beforeEach(() => {
  fetchMock.mockReset();
  jest.clearAllMocks();
});

const response = (status: number, body: unknown) => ({ status, ok: status < 400, json: async () => body });

test('h5: posts the envelope to /api/<function> with the demo identity', async () => {
  fetchMock.mockResolvedValue(response(200, { ok: true, data: { pong: true, at: 1 } }));
  await expect(callH5('resident', 'system.ping', {})).resolves.toEqual({ ok: true, data: { pong: true, at: 1 } });
  expect(fetchMock).toHaveBeenCalledWith('/api/resident', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-identity': 'resident-2' },
    body: JSON.stringify({ action: 'system.ping', data: {} }),
  });
});

test('h5: a refusal with a 4xx status is still the server’s envelope', async () => {
  const refusal = { ok: false, error: { code: 'SIGNUP_DUPLICATE', message: '您已报名该活动', retryable: false } };
  fetchMock.mockResolvedValue(response(409, refusal));
  await expect(callH5('resident', 'signup.create', {})).resolves.toEqual(refusal);
});

test('h5: network failures and non-envelopes become STORE_UNAVAILABLE', async () => {
  fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
  await expect(callH5('resident', 'week.get', {})).resolves.toEqual(UNAVAILABLE);
  fetchMock.mockResolvedValueOnce({
    status: 502,
    ok: false,
    json: async () => Promise.reject(new SyntaxError('html')),
  });
  await expect(callH5('resident', 'week.get', {})).resolves.toEqual(UNAVAILABLE);
});

test('weapp: calls the cloud function with { action, data } after initialising once', async () => {
  (Taro.cloud.callFunction as jest.Mock).mockResolvedValue({ result: { ok: true, data: { items: [] } } });
  await expect(callWeapp('resident', 'signup.mine', {})).resolves.toEqual({ ok: true, data: { items: [] } });
  await callWeapp('resident', 'signup.mine', {});
  expect(Taro.cloud.init).toHaveBeenCalledTimes(1);
  expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'resident', data: { action: 'signup.mine', data: {} } });
});

test('weapp: a rejected call becomes STORE_UNAVAILABLE', async () => {
  (Taro.cloud.callFunction as jest.Mock).mockRejectedValue(new Error('cloud.callFunction:fail timeout'));
  await expect(callWeapp('resident', 'week.get', {})).resolves.toEqual(UNAVAILABLE);
});

test('asApiResult accepts only envelopes', () => {
  expect(asApiResult({ ok: true, data: 1 })).toEqual({ ok: true, data: 1 });
  expect(asApiResult({ ok: false, error: { code: 'INTERNAL' } })).toEqual(UNAVAILABLE);
  expect(asApiResult('<html>')).toEqual(UNAVAILABLE);
  expect(asApiResult(null)).toEqual(UNAVAILABLE);
});

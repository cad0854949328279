/**
 * The pages' shared hooks: useCall (loading, typed refusal, retry, stale replies dropped, when it
 * runs), useBusy (one action at a time) and useFormDraft (field messages from the form's check
 * and from a server refusal, cleared as the fields change; one save at a time).
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ApiError, ApiResult } from '../../types/api';
import { useBusy, useCall } from '../../src/hooks/use-call';
import { CHECK_FAILED, useFormDraft } from '../../src/hooks/use-form-draft';
import { showPage } from './stand-ins/taro';

/** A reply the test releases by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const refused: ApiError = { code: 'FORBIDDEN', message: '只有组织者可以操作', retryable: false };

describe('useCall', () => {
  test('loading, then the data; a refusal is the typed error, and a retry clears it', async () => {
    const replies: ApiResult<number>[] = [
      { ok: false, error: refused },
      { ok: true, data: 7 },
    ];
    const fetcher = jest.fn(async () => replies.shift()!);
    const { result } = renderHook(() => useCall(fetcher, []));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toEqual(refused);
    expect(result.current.data).toBeNull();

    await act(() => result.current.reload());
    expect(result.current.error).toBeNull();
    expect(result.current.data).toBe(7);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  test('a stale reply never overwrites a newer one', async () => {
    const first = deferred<ApiResult<string>>();
    const second = deferred<ApiResult<string>>();
    const queue = [first, second];
    const { result } = renderHook(() => useCall(() => queue.shift()!.promise, [], { when: 'manual' }));
    expect(result.current.loading).toBe(false);
    let a!: Promise<void>;
    let b!: Promise<void>;
    act(() => {
      a = result.current.reload();
      b = result.current.reload();
    });
    await act(async () => {
      second.resolve({ ok: true, data: 'newer' });
      await b;
    });
    expect(result.current.data).toBe('newer');
    await act(async () => {
      first.resolve({ ok: true, data: 'older' });
      await a;
    });
    expect(result.current.data).toBe('newer');
    expect(result.current.loading).toBe(false);
  });

  test('a reply after the page went away is dropped without a state update', async () => {
    const reply = deferred<ApiResult<number>>();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result, unmount } = renderHook(() => useCall(() => reply.promise, []));
    expect(result.current.loading).toBe(true);
    unmount();
    await act(async () => reply.resolve({ ok: true, data: 1 }));
    expect(result.current.data).toBeNull();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  test('new inputs call again; `show` calls each time the page shows; a thrown call is a typed error', async () => {
    const fetcher = jest.fn(async (id: string): Promise<ApiResult<string>> => ({ ok: true, data: `event ${id}` }));
    const { result, rerender } = renderHook(({ id }) => useCall(() => fetcher(id), [id]), {
      initialProps: { id: 'e1' },
    });
    await waitFor(() => expect(result.current.data).toBe('event e1'));
    rerender({ id: 'e2' });
    await waitFor(() => expect(result.current.data).toBe('event e2'));
    expect(fetcher.mock.calls.map((c) => c[0])).toEqual(['e1', 'e2']);

    const onShow = jest.fn(async (): Promise<ApiResult<number>> => ({ ok: true, data: onShow.mock.calls.length }));
    const shown = renderHook(() => useCall(onShow, [], { when: 'show' }));
    await waitFor(() => expect(shown.result.current.data).toBe(1));
    await act(async () => showPage());
    await waitFor(() => expect(shown.result.current.data).toBe(2));

    const thrown = renderHook(() =>
      useCall(async (): Promise<ApiResult<number>> => {
        throw new Error('断网了');
      }, []),
    );
    await waitFor(() => expect(thrown.result.current.error?.message).toBe('断网了'));
    expect(thrown.result.current.error?.retryable).toBe(true);
  });

  test('setData changes the data in place', async () => {
    const { result } = renderHook(() => useCall(async () => ({ ok: true as const, data: [1, 2] }), []));
    await waitFor(() => expect(result.current.data).toEqual([1, 2]));
    act(() => result.current.setData((d) => [...(d ?? []), 3]));
    expect(result.current.data).toEqual([1, 2, 3]);
  });
});

describe('useBusy', () => {
  test('busy while the action runs; a second run meanwhile does nothing', async () => {
    const gate = deferred<string>();
    const action = jest.fn(() => gate.promise);
    const { result } = renderHook(() => useBusy());
    let first!: Promise<string | undefined>;
    act(() => {
      first = result.current.run(action);
    });
    expect(result.current.busy).toBe(true);
    let second: string | undefined = 'not run';
    await act(async () => {
      second = await result.current.run(action);
    });
    expect(second).toBeUndefined();
    expect(action).toHaveBeenCalledTimes(1);
    await act(async () => gate.resolve('saved'));
    expect(await first).toBe('saved');
    expect(result.current.busy).toBe(false);
  });

  test('a throwing action frees the button', async () => {
    const { result } = renderHook(() => useBusy());
    await act(async () => {
      await expect(result.current.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    });
    expect(result.current.busy).toBe(false);
  });
});

describe('useFormDraft', () => {
  type Draft = { name: string; phone: string };
  const FIELDS = ['name', 'phone'] as const;

  test('the form’s own check stops the save and names the fields; editing a field clears its message', async () => {
    const send = jest.fn();
    const { result } = renderHook(() => useFormDraft<Draft>({ name: '', phone: '' }));
    let saved: unknown = 'not yet';
    await act(async () => {
      saved = await result.current.submit({
        check: () => ({ name: '请填写姓名', phone: '请填写电话' }),
        send,
        fields: FIELDS,
      });
    });
    expect(saved).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual({ name: '请填写姓名', phone: '请填写电话' });
    expect(result.current.formError).toEqual({ message: CHECK_FAILED, other: [] });

    act(() => result.current.update({ name: '李老师' }, 'name'));
    expect(result.current.draft).toEqual({ name: '李老师', phone: '' });
    expect(result.current.errors).toEqual({ phone: '请填写电话' });
  });

  test('a server refusal lands beside the fields it names; the others go to the box', async () => {
    const { result } = renderHook(() => useFormDraft<Draft>({ name: '李老师', phone: '1' }));
    const refusal: ApiError = {
      code: 'VALIDATION_FAILED',
      message: '请检查填写的内容',
      retryable: false,
      fields: [
        { path: 'phone', message: '手机号应为 11 位' },
        { path: 'unitId', message: '单位不存在' },
      ],
    };
    await act(async () => {
      await result.current.submit({ send: async () => ({ ok: false, error: refusal }), fields: FIELDS });
    });
    expect(result.current.errors).toEqual({ phone: '手机号应为 11 位' });
    expect(result.current.formError).toEqual({ message: '请检查填写的内容', other: ['单位不存在'] });
    expect(result.current.saving).toBe(false);
  });

  test('one save at a time; success resolves the saved data and clears the box', async () => {
    const gate = deferred<ApiResult<{ id: string }>>();
    const send = jest.fn(() => gate.promise);
    const { result } = renderHook(() => useFormDraft<Draft>({ name: '李老师', phone: '13800000000' }));
    let first!: Promise<{ id: string } | null>;
    act(() => {
      first = result.current.submit({ send, fields: FIELDS });
    });
    expect(result.current.saving).toBe(true);
    await act(async () => {
      expect(await result.current.submit({ send, fields: FIELDS })).toBeNull();
    });
    expect(send).toHaveBeenCalledTimes(1);
    await act(async () => gate.resolve({ ok: true, data: { id: 'x1' } }));
    expect(await first).toEqual({ id: 'x1' });
    expect(result.current.saving).toBe(false);
    expect(result.current.formError).toBeNull();

    act(() => result.current.reset({ name: '', phone: '' }));
    expect(result.current.draft).toEqual({ name: '', phone: '' });
  });
});

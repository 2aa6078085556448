// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useCallback } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { useLoad } from '../../renderer/src/data/use-load';

/** Promises the test resolves by hand, in any order. */
const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

type Probe = { reload: () => void; set: (f: (s: string) => string) => void };

const setup = (opts: { keepPrevious?: boolean } = {}) => {
  const requests: { key: string; d: ReturnType<typeof deferred<string>> }[] = [];
  const probe: Probe = { reload: () => {}, set: () => {} };
  const View = ({ k }: { k: string }) => {
    const load = useCallback(() => {
      const d = deferred<string>();
      requests.push({ key: k, d });
      return d.promise;
    }, [k]);
    const r = useLoad(load, opts);
    probe.reload = r.reload;
    probe.set = r.set;
    return <p data-testid="out">{`${r.loading ? 'loading' : 'idle'}|${r.data ?? '-'}|${r.error instanceof Error ? r.error.message : '-'}`}</p>;
  };
  return { requests, probe, View };
};

const out = () => screen.getByTestId('out').textContent;

afterEach(cleanup);

describe('useLoad', () => {
  it('shows the answer, keeps an error for the banner, and reload keeps the data on screen', async () => {
    const { requests, probe, View } = setup();
    render(<View k="a" />);
    expect(out()).toBe('loading|-|-');
    await act(async () => requests[0]!.d.resolve('A1'));
    expect(out()).toBe('idle|A1|-');
    act(() => probe.reload());
    expect(out()).toBe('loading|A1|-');
    await act(async () => requests[1]!.d.reject(new Error('Không kết nối được')));
    expect(out()).toBe('idle|A1|Không kết nối được');
    act(() => probe.set((s) => `${s}+`));
    expect(out()).toBe('idle|A1+|Không kết nối được');
  });

  it('a slow answer to an older request never overwrites a newer one', async () => {
    const { requests, View } = setup();
    const { rerender } = render(<View k="a" />);
    rerender(<View k="b" />);
    // The new key starts from nothing in its first render: "a"'s data is never shown under "b".
    expect(out()).toBe('loading|-|-');
    await act(async () => requests.find((r) => r.key === 'b')!.d.resolve('B'));
    await act(async () => requests.find((r) => r.key === 'a')!.d.resolve('A (late)'));
    expect(out()).toBe('idle|B|-');
  });

  it('keepPrevious: a filter change keeps the last list until the new one arrives', async () => {
    const { requests, View } = setup({ keepPrevious: true });
    const { rerender } = render(<View k="2024" />);
    await act(async () => requests[0]!.d.resolve('list 2024'));
    rerender(<View k="2025" />);
    expect(out()).toBe('loading|list 2024|-');
    await act(async () => requests.at(-1)!.d.resolve('list 2025'));
    expect(out()).toBe('idle|list 2025|-');
  });
});

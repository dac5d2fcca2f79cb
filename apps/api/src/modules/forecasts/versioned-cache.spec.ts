import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('answers from the entry while the version holds, and computes again when it moves', async () => {
    const cache = new VersionedCache<number>(4);
    let calls = 0;
    const compute = () => Promise.resolve(++calls);
    await expect(cache.get('a', 'v1', compute)).resolves.toBe(1);
    await expect(cache.get('a', 'v1', compute)).resolves.toBe(1);
    await expect(cache.get('a', 'v2', compute)).resolves.toBe(2);
    await expect(cache.get('b', 'v2', compute)).resolves.toBe(3);
    expect(calls).toBe(3);
  });

  it('lets the oldest entry go beyond its capacity', async () => {
    const cache = new VersionedCache<string>(2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, 'v', () => Promise.resolve(`${key}1`));
    await expect(cache.get('b', 'v', () => Promise.resolve('b2'))).resolves.toBe('b1');
    await expect(cache.get('a', 'v', () => Promise.resolve('a2'))).resolves.toBe('a2');
  });

  it('forgets an answer that failed', async () => {
    const cache = new VersionedCache<string>(2);
    await expect(cache.get('a', 'v', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.get('a', 'v', () => Promise.resolve('up'))).resolves.toBe('up');
  });
});

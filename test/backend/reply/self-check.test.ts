import { describe, expect, it } from 'vitest';

import { selfDifferences } from '../../../electron/backend/services/reply/self-check';

const line = (nodeId: string, self: number) => ({ nodeId, code: nodeId.replace(/^xa25-/, ''), self });

describe('selfDifferences: the result lines whose self score is not what the unit sent', () => {
  it('lists each differing line with both scores; a leaf missing from the record scored 0', () => {
    const sent = { 'xa25-1.1.1': 1000, 'xa25-1.1.2': 500 };
    expect(selfDifferences(sent, [line('xa25-1.1.1', 1000), line('xa25-1.1.2', 750), line('xa25-1.1.3', 0), line('xa25-1.2', 250)])).toEqual([
      { nodeId: 'xa25-1.1.2', code: '1.1.2', submitted: 500, inResult: 750 },
      { nodeId: 'xa25-1.2', code: '1.2', submitted: 0, inResult: 250 },
    ]);
  });

  it('no record: null (nothing to compare with), not "everything differs"', () => {
    expect(selfDifferences(null, [line('xa25-1.1.1', 1000)])).toBeNull();
  });

  it('reads only the record\'s own keys: a node named like an Object.prototype member counts as 0', () => {
    expect(selfDifferences({}, [line('constructor', 0), line('toString', 0), line('__proto__', 0)])).toEqual([]);
    expect(selfDifferences(JSON.parse('{"__proto__": 250}') as Record<string, number>, [line('__proto__', 250)])).toEqual([]);
  });
});

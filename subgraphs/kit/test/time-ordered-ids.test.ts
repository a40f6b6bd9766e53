import { isUuid, newId, newTimeOrderedId } from '../src/ids';

describe('time-ordered ids', () => {
  it('are UUIDs of version 7 that sort in the order they were made, across milliseconds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 200; j++) ids.push(newTimeOrderedId());
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(ids.every((id) => isUuid(id) && id[14] === '7')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('leave random ids random', () => {
    const ids = Array.from({ length: 200 }, () => newId());
    expect(ids.every((id) => id[14] === '4')).toBe(true);
    expect([...ids].sort()).not.toEqual(ids);
  });
});

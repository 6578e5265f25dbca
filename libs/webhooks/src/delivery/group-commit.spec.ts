import { GroupCommit } from './group-commit';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes what was added in one turn as one group', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number>((items) => {
      groups.push(items);
      return Promise.resolve();
    }, 100);
    await Promise.all([commit.add(1), commit.add(2), commit.add(3)]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('collects what comes while a group is written into the next, at most maxGroup each', async () => {
    const groups: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 2);
    const first = commit.add(1);
    await tick();
    const later = [commit.add(2), commit.add(3), commit.add(4)];
    release();
    await Promise.all([first, ...later]);
    expect(groups).toEqual([[1], [2, 3], [4]]);
  });

  it("rejects a failed group's items only, and goes on with the next", async () => {
    let calls = 0;
    const commit = new GroupCommit<string>(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve();
    }, 10);
    const failed = Promise.all([commit.add('a'), commit.add('b')]);
    await expect(failed).rejects.toThrow('connection lost');
    await expect(commit.add('c')).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});

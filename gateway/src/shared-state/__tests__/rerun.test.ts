import { Rerun } from '../rerun';

/** A pass that waits until released, counting how many started. */
function gatedPasses() {
  const state = { started: 0, release: () => undefined as void };
  const rerun = new Rerun(async () => {
    state.started += 1;
    await new Promise<void>((resolve) => (state.release = resolve));
  });
  return { rerun, state };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Rerun', () => {
  it('runs one pass at a time, and once more after it however many wakes came in between', async () => {
    const { rerun, state } = gatedPasses();
    rerun.wake();
    rerun.wake();
    rerun.wake();
    expect(state.started).toBe(1);
    state.release();
    await turn();
    expect(state.started).toBe(2);
    state.release();
    await turn();
    expect(state.started).toBe(2);
    rerun.wake();
    expect(state.started).toBe(3);
    state.release();
  });

  it('starts nothing once stopped, and stop waits for the pass under way', async () => {
    const { rerun, state } = gatedPasses();
    rerun.wake();
    rerun.wake();
    let stopped = false;
    const stopping = rerun.stop().then(() => (stopped = true));
    await turn();
    expect(stopped).toBe(false);
    state.release();
    await stopping;
    expect(rerun.isStopped).toBe(true);
    rerun.wake();
    expect(state.started).toBe(1);
  });
});

import { CircuitBreaker } from '../circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = (threshold = 3, cooldownMs = 1000) => new CircuitBreaker(threshold, cooldownMs, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('stays closed below the threshold of consecutive failures', () => {
    const circuit = breaker();
    circuit.failed();
    circuit.failed();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
  });

  it('counts only consecutive failures: a success in between starts the count again', () => {
    const circuit = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();
    expect(circuit.state).toBe('closed');
    circuit.failed();
    expect(circuit.state).toBe('open');
  });

  it('opens at the threshold and refuses every call until the cooldown has passed', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    expect(circuit.state).toBe('open');
    expect(circuit.allow()).toBe(false);
    now += 999;
    expect(circuit.allow()).toBe(false);
    now += 1;
    expect(circuit.state).toBe('half-open');
  });

  it('lets exactly one trial call through when half-open', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now += 1000;
    expect(circuit.allow()).toBe(true);
    expect(circuit.allow()).toBe(false);
    expect(circuit.allow()).toBe(false);
  });

  it('closes when the trial call succeeds', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now += 1000;
    circuit.allow();
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
    expect(circuit.allow()).toBe(true);
  });

  it('re-opens for a whole cooldown when the trial call fails, on that one failure', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now += 1500;
    expect(circuit.allow()).toBe(true);
    circuit.failed();
    expect(circuit.state).toBe('open');
    now += 999;
    expect(circuit.allow()).toBe(false);
    now += 1;
    expect(circuit.allow()).toBe(true);
  });
});

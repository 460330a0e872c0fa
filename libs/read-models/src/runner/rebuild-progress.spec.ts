import { rebuildMeter } from './rebuild-progress';

describe('rebuildMeter', () => {
  it('reports positions done and events applied per second of the given clock', () => {
    let now = 0;
    const meter = rebuildMeter({ now: () => new Date(now) }, 1000);
    now = 2000;
    expect(meter(400, 300)).toEqual({ done: 400, total: 1000, rate_per_s: 150 });
  });

  it('reports no rate before any time has passed, and grows the total with events appended meanwhile', () => {
    const meter = rebuildMeter({ now: () => new Date(0) }, 10);
    expect(meter(12, 12)).toEqual({ done: 12, total: 12, rate_per_s: 0 });
  });
});

import { limitAlertId } from './limit-alert-id';

describe('limitAlertId', () => {
  it('is a UUIDv5, the same for the same key, threshold and window', () => {
    const id = limitAlertId('k1', 80, '2026-03-11T00:00:00.000Z', null);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(limitAlertId('k1', 80, '2026-03-11T00:00:00.000Z', null)).toBe(id);
  });

  it('differs by threshold, window and manual reset', () => {
    const ids = new Set([
      limitAlertId('k1', 80, '2026-03-11T00:00:00.000Z', null),
      limitAlertId('k1', 100, '2026-03-11T00:00:00.000Z', null),
      limitAlertId('k1', 80, '2026-03-12T00:00:00.000Z', null),
      limitAlertId('k1', 80, '2026-03-11T00:00:00.000Z', 7),
      limitAlertId('k2', 80, '2026-03-11T00:00:00.000Z', null),
    ]);
    expect(ids.size).toBe(5);
  });
});

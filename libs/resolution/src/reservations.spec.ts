import { Reservations } from './reservations';

describe('Reservations', () => {
  it('holds one per admitted request until each is released', () => {
    const reservations = new Reservations(60_000);
    reservations.hold(3, 1_000);
    reservations.hold(3, 1_001);
    expect(reservations.held(3, 1_002)).toBe(2);
    reservations.release(3);
    expect(reservations.held(3, 1_002)).toBe(1);
    expect(reservations.held(4, 1_002)).toBe(0);
  });

  it('never goes below zero on a report without a reservation', () => {
    const reservations = new Reservations(60_000);
    reservations.release(0);
    reservations.hold(0, 5);
    expect(reservations.held(0, 5)).toBe(1);
  });

  it('lets every hold of a key lapse once it admitted nothing for the TTL', () => {
    const reservations = new Reservations(60_000);
    reservations.hold(0, 1_000);
    expect(reservations.held(0, 61_000)).toBe(1);
    expect(reservations.held(0, 61_001)).toBe(0);
    reservations.hold(0, 61_001);
    expect(reservations.held(0, 61_001)).toBe(1);
  });
});

import { FloatTable } from './float-table';

const HELD = 0;
const LAST_ADMITTED = 1;

/**
 * Admitted requests of limited keys whose cost is not reported yet, per ledger slot. Each holds
 * part of the key's remaining credit until its usage report releases it, so that concurrent
 * requests cannot all be admitted on the same last credit. A gateway that never reports would
 * pin a key's credit for good: a key's holds lapse once it has admitted nothing for `ttlMs`.
 */
export class Reservations {
  private readonly table = new FloatTable(2);

  constructor(private readonly ttlMs: number) {}

  /** Requests of the key at `slot` still holding credit at `atMs`. */
  held(slot: number, atMs: number): number {
    const lapsed = atMs - this.table.get(slot, LAST_ADMITTED) > this.ttlMs;
    return lapsed ? 0 : this.table.get(slot, HELD);
  }

  /** One more admitted request holds credit. */
  hold(slot: number, atMs: number): void {
    this.table.set(slot, HELD, this.held(slot, atMs) + 1);
    this.table.set(slot, LAST_ADMITTED, atMs);
  }

  /** A usage report came in: its request no longer holds credit. */
  release(slot: number): void {
    this.table.set(slot, HELD, Math.max(0, this.table.get(slot, HELD) - 1));
  }
}

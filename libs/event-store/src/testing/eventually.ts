import { setTimeout as delay } from 'node:timers/promises';

/** Resolves once `condition` holds, looking again every few ms; Jest's timeout bounds the wait. */
export async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(5);
}

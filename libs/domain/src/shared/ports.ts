/** Current time; injected so that tests and window arithmetic are deterministic. */
export interface Clock {
  now(): Date;
}

/** New unique ids (UUIDs in production). */
export interface IdGenerator {
  next(): string;
}

/** Random bytes from a CSPRNG, as lowercase hex. */
export interface SecretGenerator {
  randomHex(bytes: number): string;
}

/** The wall clock, for production wiring. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A size knob read from the environment: `npm test` runs the short default, and
 * `npm run test:reliability` sets the long figures (see package.json).
 */
export function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

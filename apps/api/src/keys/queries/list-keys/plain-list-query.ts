import { ListKeysInput } from './list-keys.input';

/** A parameter's value as the DTO would give it back, or undefined when it is not plainly valid. */
type Plain = (value: string) => unknown;

/**
 * Text of `min`..`max` UTF-16 units with no surrogate and no variation selector: for such text
 * class-validator's length is its `.length`, so the DTO's length check is exactly this one.
 */
const text = (min: number, max: number): Plain => {
  const pattern = new RegExp(`^[^\\uD800-\\uDFFF\\uFE0E\\uFE0F]{${min},${max}}$`);
  return (value) => (pattern.test(value) ? value : undefined);
};
const flag: Plain = (value) => (value === 'true' ? true : value === 'false' ? false : undefined);

/** Each parameter of ListKeysRequestDto, in the forms its decorators plainly accept. */
const PARAMETERS: Readonly<Record<keyof ListKeysInput, Plain>> = {
  cursor: text(0, 512),
  limit: (value) =>
    /^[1-9]\d{0,2}$/.test(value) && Number(value) <= 200 ? Number(value) : undefined,
  include_disabled: flag,
  include_revoked: flag,
  scope: (value) => (value === 'personal' || value === 'org' ? value : undefined),
  org_id: text(1, 128),
  external_id: text(1, 256),
  owner: text(1, 128),
  name: text(1, 128),
};

/**
 * The filters of a parsed `GET /api/v1/keys` query whose every parameter is one of the DTO's and
 * plainly valid (`limit=20`, `include_revoked=true`, a name): what ListKeysRequestDto would give,
 * without reflection. Undefined for anything else (a repeated or unknown parameter, `limit=020`,
 * an empty name), which the DTO itself then judges, for its exact answer.
 */
export function plainListQuery(
  query: Readonly<Record<string, unknown>>,
): ListKeysInput | undefined {
  const filters: Record<string, unknown> = {};
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (!Object.hasOwn(PARAMETERS, name) || typeof value !== 'string') return undefined;
    const plain = PARAMETERS[name as keyof ListKeysInput](value);
    if (plain === undefined) return undefined;
    filters[name] = plain;
  }
  return filters;
}

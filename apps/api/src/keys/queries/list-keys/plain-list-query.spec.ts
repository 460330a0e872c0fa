import { strictValidationPipe } from '../../../shared/errors/validation.pipe';
import { ListKeysRequestDto } from './list-keys.request.dto';
import { plainListQuery } from './plain-list-query';

/** What the controller's own pipe makes of a query: its filters, or null when it refuses. */
async function throughDto(query: Record<string, unknown>): Promise<object | null> {
  try {
    const dto: object = await strictValidationPipe().transform(query, {
      type: 'query',
      metatype: ListKeysRequestDto,
    });
    return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
  } catch {
    return null;
  }
}

const PARAMETERS = [
  'cursor',
  'limit',
  'include_disabled',
  'include_revoked',
  'scope',
  'org_id',
  'external_id',
  'owner',
  'name',
];
const VALUES = [
  ...['', '0', '1', '9', '20', '020', '99', '100', '199', '200', '201', '999', '1000', '2e1'],
  ...[' 5', '5 ', '-1', '2.5', '0x10', '+5', 'true', 'false', 'TRUE', 'False', 'yes', 'null'],
  ...['personal', 'org', 'Org', 'org_1', 'café', 'a b', '😀', '\uFE0F', 'a\uFE0F', '\uD800'],
  ...[127, 128, 129, 255, 256, 257, 511, 512, 513].map((length) => 'x'.repeat(length)),
  'x'.repeat(127) + '😀',
];

/**
 * plainListQuery answers for ListKeysRequestDto without reflection, on the fast listener. Every
 * query it takes must be one the DTO accepts, with the same filters; all else it leaves to the DTO.
 */
describe('a plainly valid key list query is what ListKeysRequestDto makes of it', () => {
  it.each(PARAMETERS)('%s, for each value', async (parameter) => {
    for (const value of VALUES) {
      const query = { [parameter]: value };
      const plain = plainListQuery(query);
      if (plain !== undefined) expect([query, plain]).toEqual([query, await throughDto(query)]);
    }
  });

  it('takes the usual queries itself, with the values converted as the DTO converts them', () => {
    expect(plainListQuery({})).toEqual({});
    expect(plainListQuery({ limit: '20' })).toEqual({ limit: 20 });
    expect(
      plainListQuery({
        limit: '200',
        cursor: 'eyJ2IjoxfQ',
        include_disabled: 'true',
        include_revoked: 'false',
        scope: 'org',
        org_id: 'org_big',
        owner: 'alice',
        external_id: 'cus_1',
        name: 'café',
      }),
    ).toEqual({
      limit: 200,
      cursor: 'eyJ2IjoxfQ',
      include_disabled: true,
      include_revoked: false,
      scope: 'org',
      org_id: 'org_big',
      owner: 'alice',
      external_id: 'cus_1',
      name: 'café',
    });
  });

  it('leaves repeated, unknown and prototype parameters to the DTO', () => {
    for (const query of [
      { limit: ['1', '2'] },
      { limt: '20' },
      { sort: 'name' },
      JSON.parse('{"__proto__":"x"}') as Record<string, unknown>,
      { constructor: 'x' },
      { hasOwnProperty: 'x' },
    ]) {
      expect(plainListQuery(query)).toBeUndefined();
    }
  });
});

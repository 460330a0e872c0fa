import { CANONICAL_PAGE_SIZE, toListFilters } from './to-list-filters';

describe('toListFilters', () => {
  it('lists enabled, unrevoked keys in the largest canonical pages by default', () => {
    expect(toListFilters({})).toEqual({
      limit: CANONICAL_PAGE_SIZE,
      include_disabled: false,
      include_revoked: false,
    });
  });

  it('passes include_disabled, and never includes revoked (deleted) keys', () => {
    expect(toListFilters({ include_disabled: true })).toMatchObject({
      include_disabled: true,
      include_revoked: false,
    });
  });

  it('reads a workspace as an org, or `personal` as the personal keys', () => {
    expect(toListFilters({ workspace_id: 'org_a' })).toMatchObject({ org_id: 'org_a' });
    expect(toListFilters({ workspace_id: 'org_a' })).not.toHaveProperty('scope');
    expect(toListFilters({ workspace_id: 'personal' })).toMatchObject({ scope: 'personal' });
    expect(toListFilters({ workspace_id: 'personal' })).not.toHaveProperty('org_id');
  });

  it('ignores the offset, which is walked page by page', () => {
    expect(toListFilters({ offset: 300 })).not.toHaveProperty('offset');
  });
});

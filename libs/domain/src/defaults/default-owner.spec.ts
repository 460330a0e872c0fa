import { defaultOwnerOf } from './default-owner';

describe('defaultOwnerOf', () => {
  it("makes a team preference its org's default", () => {
    expect(defaultOwnerOf({ scope: 'team', author_user_id: 'u1', org_id: 'org_1' })).toEqual({
      kind: 'org',
      org_id: 'org_1',
    });
  });

  it("makes a personal preference its author's default", () => {
    expect(defaultOwnerOf({ scope: 'personal', author_user_id: 'u1', org_id: null })).toEqual({
      kind: 'user',
      user_id: 'u1',
    });
  });

  it('refuses a team preference without an org, which the decider never records', () => {
    expect(() => defaultOwnerOf({ scope: 'team', author_user_id: 'u1', org_id: null })).toThrow(
      /org/,
    );
  });
});

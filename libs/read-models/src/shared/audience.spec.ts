import { audiencesOf, orgAudience, userAudience } from './audience';

describe('audience', () => {
  it('names users and orgs apart, so equal ids never collide', () => {
    expect([userAudience('x'), orgAudience('x')]).toEqual(['user:x', 'org:x']);
  });

  it('gives a caller their own audience and one per org', () => {
    expect(audiencesOf('u1', ['o1', 'o2'])).toEqual(['user:u1', 'org:o1', 'org:o2']);
  });
});

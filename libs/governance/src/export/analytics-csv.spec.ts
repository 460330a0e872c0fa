import { analyticsCsv } from './analytics-csv';

const point = {
  start: '2026-03-10T12:00:00.000Z',
  requests: 2,
  refused: { limit_exceeded: 1 },
  cost: 0.5,
  byok_cost: 0,
  models: {},
};

describe('analyticsCsv', () => {
  it('writes one row per bucket, objects as quoted JSON', () => {
    expect(analyticsCsv([point])).toBe(
      'start,requests,refused,cost,byok_cost,models\r\n' +
        '2026-03-10T12:00:00.000Z,2,"{""limit_exceeded"":1}",0.5,0,{}\r\n',
    );
  });

  it('writes one row per bucket and group when grouped', () => {
    const grouped = { ...point, groups: { 'a,b': { requests: 2, cost: 0.5, byok_cost: 0 } } };
    expect(analyticsCsv([grouped])).toBe(
      'start,group,requests,cost,byok_cost\r\n2026-03-10T12:00:00.000Z,"a,b",2,0.5,0\r\n',
    );
  });
});

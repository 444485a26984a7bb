import { claimsFor } from '../../support/graphql-handler';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
const NESTED = `query Nested($first: Int) {
  stations(first: $first) { edges { node { id grids { code leader { name } } officers { name } } } }
}`;

let executor: CountingExecutor;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor());
});
afterAll(() => stop());

describe('batched nested reads on the Dingnan seed', () => {
  test('given 12 stations, when stations with grids, leaders and officers are read, then it takes at most 4 DynamoDB requests and no Scan', async () => {
    const result = await executor.execute(NESTED, { variables: { first: 12 }, claims: admin });

    expect(result.errors).toBeUndefined();
    const stations = result.data!.stations.edges.map((edge: any) => edge.node);
    expect(stations).toHaveLength(12);
    for (const station of stations) {
      expect(station.grids.length).toBeGreaterThanOrEqual(1);
      expect(station.grids.every((grid: any) => typeof grid.leader?.name === 'string')).toBe(true);
      expect(station.officers).toHaveLength(5);
    }
    expect(result.commands.length).toBeLessThanOrEqual(4);
    expect(result.commands).not.toContain('ScanCommand');
  });

  test.each([1, 5, 100])('given a page of %i, when the same nested query runs, then the request count stays at most 4', async (first) => {
    const result = await executor.execute(NESTED, { variables: { first }, claims: admin });

    expect(result.errors).toBeUndefined();
    expect(result.commands.length).toBeLessThanOrEqual(4);
  });

  test('given grids and officers, when they are read with their relations, then each relation resolves to the seeded entities', async () => {
    const result = await executor.execute(
      `{ grid(id: "dn-g-01-1") { code station { id } leader { id } officers { id } }
         officer(id: "dn-o-01-1") { station { id } grids { code } } }`,
      { claims: admin },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.grid).toEqual({
      code: 'DN-01-1',
      station: { id: 'dn-s-01' },
      leader: { id: 'dn-o-01-1' },
      officers: [{ id: 'dn-o-01-1' }, { id: 'dn-o-01-2' }, { id: 'dn-o-01-3' }],
    });
    expect(result.data!.officer.station).toEqual({ id: 'dn-s-01' });
    expect(result.data!.officer.grids.map((grid: any) => grid.code)).toContain('DN-01-1');
  });
});

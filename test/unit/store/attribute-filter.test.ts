import { attributeFilter } from '../../../functions/store/query';

describe('attributeFilter', () => {
  test('given null and undefined values, when a filter is built, then they are left out', () => {
    expect(attributeFilter({ equals: { kind: null, active: undefined } })).toBeUndefined();
  });

  test('given equalities and a membership set, when a filter is built, then names and values are placeholders, never inlined', () => {
    expect(attributeFilter({ equals: { role: 'ENFORCEMENT', active: false }, oneOf: { id: ['a', 'b'] } })).toEqual({
      expression: '#f0 = :f0 AND #f1 = :f1 AND #f2 IN (:f2_0, :f2_1)',
      names: { '#f0': 'role', '#f1': 'active', '#f2': 'id' },
      values: { ':f0': 'ENFORCEMENT', ':f1': false, ':f2_0': 'a', ':f2_1': 'b' },
    });
  });

  test('given a value a list attribute must hold, when a filter is built, then it is a contains clause after the others', () => {
    expect(attributeFilter({ equals: { kind: 'PATROL' }, contains: { officerIds: 'o1' } })).toEqual({
      expression: '#f0 = :f0 AND contains(#f1, :f1)',
      names: { '#f0': 'kind', '#f1': 'officerIds' },
      values: { ':f0': 'PATROL', ':f1': 'o1' },
    });
  });

  test('given null and undefined membership sets and contains values, when a filter is built, then they are left out too', () => {
    expect(attributeFilter({ oneOf: { id: null, role: undefined }, contains: { officerIds: null } })).toBeUndefined();
  });
});

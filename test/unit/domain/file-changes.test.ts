import { changesNothing, fileChanges, sameValue } from '../../../functions/domain/file-changes';

describe('sameValue', () => {
  test('given objects with keys in another order, when compared, then they are the same', () => {
    expect(sameValue({ lat: 1, lng: 2, nested: { b: [1, 2], a: 'x' } }, { nested: { a: 'x', b: [1, 2] }, lng: 2, lat: 1 })).toBe(true);
  });

  test('given arrays in another order, when compared, then they differ (order is data: grid members, amenities)', () => {
    expect(sameValue(['o1', 'o2'], ['o2', 'o1'])).toBe(false);
  });

  test('given an absent key and an undefined one, when compared, then they are the same', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue(undefined, undefined)).toBe(true);
    expect(sameValue(undefined, null)).toBe(false);
  });
});

describe('fileChanges', () => {
  test('given a base and the file now, when compared, then only changed, added and dropped fields are answered', () => {
    const base = { name: '一号站', address: '一号路', amenities: ['饮用水'], active: true };
    const desired = { name: '一号驿站', amenities: ['饮用水'], community: '新城', active: true };

    expect(fileChanges(base, desired)).toEqual({ name: '一号驿站', address: undefined, community: '新城' });
    expect(Object.keys(fileChanges(base, desired)).sort()).toEqual(['address', 'community', 'name']);
  });

  test('given the same file, when compared, then nothing changed', () => {
    expect(fileChanges({ location: { lat: 1, lng: 2 } }, { location: { lng: 2, lat: 1 } })).toEqual({});
  });
});

describe('changesNothing', () => {
  test('given changes the entity already has, when checked, then applying them would change nothing', () => {
    expect(changesNothing({ name: 'x', version: 3 }, { name: 'x' })).toBe(true);
    expect(changesNothing({ name: 'x' }, { address: undefined })).toBe(true);
  });

  test('given a change the entity lacks, when checked, then applying it would change something', () => {
    expect(changesNothing({ name: 'x' }, { name: 'y' })).toBe(false);
  });
});

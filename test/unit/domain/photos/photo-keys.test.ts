import { parsePhotoKey, photoKey, photoKeyOfUpload, photoObjectKey, uploadObjectKey } from '../../../../functions/domain/photos/photo-keys';

const ID = '0b9f1c36-8a3e-4a53-9a55-1f6d3c7f2a10';

test('given a district, purpose and id, when a key is made and parsed back, then it names all three and lives under both prefixes', () => {
  const key = photoKey({ districtId: 'xian-gangwu', purpose: 'RESOLUTION', id: ID });

  expect(key).toBe(`xian-gangwu/resolution/${ID}`);
  expect(parsePhotoKey(key)).toEqual({ districtId: 'xian-gangwu', purpose: 'RESOLUTION', id: ID });
  expect(uploadObjectKey(key)).toBe(`uploads/${key}`);
  expect(photoObjectKey(key)).toBe(`photos/${key}`);
  expect(photoKeyOfUpload(uploadObjectKey(key))).toBe(key);
});

test.each([
  ['another prefix', `photos/dingnan/report/${ID}`],
  ['an unknown purpose', `dingnan/avatar/${ID}`],
  ['a path escape', `dingnan/report/../${ID}`],
  ['an id that is no UUID', 'dingnan/report/face.jpg'],
  ['an upper-case district', `Dingnan/report/${ID}`],
])('given %s, when parsed, then it is no photo key', (_what, key) => {
  expect(parsePhotoKey(key)).toBeUndefined();
});

test('given objects outside uploads/, when an event names them, then they are no upload', () => {
  expect(photoKeyOfUpload(`photos/dingnan/report/${ID}`)).toBeUndefined();
  expect(photoKeyOfUpload('uploads/whatever')).toBeUndefined();
});

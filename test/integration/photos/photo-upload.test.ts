import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startLocalS3, type LocalS3 } from '../../../functions/local/s3-local';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { jpegWithGps, postUpload, type PhotoUploadGrant } from '../../support/photo-files';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

jest.setTimeout(60_000);

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');

const REQUEST = `mutation Upload($input: RequestPhotoUploadInput!) { requestPhotoUpload(input: $input) { id key url fields { name value } expiresAt } }`;
const REPORT = `mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id status photoUrls assignee { id } } } }`;
const RESOLVE = `mutation Resolve($id: ID!, $photoKeys: [String!]) { resolveIssue(id: $id, photoKeys: $photoKeys) { id status resolutionPhotoUrls } }`;
const START = `mutation Start($id: ID!) { startIssue(id: $id) { id status } }`;

let store: TestStore;
let s3: LocalS3;
let dataDir: string;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let serviceCode: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'photos-'));
  store = await createTestStore();
  const file = await seed(store, 'dingnan');
  serviceCode = file.stations.find((station) => station.id === 'dn-s-01')!.serviceCode;
  s3 = await startLocalS3({ dataDir, corsOrigins: ['http://localhost:*'] });
  process.env.PHOTO_BUCKET = s3.bucketName;
  process.env.S3_ENDPOINT = s3.endpoint;
  handler = await loadHandler(store);
});

afterAll(async () => {
  await s3?.stop();
  await store?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function grant(input: Record<string, unknown>, claims?: Record<string, string>): Promise<PhotoUploadGrant> {
  const response = await callGraphql(handler, REQUEST, { variables: { input }, ...(claims ? { claims } : {}) });
  expect(response.errors).toBeUndefined();
  return response.data!.requestPhotoUpload as PhotoUploadGrant;
}

/** Requests, uploads and waits for the processor, as a page does before it submits. */
async function uploaded(body: Uint8Array, contentType: string, input: Record<string, unknown>, claims?: Record<string, string>): Promise<string> {
  const upload = await grant({ contentType, byteSize: body.byteLength, ...input }, claims);
  const answer = await postUpload(upload, body, contentType);
  expect(answer.status).toBe(204);
  await s3.settled();
  return upload.key;
}

const anonymousReport = (photoKeys: string[], extra: Record<string, unknown> = {}) =>
  callGraphql(handler, REPORT, { variables: { input: { category: 'ILLEGAL_DUMPING', description: '路边堆放垃圾', serviceCode, photoKeys, ...extra } } });

describe('photo uploads through the local S3 server', () => {
  test('given a resident with a service code, when they upload a JPEG with EXIF GPS and report citing it, then the photo read back has no metadata', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const key = await uploaded(original, 'image/jpeg', { serviceCode, purpose: 'REPORT' });
    const response = await anonymousReport([key]);

    expect(response.errors).toBeUndefined();
    expect(key).toMatch(/^dingnan\/report\/[0-9a-f-]{36}$/);
    const [url] = response.data!.reportIssue.issue.photoUrls as string[];
    expect(url).toContain('X-Amz-Signature=');
    const read = await fetch(url!);
    expect(read.status).toBe(200);
    const photo = Buffer.from(await read.arrayBuffer());
    const metadata = await sharp(photo).metadata();
    expect({ format: metadata.format, width: metadata.width, height: metadata.height, exif: metadata.exif, xmp: metadata.xmp, icc: metadata.icc }).toEqual({
      format: 'jpeg',
      width: 64,
      height: 48,
      exif: undefined,
      xmp: undefined,
      icc: undefined,
    });
    expect(photo.includes('TestPhone')).toBe(false);
  });

  test('given a grant, when it is read, then it is a presigned POST for exactly that key and type, expiring within minutes', async () => {
    const upload = await grant({ serviceCode, purpose: 'REPORT', contentType: 'image/png', byteSize: 1000 });
    const fields = Object.fromEntries(upload.fields.map((field) => [field.name, field.value]));

    expect(fields).toMatchObject({ key: `uploads/${upload.key}`, 'Content-Type': 'image/png', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' });
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, 10 * 1024 * 1024], ['eq', '$Content-Type', 'image/png']]));
    const minutes = (Date.parse(upload.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1);
    expect(minutes).toBeLessThanOrEqual(5);
    expect(upload.id).toBe(upload.key);
  });

  test('given a file that is not an image, when it is uploaded as a JPEG and cited, then the processor refused it and the report names the key', async () => {
    const key = await uploaded(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/jpeg', { serviceCode, purpose: 'REPORT' });

    const response = await anonymousReport([key]);

    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions.fields).toEqual([{ path: 'input.photoKeys.0', message: 'was not uploaded, or was refused as not an image' }]);
  });

  test('given an anonymous report, when it cites external URLs or more than 3 photos, then each is refused naming the field', async () => {
    const withUrls = await anonymousReport([], { photoUrls: ['https://tracker.example.com/pixel.gif'] });
    const keys = await Promise.all([1, 2, 3, 4].map(async () => (await grant({ serviceCode, purpose: 'REPORT', contentType: 'image/jpeg', byteSize: 10 })).key));
    const tooMany = await anonymousReport(keys);

    expect(withUrls.errors![0]!.extensions.fields).toEqual([{ path: 'input.photoUrls', message: 'needs a staff token: upload the photos and cite their photoKeys' }]);
    expect(tooMany.errors![0]!.extensions.fields).toEqual([{ path: 'input.photoKeys', message: 'at most 3 photos without a token' }]);
  });

  test('given keys of another district, of another purpose or never uploaded, when cited, then each is named and nothing is stored', async () => {
    const foreign = 'guiding/report/0b9f1c36-8a3e-4a53-9a55-1f6d3c7f2a10';
    const resolution = (await grant({ purpose: 'RESOLUTION', contentType: 'image/jpeg', byteSize: 10 }, supervisor)).key;
    const neverUploaded = (await grant({ serviceCode, purpose: 'REPORT', contentType: 'image/jpeg', byteSize: 10 })).key;

    const response = await anonymousReport([foreign, resolution, neverUploaded]);

    expect(response.errors![0]!.extensions.fields).toEqual([
      { path: 'input.photoKeys.0', message: 'is not a photo of this district' },
      { path: 'input.photoKeys.1', message: 'was not uploaded for this purpose' },
      { path: 'input.photoKeys.2', message: 'was not uploaded, or was refused as not an image' },
    ]);
  });

  test('given upload requests, when they are out of bounds, then each field is named', async () => {
    const noCode = await callGraphql(handler, REQUEST, { variables: { input: { purpose: 'REPORT', contentType: 'image/jpeg', byteSize: 10 } } });
    const afterPhotoWithoutToken = await callGraphql(handler, REQUEST, { variables: { input: { serviceCode, purpose: 'RESOLUTION', contentType: 'image/jpeg', byteSize: 10 } } });
    const badFile = await callGraphql(handler, REQUEST, { variables: { input: { serviceCode, purpose: 'REPORT', contentType: 'image/gif', byteSize: 10 * 1024 * 1024 + 1 } } });
    const unknownCode = await callGraphql(handler, REQUEST, { variables: { input: { serviceCode: 'dingnan-ZZZZ9999', purpose: 'REPORT', contentType: 'image/jpeg', byteSize: 10 } } });

    expect(noCode.errors![0]!.extensions.fields).toEqual([{ path: 'input.serviceCode', message: 'is required to upload without a token' }]);
    expect(afterPhotoWithoutToken.errors![0]!.extensions.fields).toEqual([{ path: 'input.purpose', message: 'must be REPORT without a token' }]);
    expect(badFile.errors![0]!.extensions.fields).toEqual([
      { path: 'input.contentType', message: 'must be image/jpeg, image/png, image/webp or image/heic' },
      { path: 'input.byteSize', message: 'must be between 1 and 10485760' },
    ]);
    expect(unknownCode.errors![0]!.extensions.fields).toEqual([{ path: 'input.serviceCode', message: 'is not the code of an active station' }]);
  });

  test('given an assigned issue, when the officer resolves it citing an after-photo, then staff read it back without metadata', async () => {
    const reported = await callGraphql(handler, REPORT, {
      variables: { input: { category: 'ILLEGAL_DUMPING', description: '巷口有建筑垃圾', source: 'PATROL', location: { lat: 24.7755, lng: 115.0227 } } },
      claims: supervisor,
    });
    const issue = reported.data!.reportIssue.issue;
    expect(issue.assignee).toEqual({ id: 'dn-o-01-1' });
    await callGraphql(handler, START, { variables: { id: issue.id }, claims: officer });
    const key = await uploaded(await jpegWithGps(), 'image/jpeg', { purpose: 'RESOLUTION' }, officer);

    const resolved = await callGraphql(handler, RESOLVE, { variables: { id: issue.id, photoKeys: [key] }, claims: officer });

    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveIssue.status).toBe('RESOLVED');
    const [url] = resolved.data!.resolveIssue.resolutionPhotoUrls as string[];
    expect((await sharp(Buffer.from(await (await fetch(url!)).arrayBuffer())).metadata()).exif).toBeUndefined();
  });

  test('given the bucket CORS rule, when pages preflight an upload, then an allowed origin may POST and another is refused', async () => {
    const upload = await grant({ serviceCode, purpose: 'REPORT', contentType: 'image/jpeg', byteSize: 10 });
    const preflight = (origin: string) => fetch(upload.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

    const allowed = await preflight('http://localhost:4000');
    const other = await preflight('https://elsewhere.example.com');

    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

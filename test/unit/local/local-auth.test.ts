import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { signLocalToken, verifyLocalToken } from '../../../functions/local/local-auth';
import { SIGNING_KEY_FILE, loadOrCreateSigningKey } from '../../../functions/local/signing-key';

describe('local signing key and tokens', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-auth-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given no key file, when two processes load the key at once, then one private key file is written and both sign with it', async () => {
    const [first, second] = await Promise.all([loadOrCreateSigningKey(dataDir), loadOrCreateSigningKey(dataDir)]);

    expect(first.kid).toBe(second.kid);
    const token = await signLocalToken(first, { role: 'ADMIN', district: 'dingnan' });
    await expect(verifyLocalToken(second, token)).resolves.toMatchObject({ sub: 'local-dingnan-admin' });
    expect(JSON.parse(await readFile(join(dataDir, SIGNING_KEY_FILE), 'utf8'))).toMatchObject({ kty: 'EC', crv: 'P-256', kid: first.kid });
    expect((await stat(join(dataDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  test('given an officer identity, when a token is signed, then its claims mirror a Cognito ID token with a 12 h lifetime', async () => {
    const key = await loadOrCreateSigningKey(dataDir);
    const now = new Date('2026-11-20T08:00:00Z');

    const claims = decodeJwt(await signLocalToken(key, { role: 'OFFICER', district: 'dingnan', officerId: 'dn-o-01' }, now));

    expect(claims).toEqual({
      sub: 'local-dingnan-officer-dn-o-01',
      'cognito:username': 'local-dingnan-officer-dn-o-01',
      'cognito:groups': ['OFFICER'],
      'custom:district': 'dingnan',
      'custom:officerId': 'dn-o-01',
      token_use: 'id',
      iss: 'local',
      aud: 'community-city-services',
      auth_time: now.getTime() / 1000,
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 12 * 3600,
    });
  });

  test('given an expired token, when verified, then it is refused', async () => {
    const key = await loadOrCreateSigningKey(dataDir);
    const token = await signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }, new Date(Date.now() - 13 * 3600 * 1000));

    await expect(verifyLocalToken(key, token)).rejects.toThrow(/exp/);
  });

  test('given a token issued an hour from now, when verified, then it is refused as API Gateway refuses it', async () => {
    const key = await loadOrCreateSigningKey(dataDir);
    const token = await signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }, new Date(Date.now() + 3600 * 1000));

    await expect(verifyLocalToken(key, token)).rejects.toThrow(/iat/);
  });

  test('given a token signed with another data dir key, when verified, then it is refused', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'local-auth-other-'));
    try {
      const token = await signLocalToken(await loadOrCreateSigningKey(otherDir), { role: 'ADMIN', district: 'dingnan' });
      await expect(verifyLocalToken(await loadOrCreateSigningKey(dataDir), token)).rejects.toThrow(/signature/);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});

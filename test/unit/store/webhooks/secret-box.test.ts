import { secretBox, WebhookSecretUnreadableError } from '../../../../functions/store/webhooks/secret-box';

const KEY = 'webhook-unit-key-material-0123456789abcdef';
const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

describe('webhook secret box', () => {
  test('given a sealed secret, when opened for the same endpoint with the same key, then it is the secret, and the sealed form does not hold it', async () => {
    const box = secretBox(KEY);
    const sealed = await box.seal(SECRET, 'dingnan/e-1');

    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET.slice(6, 20));
    expect(await box.open(sealed, 'dingnan/e-1')).toBe(SECRET);
  });

  test('given the same secret sealed twice, when compared, then the forms differ (a fresh nonce each time)', async () => {
    const box = secretBox(KEY);
    expect(await box.seal(SECRET, 'dingnan/e-1')).not.toBe(await box.seal(SECRET, 'dingnan/e-1'));
  });

  test('given a sealed secret, when opened for another endpoint, with another key, or tampered with, then it is unreadable', async () => {
    const sealed = await secretBox(KEY).seal(SECRET, 'dingnan/e-1');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'BB' : 'AA'}`;

    await expect(secretBox(KEY).open(sealed, 'dingnan/e-2')).rejects.toBeInstanceOf(WebhookSecretUnreadableError);
    await expect(secretBox(`${KEY}-other`).open(sealed, 'dingnan/e-1')).rejects.toBeInstanceOf(WebhookSecretUnreadableError);
    await expect(secretBox(KEY).open(tampered, 'dingnan/e-1')).rejects.toBeInstanceOf(WebhookSecretUnreadableError);
  });

  test('given key material read from a source that fails once, when used again, then the read is tried again', async () => {
    let reads = 0;
    const box = secretBox(async () => {
      reads += 1;
      if (reads === 1) throw new Error('unreachable');
      return KEY;
    });
    await expect(box.seal(SECRET, 'x')).rejects.toThrow('unreachable');
    expect(await box.open(await box.seal(SECRET, 'x'), 'x')).toBe(SECRET);
  });
});

import { refusedAddress } from '../../../../functions/domain/webhooks/address-rules';

const onAws = { allowLoopback: false };
const local = { allowLoopback: true };

describe('webhook address rules', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::a00:1', 'rfc6052'],
  ])('given %s on AWS, when checked, then it is refused as %s', (address, range) => {
    expect(refusedAddress(address, onAws)).toBe(`${address} is a ${range} address`);
  });

  test.each(['93.184.216.34', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8'])('given the public address %s, when checked on AWS, then it is allowed', (address) => {
    expect(refusedAddress(address, onAws)).toBeUndefined();
  });

  test.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('given loopback %s with the local setting, when checked, then it is allowed', (address) => {
    expect(refusedAddress(address, local)).toBeUndefined();
  });

  test.each(['10.0.0.5', '169.254.169.254', 'fd00::1'])('given %s with the local setting, when checked, then it is still refused (loopback only)', (address) => {
    expect(refusedAddress(address, local)).toMatch(/ is a \w+ address$/);
  });

  test('given something that is not an address, when checked, then it is refused', () => {
    expect(refusedAddress('example.com', onAws)).toBe('example.com is not an IP address');
  });
});

import shaViaNodeCrypto = require('../../../functions/shared/sha-via-node-crypto');

// The package the alias replaces, as @apollo/utils.createhash calls it: `require('sha.js')(kind)`.
const shaJs = require('sha.js') as (algorithm: string) => { update(data: string): { digest(encoding: 'hex'): string } };

test.each(['sha256', 'sha1', 'sha512'])('given the %s factory call Apollo makes, when a query is hashed, then the digest equals sha.js\'s', (algorithm) => {
  const query = '{ station(id: "dn-s-01") { name grids { code } } }';

  expect(shaViaNodeCrypto(algorithm).update(query).digest('hex')).toBe(shaJs(algorithm).update(query).digest('hex'));
});

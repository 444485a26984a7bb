import { parseTokenArgs } from '../../../functions/local/token-args';

describe('parseTokenArgs', () => {
  test('given a role and a district, when parsed, then the identity has both and no officer', () => {
    expect(parseTokenArgs(['--role', 'ADMIN', '--district', 'dingnan'])).toEqual({ role: 'ADMIN', district: 'dingnan' });
  });

  test("given --officer, when parsed, then the identity carries the officer's id", () => {
    expect(parseTokenArgs(['--role=OFFICER', '--district=dingnan', '--officer', 'dn-o-01'])).toEqual({
      role: 'OFFICER',
      district: 'dingnan',
      officerId: 'dn-o-01',
    });
  });

  test.each([
    ['no role', ['--district', 'dingnan'], /--role is required/],
    ['an unknown role', ['--role', 'GOD', '--district', 'dingnan'], /--role must be one of ADMIN, SUPERVISOR, OFFICER, SCHEDULER/],
    ['no district', ['--role', 'ADMIN'], /--district is required/],
    ['a malformed district', ['--role', 'ADMIN', '--district', '../etc'], /--district must be a district id/],
    ['an unknown flag', ['--role', 'ADMIN', '--district', 'dingnan', '--admin'], /Unknown option '--admin'/],
    ['an empty officer id', ['--role', 'OFFICER', '--district', 'dingnan', '--officer', ''], /--officer needs an officer id/],
  ])('given %s, when parsed, then one line says what is wrong', (_label, argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(message);
    expect(() => parseTokenArgs(argv)).toThrow(/^[^\n]+$/);
  });
});

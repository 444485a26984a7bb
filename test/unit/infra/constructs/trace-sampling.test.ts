import { ruleNameOf } from '../../../../infra/constructs/trace-sampling';

test('given a short district id, when its sampling rule is named, then it is ccs-<id>', () => {
  expect(ruleNameOf('dingnan')).toBe('ccs-dingnan');
});

test('given two 40-character ids sharing their first letters, when their rules are named, then both fit X-Ray\'s 32 characters and differ', () => {
  const one = ruleNameOf(`${'a'.repeat(30)}-east-one`);
  const two = ruleNameOf(`${'a'.repeat(30)}-east-two`);

  expect(one.length).toBeLessThanOrEqual(32);
  expect(two.length).toBeLessThanOrEqual(32);
  expect(one).not.toBe(two);
});

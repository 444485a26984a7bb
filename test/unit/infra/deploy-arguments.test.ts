import { DeployUsageError, deployArguments } from '../../../infra/deploy-arguments';

const KNOWN = ['dingnan', 'guiding', 'xian-gangwu'];

describe('deployArguments', () => {
  test('given --district guiding, when parsed, then cdk deploys the guiding stack with the app narrowed to its file', () => {
    expect(deployArguments(['--district', 'guiding'], KNOWN)).toEqual([
      'deploy',
      'CommunityCityServices-guiding',
      '--context',
      'district=guiding',
    ]);
  });

  test('given --district=id and cdk options, when parsed, then the options pass through to cdk deploy', () => {
    expect(deployArguments(['--require-approval', 'never', '--district=xian-gangwu', '--profile', 'xa'], KNOWN)).toEqual([
      'deploy',
      'CommunityCityServices-xian-gangwu',
      '--context',
      'district=xian-gangwu',
      '--require-approval',
      'never',
      '--profile',
      'xa',
    ]);
  });

  test('given an unknown district, when parsed, then it fails naming the missing file and the known districts', () => {
    expect(() => deployArguments(['--district', 'guidng'], KNOWN)).toThrow(
      new DeployUsageError('unknown district "guidng": there is no infra/districts/guidng.json (known: dingnan, guiding, xian-gangwu)'),
    );
  });

  test.each([
    ['no district', [], 'name the district to deploy'],
    ['a flag without its value', ['--district', '--profile', 'x'], '--district needs a district id'],
    ['two districts', ['--district', 'dingnan', '--district', 'guiding'], 'name one district per deploy'],
  ])('given %s, when parsed, then it fails with the usage line', (_label, argv, message) => {
    expect(() => deployArguments(argv, KNOWN)).toThrow(`${message}\nusage: npm run deploy -- --district <id> [cdk deploy options]`);
  });
});

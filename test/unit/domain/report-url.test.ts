import { reportUrlProblem, serviceCodeUrl } from '../../../functions/domain/report-url';

describe("a station's report URL", () => {
  test('given a district template, when filled, then the code replaces {code}', () => {
    expect(serviceCodeUrl('dingnan-ST01AV', { template: 'https://report.dingnan.example.cn/r/{code}?from=qr', baseUrl: 'https://x' })).toBe(
      'https://report.dingnan.example.cn/r/dingnan-ST01AV?from=qr',
    );
  });

  test("given no template, when filled, then it is the deployment's own page /r/<code>", () => {
    expect(serviceCodeUrl('dingnan-ST01AV', { baseUrl: 'https://abc.execute-api.cn-north-1.amazonaws.com.cn/' })).toBe(
      'https://abc.execute-api.cn-north-1.amazonaws.com.cn/r/dingnan-ST01AV',
    );
  });

  test.each([
    ['https://report.example.cn/r/{code}', undefined],
    ['https://report.example.cn/r/', 'must hold "{code}" exactly once, where the service code goes'],
    ['https://x/{code}/{code}', 'must hold "{code}" exactly once, where the service code goes'],
    ['ftp://report.example.cn/{code}', 'must be an http(s) URL such as https://report.example.cn/r/{code}'],
    ['report/{code}', 'must be an http(s) URL such as https://report.example.cn/r/{code}'],
  ])('given the template "%s", when checked, then the problem is %s', (template, problem) => {
    expect(reportUrlProblem(template)).toBe(problem);
  });
});

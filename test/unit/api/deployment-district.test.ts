import { callerOfDeployment } from '../../../functions/api/auth/deployment-district';
import type { Caller } from '../../../functions/domain/caller';

const caller: Caller = { subject: 'u1', districtId: 'guiding', roles: ['ADMIN'] };

describe('callerOfDeployment', () => {
  test("given a deployment of the caller's district, when the caller is checked, then it is kept", () => {
    expect(callerOfDeployment(caller, 'guiding')).toBe(caller);
  });

  test('given a deployment of another district, when the caller is checked, then it is anonymous', () => {
    expect(callerOfDeployment(caller, 'dingnan')).toBeUndefined();
  });

  test('given no deployment district (local, several districts in one table), when the caller is checked, then it is kept', () => {
    expect(callerOfDeployment(caller, undefined)).toBe(caller);
  });

  test('given an anonymous request, when checked against a deployment, then it stays anonymous', () => {
    expect(callerOfDeployment(undefined, 'guiding')).toBeUndefined();
  });
});

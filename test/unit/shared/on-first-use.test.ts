import { onFirstUse } from '../../../functions/shared/on-first-use';

describe('onFirstUse', () => {
  test('given a loader, when nothing has asked for the module yet, then it has not been loaded', () => {
    const load = jest.fn(() => ({ answer: 42 }));
    onFirstUse(load);
    expect(load).not.toHaveBeenCalled();
  });

  test('given a loader, when the module is asked for twice, then it is loaded once and the same module answers both times', () => {
    const load = jest.fn(() => ({ answer: 42 }));
    const module = onFirstUse(load);
    const first = module();
    expect(module()).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

import { parseArguments } from '../../../functions/domain/validation/parse';
import {
  createStationArguments,
  officersArguments,
  updateStationArguments,
} from '../../../functions/domain/validation/reference-inputs';
import { BadUserInputError } from '../../../functions/shared/errors';

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields.map((field) => field.path);
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('reference input validation', () => {
  test('given several bad fields, when station input is parsed, then every path is reported at once', () => {
    const paths = problems(() =>
      parseArguments(createStationArguments, {
        input: { name: '', kind: 'CASTLE', location: { lat: 91, lng: -181 }, amenities: ['x'.repeat(51)], serviceCode: 'lowercase' },
      }),
    );

    expect(paths.sort()).toEqual(['input.amenities.0', 'input.kind', 'input.location.lat', 'input.location.lng', 'input.name', 'input.serviceCode']);
  });

  test('given null for a clearable field and nothing for others, when an update is parsed, then null clears and absence keeps', () => {
    const { input } = parseArguments(updateStationArguments, { input: { id: 'dn-s-01', address: null } });

    expect('address' in input && input.address === undefined).toBe(true);
    expect('name' in input).toBe(false);
  });

  test('given null for a required field, when an update is parsed, then BAD_USER_INPUT names it', () => {
    expect(problems(() => parseArguments(updateStationArguments, { input: { id: 'dn-s-01', name: null } }))).toEqual(['input.name']);
  });

  test('given no page size, when a list is parsed, then first defaults to 20', () => {
    expect(parseArguments(officersArguments, {}).first).toBe(20);
  });

  test('given a huge string and a non-integer page size, when a list is parsed, then both are refused', () => {
    expect(problems(() => parseArguments(officersArguments, { first: 2.5, after: 'x'.repeat(5000) })).sort()).toEqual(['after', 'first']);
  });
});

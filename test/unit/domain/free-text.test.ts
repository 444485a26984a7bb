import { parseArguments } from '../../../functions/domain/validation/parse';
import { reportIssueArguments } from '../../../functions/domain/validation/issue-inputs';
import { createOfficerArguments, createStationArguments } from '../../../functions/domain/validation/reference-inputs';
import { freeText } from '../../../functions/domain/validation/fields';
import { BadUserInputError } from '../../../functions/shared/errors';

function refusal(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.fields;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('free text', () => {
  test.each([
    ['a NUL inside a name', 'ab\u0000c\u0007d'],
    ['an ANSI escape sequence', '\u001b[31m王五\u001b[0m'],
    ['a line break in a one-line field', '第一行\n第二行'],
    ['a tab in a one-line field', '王\t五'],
    ['a DEL character', '王五\u007f'],
  ])('given %s, when a station name is parsed, then BAD_USER_INPUT names input.name and says why', (_what, name) => {
    expect(refusal(() => parseArguments(createStationArguments, { input: { name, kind: 'SERVICE_POST' } }))).toEqual([
      { path: 'input.name', message: 'must not hold control characters (line breaks included)' },
    ]);
  });

  test.each([
    ['only NUL characters', '\u0000\u0000\u0000'],
    ['only spaces and line breaks', '  \n\t  '],
  ])('given a description of %s, when a report is parsed, then BAD_USER_INPUT names input.description', (_what, description) => {
    const fields = refusal(() => parseArguments(reportIssueArguments, { input: { category: 'OTHER', description, serviceCode: 'dingnan-ST01AV' } }));

    expect(fields.map((field) => field.path)).toEqual(['input.description']);
  });

  test('given a multi-line description with tabs and CRLF line ends, when a report is parsed, then it is kept with \\n line ends, trimmed', () => {
    const { input } = parseArguments(reportIssueArguments, { input: { category: 'OTHER', description: '  路灯不亮\r\n\t已两天\r\n', serviceCode: 'dingnan-ST01AV' } });

    expect(input.description).toBe('路灯不亮\n\t已两天');
  });

  test('given a name in decomposed Unicode, when parsed, then it is stored composed (NFC), so one name is stored one way', () => {
    const decomposed = 'Cafe\u0301 驿站';
    const { input } = parseArguments(createStationArguments, { input: { name: decomposed, kind: 'SERVICE_POST' } });

    expect(input.name).toBe('Café 驿站');
    expect(input.name).toHaveLength(7);
  });

  test('given an officer name and an amenity with control characters, when parsed, then every field is named at once', () => {
    const paths = refusal(() => parseArguments(createOfficerArguments, { input: { name: '\u001b[2J', role: 'ENFORCEMENT' } })).map((field) => field.path);
    const stationPaths = refusal(() => parseArguments(createStationArguments, { input: { name: '驿站', kind: 'SERVICE_POST', amenities: ['饮水', 'a\u0000'] } })).map((field) => field.path);

    expect(paths).toEqual(['input.name']);
    expect(stationPaths).toEqual(['input.amenities.1']);
  });

  test('given a limit, when text at and over it is parsed, then the limit counts characters after trimming', () => {
    expect(freeText(3).safeParse('  abc  ').success).toBe(true);
    expect(freeText(3).safeParse('abcd').error?.issues[0]?.message).toBe('must be at most 3 characters');
  });
});

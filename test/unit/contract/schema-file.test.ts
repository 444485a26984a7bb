import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import {
  CONTRACT_FILES,
  REPOSITORY,
  acceptedBreakingChanges,
  breakingChanges,
  changelogRows,
  checkContract,
  printContract,
  printReleased,
  releaseChangelog,
  unrecordedMessage,
} from '../../../functions/local/schema-contract';

const read = (file: string) => readFileSync(join(REPOSITORY, file), 'utf8');
const repositoryFiles = () => ({ schema: read(CONTRACT_FILES.schema), released: read(CONTRACT_FILES.released), changes: read(CONTRACT_FILES.changes) });

/** The first line where two texts differ, for a message a person can act on. */
function firstDifference(expected: string, actual: string): string {
  const [a, b] = [expected.split('\n'), actual.split('\n')];
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line < 0 ? a.length : line;
  return `line ${at + 1}: the server builds ${JSON.stringify(a[at] ?? '(end)')}, schema.graphql has ${JSON.stringify(b[at] ?? '(end)')}`;
}

describe('the committed contract', () => {
  test('given the schema the server builds, when printed, then it is the committed schema.graphql', () => {
    const printed = printContract();
    const committed = read(CONTRACT_FILES.schema);

    if (printed !== committed) {
      throw new Error(`schema.graphql is not the schema the server builds: run \`npm run schema\` and commit schema.graphql.\n(${firstDifference(printed, committed)})`);
    }
  });

  test('given the released contract, when the schema the server builds is diffed against it, then every breaking change is accepted in docs/schema-changes.md', async () => {
    const { unrecorded } = await checkContract(repositoryFiles());

    if (unrecorded.length > 0) throw new Error(unrecordedMessage(unrecorded));
  });
});

const RELEASED = `
type Query {
  roster(week: String!): Roster
  rosters(first: Int): [Roster!]!
}
type Roster {
  id: ID!
  week: String!
  status: String!
}
input LeaveInput {
  from: String!
}
enum Status { DRAFT PUBLISHED }
`;
const schemaOf = (sdl: string) => buildSchema(sdl);
const changelogAccepting = (rows: string) => `# Schema changes

## Unreleased

### Breaking changes accepted

| path | change | why, and what a client does |
|---|---|---|
${rows}

### Other changes

## Released 2026-11-29

| path | change | why, and what a client does |
|---|---|---|
| \`Roster.status\` | Field 'status' was removed from object type 'Roster' | long ago |
`;

describe('breaking changes', () => {
  test('given a removed field, a changed argument, an output made nullable, a new required input field and a removed enum value, when diffed, then each is breaking and named by its path', async () => {
    const changed = RELEASED.replace('  status: String!\n', '')
      .replace('roster(week: String!)', 'roster(week: Int!)')
      .replace('  week: String!\n', '  week: String\n')
      .replace('from: String!\n', 'from: String!\n  to: String!\n')
      .replace('DRAFT PUBLISHED', 'DRAFT');

    const changes = await breakingChanges(RELEASED, schemaOf(changed));

    expect(changes.map((change) => change.path).sort()).toEqual(['LeaveInput.to', 'Query.roster.week', 'Roster.status', 'Roster.week', 'Status.PUBLISHED']);
  });

  test('given only additions (a type, a field, an optional argument, an enum value), when diffed, then nothing is breaking', async () => {
    const added = RELEASED.replace('  status: String!\n', '  status: String!\n  publishedAt: String\n')
      .replace('rosters(first: Int)', 'rosters(first: Int, after: String)')
      .replace('DRAFT PUBLISHED', 'DRAFT PUBLISHED ARCHIVED')
      .concat('type Leave { id: ID! }\nextend type Query { leave: [Leave!]! }\n');

    expect(await breakingChanges(RELEASED, schemaOf(added))).toEqual([]);
  });

  test('given a breaking change and `npm run schema` run after it, when the contract is checked, then schema.graphql is current but the change is still reported', async () => {
    const runtime = schemaOf(RELEASED.replace('  status: String!\n', ''));
    const files = { schema: printContract(runtime), released: printReleased(schemaOf(RELEASED)), changes: changelogAccepting('') };

    const result = await checkContract(files, runtime);

    expect(result).toEqual({ stale: false, unrecorded: [{ path: 'Roster.status', message: "Field 'status' was removed from object type 'Roster'" }] });
  });

  test('given that change pasted as a row under Unreleased, when the contract is checked, then nothing is unrecorded', async () => {
    const runtime = schemaOf(RELEASED.replace('  status: String!\n', ''));
    const [change] = await breakingChanges(RELEASED, runtime);
    const row = changelogRows([change!]).replace('(why, and what a client does)', 'drafts are no longer shown; read `publishedAt`');

    const result = await checkContract({ schema: printContract(runtime), released: RELEASED, changes: changelogAccepting(row) }, runtime);

    expect(result.unrecorded).toEqual([]);
  });

  test('given the same change accepted only under an earlier release, when the contract is checked, then it is not accepted (only Unreleased rows count)', async () => {
    const runtime = schemaOf(RELEASED.replace('  status: String!\n', ''));

    const result = await checkContract({ schema: printContract(runtime), released: RELEASED, changes: changelogAccepting('') }, runtime);

    expect(result.unrecorded.map((change) => change.path)).toEqual(['Roster.status']);
  });

  test('given an unaccepted change, when the failure is worded, then it names the change, the file to accept it in and the row to paste', () => {
    const message = unrecordedMessage([{ path: 'Roster.status', message: "Field 'status' was removed from object type 'Roster'" }]);

    expect(message).toContain("| `Roster.status` | Field 'status' was removed from object type 'Roster' |");
    expect(message).toContain('docs/schema-changes.md');
    expect(message).toContain('## Unreleased');
  });

  test('given a changelog with accepted rows, when released, then the rows are dated under the release and a fresh Unreleased section accepts nothing', () => {
    const row = "| `Roster.status` | Field 'status' was removed from object type 'Roster' | replaced by publishedAt |";

    const released = releaseChangelog(changelogAccepting(row), '2027-01-04');

    expect(acceptedBreakingChanges(changelogAccepting(row))).toHaveLength(1);
    expect(acceptedBreakingChanges(released)).toEqual([]);
    expect(released.indexOf('## Released 2027-01-04')).toBeLessThan(released.indexOf(row));
    expect(released.indexOf('## Unreleased')).toBeLessThan(released.indexOf('## Released 2027-01-04'));
  });
});

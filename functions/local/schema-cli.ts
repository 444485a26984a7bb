import './graphql-text-require';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExecutableSchema } from '../api/schema';
import {
  CONTRACT_FILES,
  REPOSITORY,
  acceptedBreakingChanges,
  breakingChanges,
  printContract,
  printReleased,
  releaseChangelog,
  unrecorded,
  unrecordedMessage,
} from './schema-contract';

const USAGE = 'usage: npm run schema (rewrite schema.graphql) | npm run schema:release (make it the released contract)';
const path = (file: string) => join(REPOSITORY, file);
const read = (file: string) => readFileSync(path(file), 'utf8');

/**
 * `npm run schema`: rewrites schema.graphql from the schema the server builds, then says which
 * breaking changes since the released contract the changelog does not accept yet (npm test fails
 * on them). `npm run schema:release`: the same, refused while such changes remain; then the file
 * becomes the released contract and the changelog's "Unreleased" section is dated.
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'write';
  if (command !== 'write' && command !== 'release') fail(USAGE, 2);
  const schema = buildExecutableSchema();
  const changelog = read(CONTRACT_FILES.changes);
  const pending = unrecorded(await breakingChanges(read(CONTRACT_FILES.released), schema), acceptedBreakingChanges(changelog));
  if (command === 'release' && pending.length > 0) fail(unrecordedMessage(pending), 1);

  writeFileSync(path(CONTRACT_FILES.schema), printContract(schema));
  console.log(`wrote ${CONTRACT_FILES.schema}`);
  if (command === 'release') {
    writeFileSync(path(CONTRACT_FILES.released), printReleased(schema));
    writeFileSync(path(CONTRACT_FILES.changes), releaseChangelog(changelog, new Date().toISOString().slice(0, 10)));
    console.log(`wrote ${CONTRACT_FILES.released}; dated the released section of ${CONTRACT_FILES.changes}`);
  } else if (pending.length > 0) {
    console.warn(`\n${unrecordedMessage(pending)}\n\nnpm test fails until then.`);
  }
}

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

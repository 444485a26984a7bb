import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { buildExecutableSchema } from '../../../functions/api/schema';
import { importsOf, sourceFiles } from '../architecture/import-graph';

// The example's types are generated and checked by `npm run example:check` (npm test's pretest);
// this keeps its documents valid against the schema the server builds even when jest runs alone.

const SOURCES = join(__dirname, '..', '..', '..', 'examples', 'typed-client', 'src');

/** The documents of the example: the literal of every graphql(`…`) call in its sources. */
function exampleDocuments(): { file: string; document: DocumentNode }[] {
  return readdirSync(SOURCES)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(SOURCES, file), 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)].map((match) => ({ file, document: parse(match[1]!) })));
}

test('given the typed client example, when its documents are validated together against the runtime schema, then there is no error', () => {
  const documents = exampleDocuments();
  const all: DocumentNode = { kind: Kind.DOCUMENT, definitions: documents.flatMap(({ document }) => document.definitions) };

  expect(validate(buildExecutableSchema(), all).map(String)).toEqual([]);
});

test('given the typed client example, when its operations are listed, then it covers the station list, the issue workflow and the week’s roster', () => {
  const operations = exampleDocuments()
    .flatMap(({ document }) => document.definitions)
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => operation.name?.value);

  expect(operations.sort()).toEqual(['AssignIssue', 'CloseIssue', 'PublishRoster', 'ReportIssue', 'ResolveIssue', 'StartIssue', 'StationList', 'WeekRoster']);
});

test('given the sources of functions/ and infra/, when their imports are read, then none reaches examples/ (the example stays out of every bundle)', () => {
  const reaching = [...sourceFiles('functions'), ...sourceFiles('infra')].filter((file) => importsOf(file).some((target) => target.startsWith('examples/')));

  expect(reaching).toEqual([]);
});

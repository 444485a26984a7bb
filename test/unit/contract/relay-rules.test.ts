import { join, resolve } from 'node:path';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { ESLint } from 'eslint';

const repoRoot = resolve(__dirname, '..', '..', '..');

/**
 * The Relay connection rules of @graphql-eslint, over the published schema.graphql: connection
 * and edge types, PageInfo's four fields, and paging arguments. Lists page forward only
 * (DynamoDB reads one way per request), so `relay-arguments` asks for `first`/`after` alone.
 */
const relayRules = {
  '@graphql-eslint/relay-connection-types': 'error',
  '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
  '@graphql-eslint/relay-page-info': 'error',
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
} as const;

async function lintSchema(rules: Record<string, unknown>) {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: join(repoRoot, 'schema.graphql') } } },
        plugins: { '@graphql-eslint': graphqlPlugin as never },
        rules: rules as never,
      },
    ],
  });
  const [result] = await eslint.lintFiles([join(repoRoot, 'schema.graphql')]);
  return result!.messages.map((message) => `${message.ruleId}: ${message.line}: ${message.message}`);
}

test('given the published schema, when linted with the Relay connection rules, then there is no finding', async () => {
  expect(await lintSchema(relayRules)).toEqual([]);
});

test('given the rules, when they are read, then each is one the plugin has (so a renamed rule cannot pass silently)', () => {
  const known = Object.keys(graphqlPlugin.rules ?? {});
  expect(Object.keys(relayRules).map((rule) => rule.replace('@graphql-eslint/', '')).filter((rule) => !known.includes(rule))).toEqual([]);
});

import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataTable } from '../../infra/constructs/data-table';
import { DomainEvents, RELAY_RETRIES, STREAM_ACTIONS } from '../../infra/constructs/domain-events';
import { logicalIdOf } from '../../infra/nag-acknowledgements';

jest.setTimeout(300_000);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The construct in a stack of its own, with the district table and a bus, cdk-nag on, assets not bundled (templates only). */
const outdir = mkdtempSync(join(tmpdir(), 'ccs-events-'));
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new Stack(app, 'DomainEventsTest', { env: { account: '123456789012', region: 'cn-north-1' } });
const { table } = new DataTable(stack, 'Data');
const eventBus = new EventBus(stack, 'Bus');
const events = new DomainEvents(stack, 'Events', { table, eventBus, serviceName: 'ccs-dingnan' });
const assembly = app.synth();
const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const arnOf = (construct: Parameters<typeof logicalIdOf>[0]) => ({ 'Fn::GetAtt': [logicalIdOf(construct), 'Arn'] });
const relayStatements = (): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === logicalIdOf(events.role)))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);

describe('domain events relay', () => {
  test('given the district table, when synthesized, then its stream carries new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  test('given the relay, when synthesized, then it reads the table stream filtered to outbox inserts, reports partial batch failures and dead-letters to its queue', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(table), 'StreamArn'] },
      FunctionName: { Ref: logicalIdOf(events.function) },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: RELAY_RETRIES,
      DestinationConfig: { OnFailure: { Destination: arnOf(events.deadLetterQueue) } },
    });
    const patterns = (mappings[0]!.Properties.FilterCriteria.Filters as { Pattern: string }[]).map((filter) => JSON.parse(filter.Pattern));
    expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { Keys: { SK: { S: [{ prefix: 'OUTBOX#' }] } } } }]);
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  test('given the relay function, when synthesized, then it runs Node.js 22 on ARM64 and publishes to the bus it is given', () => {
    const resource = template.findResources('AWS::Lambda::Function')[logicalIdOf(events.function)]!;
    expect(resource.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: { Variables: expect.objectContaining({ EVENT_BUS_NAME: { Ref: logicalIdOf(eventBus) } }) },
    });
    expect(resource.Properties.Environment.Variables).not.toHaveProperty('TABLE_NAME');
  });

  test('given the relay role, when read, then it may read this table\'s stream, put events on this bus and send to its queue, nothing more', () => {
    const statements = relayStatements();
    const byAction = (prefix: string) => statements.filter((statement) => asList(statement.Action).some((action) => action.startsWith(prefix)));
    expect(byAction('dynamodb:').every((statement) => JSON.stringify(statement.Resource) === JSON.stringify({ 'Fn::GetAtt': [logicalIdOf(table), 'StreamArn'] }))).toBe(true);
    expect(byAction('dynamodb:').flatMap((statement) => asList(statement.Action)).sort()).toEqual([...new Set(STREAM_ACTIONS)].sort());
    expect(byAction('events:')).toEqual([expect.objectContaining({ Action: 'events:PutEvents', Resource: arnOf(eventBus) })]);
    expect(byAction('sqs:').every((statement) => JSON.stringify(statement.Resource) === JSON.stringify(arnOf(events.deadLetterQueue)))).toBe(true);
    for (const statement of statements) {
      expect(asList(statement.Resource)).not.toContain('*');
      for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
    }
  });

  test('given cdk-nag\'s AWS Solutions rules, when the stack is synthesized, then no finding is left unacknowledged', () => {
    const errors = assembly.getStackArtifact(stack.artifactId).messages.filter((message) => message.level === 'error');
    expect(errors.map((message) => message.entry.data)).toEqual([]);
  });
});

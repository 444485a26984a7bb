import { Match, Template } from 'aws-cdk-lib/assertions';
import { ROLES } from '../../functions/domain/caller';
import { PERSONAL_ATTRIBUTES, projectionOf, tableDefinition } from '../../functions/store/table-definition';
import { PUBLIC_RESERVED_CONCURRENCY } from '../../infra/api-stack';
import { PUBLIC_ROUTE_THROTTLE } from '../../infra/constructs/http-api';
import { corsPolicy } from '../../infra/cors-policy';
import { logicalIdOf as logicalIdOfConstruct } from '../../infra/nag-acknowledgements';
import { apiFunctionId, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

// Synthesis bundles the Lambda with esbuild: once per file, with room to spare.
jest.setTimeout(300_000);

let synthesized: SynthesizedStack;
let template: Template;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  template = synthesized.template;
});

afterAll(() => synthesized.cleanup());

/** Logical id of the one resource of `type`. */
function onlyResourceId(type: string): string {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

/** Logical id of the one Secrets Manager secret whose id starts with `prefix` (the cursor key's, the webhook key's). */
function secretId(prefix: 'GraphqlFunctionCursorKey' | 'WebhookKey'): string {
  const ids = Object.keys(template.findResources('AWS::SecretsManager::Secret')).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

function stringKeys(partitionKey: string, sortKey: string) {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    { AttributeName: sortKey, KeyType: 'RANGE' },
  ];
}

describe('DynamoDB table', () => {
  test('given the dingnan stack, when synthesized, then the table keys and indexes equal tableDefinition', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: stringKeys(tableDefinition.partitionKey, tableDefinition.sortKey),
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: stringKeys(index.partitionKey, index.sortKey),
        Projection: projectionOf(index),
      })),
      AttributeDefinitions: Match.arrayWith(
        [
          tableDefinition.partitionKey,
          tableDefinition.sortKey,
          ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
        ].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
    });
  });

  test('given the dingnan stack, when synthesized, then no index projects all attributes nor any personal one', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table')) as { Properties: { GlobalSecondaryIndexes: { Projection: { ProjectionType: string; NonKeyAttributes?: string[] } }[] } }[];
    const projections = table!.Properties.GlobalSecondaryIndexes.map((index) => index.Projection);

    expect(projections).toHaveLength(tableDefinition.globalSecondaryIndexes.length);
    for (const projection of projections) {
      expect(projection.ProjectionType).not.toBe('ALL');
      for (const attribute of PERSONAL_ATTRIBUTES) expect(projection.NonKeyAttributes ?? []).not.toContain(attribute);
    }
  });

  test('given the dingnan stack, when synthesized, then the table is on-demand with point-in-time recovery and deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  test('given the dingnan stack, when synthesized, then the table is retained on stack deletion and replacement', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('public function', () => {
  test('given the dingnan stack, when synthesized, then /public/graphql reaches its own function, with reserved concurrency', () => {
    const publicId = logicalIdOfConstruct(synthesized.stack.publicFunction);
    const functions = template.findResources('AWS::Lambda::Function');

    expect(functions[publicId]!.Properties.ReservedConcurrentExecutions).toBe(PUBLIC_RESERVED_CONCURRENCY);
    expect(functions[apiFunctionId(synthesized.stack)]!.Properties.ReservedConcurrentExecutions).toBeUndefined();
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')).map((integration) => JSON.stringify(integration.Properties.IntegrationUri));
    expect(integrations.some((uri) => uri.includes(publicId))).toBe(true);
    expect(integrations.some((uri) => uri.includes(apiFunctionId(synthesized.stack)))).toBe(true);
  });

  test('given the dingnan stack, when synthesized, then the public route has its own throttle, below the stage\'s', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: {
        'POST /public/graphql': { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit },
        'GET /public/graphql': { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit },
      },
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }),
    });
  });
});

describe('API function', () => {
  test('given the dingnan stack, when synthesized, then the function runs Node.js 22 on arm64 with 512 MB and 10 s', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Timeout: 10,
    });
  });

  test('given the dingnan stack, when synthesized, then TABLE_NAME refers to the table, DISTRICT_ID names the district, CURSOR_KEY_SECRET_ARN the cursor key secret, the runtime env is production and source maps are not parsed at start', () => {
    const environment = template.findResources('AWS::Lambda::Function')[apiFunctionId(synthesized.stack)]!.Properties.Environment as {
      Variables: Record<string, unknown>;
    };

    // No NODE_OPTIONS=--enable-source-maps: parsing the map costs 40–60 ms of every cold start (docs/performance.md).
    expect(environment.Variables).toEqual({
      TABLE_NAME: { Ref: onlyResourceId('AWS::DynamoDB::Table') },
      DISTRICT_ID: 'dingnan',
      CURSOR_KEY_SECRET_ARN: { Ref: secretId('GraphqlFunctionCursorKey') },
      WEBHOOK_SECRET_KEY_SECRET_ARN: { Ref: secretId('WebhookKey') },
      NODE_ENV: 'production',
      POWERTOOLS_SERVICE_NAME: 'community-city-services-dingnan',
      PHOTO_BUCKET: { Ref: onlyResourceId('AWS::S3::Bucket') },
    });
  });

  test('given the dingnan stack, when synthesized, then the function logs to its own log group kept six months', () => {
    const logGroup = (template.findResources('AWS::Lambda::Function')[apiFunctionId(synthesized.stack)]!.Properties.LoggingConfig as {
      LogGroup: { Ref: string };
    }).LogGroup.Ref;
    expect(template.findResources('AWS::Logs::LogGroup')[logGroup]!.Properties).toMatchObject({ RetentionInDays: 180 });
  });
});

describe('webhook key', () => {
  test('given the dingnan stack, when synthesized, then the key of the webhook secrets is a generated secret of its own, kept if the stack goes', () => {
    const secret = template.findResources('AWS::SecretsManager::Secret')[secretId('WebhookKey')]!;

    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.DeletionPolicy).toBe('Retain');
  });
});

describe('cursor key', () => {
  test('given the dingnan stack, when synthesized, then the cursor key is one secret Secrets Manager generates for this deployment (no value in the template)', () => {
    const secret = template.findResources('AWS::SecretsManager::Secret')[secretId('GraphqlFunctionCursorKey')]!;

    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.KmsKeyId).toBeUndefined();
    expect(secret.DeletionPolicy).toBe('Delete');
  });
});

describe('Cognito', () => {
  test('given the dingnan stack, when synthesized, then only administrators create users and district is immutable', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'district', AttributeDataType: 'String', Mutable: false }),
        Match.objectLike({ Name: 'officerId', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  test('given the dingnan stack, when synthesized, then passwords are long and mixed, and authenticator-app MFA is offered', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  test('given the dingnan stack, when synthesized, then a user pool group exists for every role', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  test('given the dingnan stack, when synthesized, then the client cannot write the district or officer id', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      WriteAttributes: ['name'],
    });
  });
});

describe('HTTP API', () => {
  function routeFor(routeKey: string): Record<string, unknown> {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
    expect(routes).toHaveLength(1);
    return routes[0]!.Properties as Record<string, unknown>;
  }

  test('given the dingnan stack, when synthesized, then the JWT authorizer trusts the pool as issuer and the client as audience', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [onlyResourceId('AWS::Cognito::UserPool'), 'ProviderURL'] }]] },
        Audience: [{ Ref: onlyResourceId('AWS::Cognito::UserPoolClient') }],
      },
    });
  });

  test.each(['POST /graphql', 'GET /graphql'])(
    'given the dingnan stack, when synthesized, then %s requires the JWT authorizer',
    (routeKey) => {
      expect(routeFor(routeKey)).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: onlyResourceId('AWS::ApiGatewayV2::Authorizer') },
      });
    },
  );

  test.each(['POST /public/graphql', 'GET /public/graphql'])(
    'given the dingnan stack, when synthesized, then %s has no authorizer',
    (routeKey) => {
      const route = routeFor(routeKey);
      expect(route.AuthorizationType).toBe('NONE');
      expect(route.AuthorizerId).toBeUndefined();
    },
  );

  test('given the dingnan stack, when synthesized, then /graphql reaches the staff function and /public/graphql the public one, with payload 2.0', () => {
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const integrationOf = (functionId: string) =>
      Object.keys(integrations).find((id) => JSON.stringify(integrations[id]!.Properties.IntegrationUri) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }))!;
    for (const integration of Object.values(integrations)) expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    const staff = integrationOf(apiFunctionId(synthesized.stack));
    const publicOne = integrationOf(logicalIdOfConstruct(synthesized.stack.publicFunction));

    for (const routeKey of ['POST /graphql', 'GET /graphql']) expect(routeFor(routeKey).Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: staff }]] });
    for (const routeKey of ['POST /public/graphql', 'GET /public/graphql']) expect(routeFor(routeKey).Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: publicOne }]] });
  });

  test('given no CORS origins, when synthesized, then preflight allows the GraphQL methods and the headers browser clients send, but no origin', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowMethods: ['POST', 'GET', 'OPTIONS'],
        AllowHeaders: [
          'content-type',
          'authorization',
          'apollo-require-preflight',
          'apollographql-client-name',
          'apollographql-client-version',
          'x-apollo-operation-name',
          'accept-language',
        ],
        MaxAge: 3600,
        AllowOrigins: Match.absent(),
      },
    });
  });

  test('given the CORS configuration, when compared with the local server\'s policy, then both come from the one shared list', () => {
    const api = Object.values(template.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties as {
      CorsConfiguration: { AllowMethods: string[]; AllowHeaders: string[]; MaxAge: number };
    };
    expect(api.CorsConfiguration).toMatchObject({
      AllowMethods: [...corsPolicy.allowMethods],
      AllowHeaders: [...corsPolicy.allowHeaders],
      MaxAge: corsPolicy.maxAgeSeconds,
    });
  });

  test('given the dingnan stack, when synthesized, then the stage writes an access log line per request to a log group kept six months', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties as {
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    };
    const [logGroupId] = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'];
    expect(template.findResources('AWS::Logs::LogGroup')[logGroupId]!.Properties).toMatchObject({ RetentionInDays: 180 });
    expect(stage.AccessLogSettings.Format).toContain('$context.requestId');
  });

  test('given the dingnan stack, when synthesized, then the default stage auto-deploys with throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
  });
});

describe('outputs', () => {
  test('given the dingnan stack, when synthesized, then it outputs the API URL, user pool, client and table name', () => {
    template.hasOutput('ApiUrl', {});
    template.hasOutput('UserPoolId', { Value: { Ref: onlyResourceId('AWS::Cognito::UserPool') } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: onlyResourceId('AWS::Cognito::UserPoolClient') } });
    template.hasOutput('TableName', { Value: { Ref: onlyResourceId('AWS::DynamoDB::Table') } });
  });
});

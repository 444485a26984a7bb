import { Duration, Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpNoneAuthorizer, PayloadFormatVersion, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { open311Bundle } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

/** What Open311 does to the table: reads by key and index, and a report's one transaction (puts, counters, checks). No Scan, no delete. */
export const OPEN311_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

export interface Open311FunctionProps {
  api: HttpApi;
  table: ITable;
  serviceName: string;
  districtId: string;
}

/**
 * Open311 GeoReport v2 at `/open311/v2/{proxy+}` (GET and POST, no authorizer: civic-tech
 * clients report without an account, under the service-code rule and the public rate limits).
 * Its own function and bundle, so the GraphQL API's size and cold start are not its concern;
 * its role writes its log group and does the actions above on the district table.
 */
export class Open311Function extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: Open311FunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Open311: its log group and the district table, nothing else',
    });
    logGroup.grantWrite(role);
    props.table.grant(role, ...OPEN311_TABLE_ACTIONS);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason: 'Open311 lists read the district timeline index; the wildcard covers the indexes of this one table only.',
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: open311Bundle.entry,
      handler: open311Bundle.handlerExport,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      environment: { TABLE_NAME: props.table.tableName, DISTRICT_ID: props.districtId, POWERTOOLS_SERVICE_NAME: props.serviceName, NODE_ENV: 'production' },
      bundling: nodejsBundling(open311Bundle),
    });
    acknowledgeNodeRuntime(this.function);
    const integration = new HttpLambdaIntegration('Open311', this.function, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 });
    const routes = props.api.addRoutes({ path: '/open311/v2/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST], integration, authorizer: new HttpNoneAuthorizer() });
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Public on purpose: Open311 clients report and read the public projection without an account, under the service-code rule and the public rate limits; the stage is throttled.',
      });
    }
  }
}

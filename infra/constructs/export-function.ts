import { Duration, Validations } from 'aws-cdk-lib';
import { HttpMethod, PayloadFormatVersion, type HttpApi, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { exportBundle } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

/** What the exports do to the table: read by key and index. Nothing else: they send stored reports and count KPIs. */
export const EXPORT_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

export interface ExportFunctionProps {
  api: HttpApi;
  /** The staff route's JWT authorizer (infra/constructs/http-api.ts): the same tokens, the same district. */
  authorizer: IHttpRouteAuthorizer;
  table: ITable;
  serviceName: string;
  districtId: string;
  /** The JSON of the district's claim mapping when its staff sign in through an OIDC provider, as the API gets it. */
  claimMapping?: string;
}

/**
 * Downloads for front ends at `GET /exports/{kind}` (compliance, roster, kpis; CSV or XLSX),
 * behind the staff route's JWT authorizer. Its own function and bundle, the only one with
 * exceljs, so neither GraphQL function carries it. Its role writes its log group and reads the
 * district table, nothing else. 29 s: API Gateway waits 30 s at most for an integration; a
 * month of KPIs reads one day bucket per station and grid.
 */
export class ExportFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ExportFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Exports: its log group and reading the district table, nothing else',
    });
    logGroup.grantWrite(role);
    props.table.grant(role, ...EXPORT_TABLE_ACTIONS);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason: 'Exports read the district table\'s indexes (stations, grids, officers, open issues past due); the wildcard covers the indexes of this one table only.',
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: exportBundle.entry,
      handler: exportBundle.handlerExport,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // exceljs builds the workbook in memory; more memory is also more CPU for the zip.
      memorySize: 1024,
      timeout: Duration.seconds(29),
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        DISTRICT_ID: props.districtId,
        POWERTOOLS_SERVICE_NAME: `${props.serviceName}-exports`,
        NODE_ENV: 'production',
        ...(props.claimMapping ? { IDENTITY_CLAIM_MAPPING: props.claimMapping } : {}),
      },
      bundling: nodejsBundling(exportBundle),
    });
    acknowledgeNodeRuntime(this.function);
    const integration = new HttpLambdaIntegration('Exports', this.function, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 });
    props.api.addRoutes({ path: '/exports/{kind}', methods: [HttpMethod.GET], integration, authorizer: props.authorizer });
  }
}

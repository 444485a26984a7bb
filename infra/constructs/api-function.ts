import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { apiBundle } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { CursorKey } from './cursor-key';
import { nodejsBundling } from './nodejs-bundling';

/**
 * The only DynamoDB actions the API performs. No Scan: every request path uses keys.
 * TransactWriteItems is authorised through the per-item actions it contains.
 */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
] as const;

export interface ApiFunctionProps {
  table: ITable;
  serviceName: string;
  /** The district this deployment serves: callers whose token names another are anonymous (functions/api/auth/deployment-district.ts). */
  districtId: string;
  /** What to bundle: the staff API (default) or the public function's entry (infra/api-bundling.ts). */
  bundle?: typeof apiBundle;
  /** The cursor key to share (the public function uses the staff API's); a new one when absent. */
  cursorKey?: CursorKey;
  /** Concurrency reserved for, and capping, this function. */
  reservedConcurrentExecutions?: number;
  /** Its role's description. */
  description?: string;
}

/**
 * The GraphQL Lambda, bundled by esbuild on the host (no Docker) from the same settings as the
 * local server's bundle (infra/api-bundling.ts). Its role is explicit and least-privilege: writes
 * to its own log group, the data actions above on the table and its indexes, and reading its
 * cursor key's secret, nothing else (the basic execution managed policy would grant logs on `*`).
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly cursorKey: CursorKey;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description ?? 'GraphQL API: its log group, the district table and its cursor key, nothing else',
    });
    this.logGroup.grantWrite(role);
    this.cursorKey = props.cursorKey ?? new CursorKey(this, 'CursorKey');
    this.cursorKey.grantRead(role);
    props.table.grant(role, ...API_TABLE_ACTIONS);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason: 'Queries read the district table\'s global secondary indexes (issue lists by status, station, grid…); the wildcard covers the indexes of this one table only.',
    });

    const bundle = props.bundle ?? apiBundle;
    this.function = new NodejsFunction(this, 'Function', {
      entry: bundle.entry,
      handler: bundle.handlerExport,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        DISTRICT_ID: props.districtId,
        CURSOR_KEY_SECRET_ARN: this.cursorKey.secret.secretArn,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        NODE_ENV: 'production',
      },
      bundling: nodejsBundling(bundle),
      ...(props.reservedConcurrentExecutions ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
    });
    acknowledgeNodeRuntime(this.function);
  }
}

import { createHash } from 'node:crypto';
import { CustomResource, Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { DistrictFile } from '../../functions/domain/district-file';
import type { OnboardingProperties } from '../../functions/onboarding/handler';
import { onboardingBundle } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

/**
 * The only DynamoDB actions the onboarding sync performs (functions/store/onboarding): reads by
 * key and one Query per entity type, and transactions of puts, updates, claim deletes and
 * condition checks, which TransactWriteItems authorises through these per-item actions.
 * No Scan, no BatchWriteItem, no index access.
 */
export const ONBOARDING_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

export interface DistrictOnboardingProps {
  table: ITable;
  district: DistrictFile;
  serviceName: string;
}

/**
 * Loads the district file's starting data into the table on every deploy that changes the
 * file, through a custom resource:
 *
 * - the onboarding Lambda (functions/onboarding/handler.ts), bundled like the API, runs the same
 *   sync as `npm start`: creates what is missing, updates what the file changed, deactivates
 *   stations and officers the file dropped, deletes nothing, and writes nothing for an
 *   unchanged file. Its role reaches this stack's table only, with the actions above;
 * - the CDK provider framework sits in front of it: it speaks CloudFormation's response
 *   protocol (a presigned S3 URL) and reports the sync's error message as the deploy's failure
 *   reason, so this project carries no response-protocol code of its own;
 * - the validated file is built into the function's code; the resource's only property is its
 *   SHA-256, so CloudFormation sends an Update exactly when the file changed, and none when it
 *   did not, and no phone number or e-mail passes through CloudFormation events or their logs.
 *
 * Deleting the stack sends a Delete, which the handler answers without touching data; the
 * table itself is retained.
 */
export class DistrictOnboarding extends Construct {
  readonly function: NodejsFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: DistrictOnboardingProps) {
    super(scope, id);
    const districtFileJson = JSON.stringify(props.district);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'District onboarding sync: its log group and the district table, nothing else',
    });
    logGroup.grantWrite(role);
    // The table itself, not its indexes (Table.grant would add those): the sync reads by primary key.
    role.addToPolicy(new PolicyStatement({ actions: [...ONBOARDING_TABLE_ACTIONS], resources: [props.table.tableArn] }));

    this.function = new NodejsFunction(this, 'Function', {
      entry: onboardingBundle.entry,
      handler: onboardingBundle.handlerExport,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      // Hundreds of entities at one transaction each take seconds; the provider waits up to 15 minutes.
      timeout: Duration.minutes(5),
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        DISTRICT_ID: props.district.id,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `${props.serviceName}-onboarding`,
      },
      // The file goes into the code, not the resource's properties: see OnboardingProperties.
      bundling: { ...nodejsBundling(onboardingBundle), define: { EMBEDDED_DISTRICT_FILE: JSON.stringify(districtFileJson) } },
    });
    acknowledgeNodeRuntime(this.function);

    // The framework's own function gets an explicit role too: its log group and invoking the
    // onboarding function (granted by Provider), instead of the managed basic-execution policy.
    const frameworkLogs = new LogGroup(this, 'ProviderLogs', { retention: RetentionDays.ONE_MONTH });
    const frameworkRole = new Role(this, 'ProviderRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Custom resource provider framework: its log group and invoking the onboarding function',
    });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.function,
      frameworkOnEventRole: frameworkRole,
      logGroup: frameworkLogs,
    });
    Validations.of(frameworkRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(this.function)}.Arn>:*]`,
      reason: 'Granted by Provider so the framework can invoke the onboarding function by any version or alias; it names that one function.',
    });

    const properties: OnboardingProperties = { DistrictFileSha256: createHash('sha256').update(districtFileJson).digest('hex') };
    this.resource = new CustomResource(this, 'DistrictData', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::DistrictData',
      properties,
    });
  }
}

import { AspectPriority, Aspects, CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { ENABLE_PARTITION_LITERALS } from 'aws-cdk-lib/cx-api';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { DistrictFile } from '../functions/domain/district-file';
import { DISTRICT_ID_PATTERN } from '../functions/domain/vocabulary';
import { claimMappingOf } from '../functions/domain/deployment/identity';
import { publicApiBundle } from './api-bundling';
import { ApiFunction } from './constructs/api-function';
import { ApiCustomDomain } from './constructs/custom-domain';
import { DataTable } from './constructs/data-table';
import { DistrictIdentity } from './constructs/district-identity';
import { DistrictKeys } from './constructs/district-keys';
import { DistrictOnboarding } from './constructs/district-onboarding';
import { DomainEvents } from './constructs/domain-events';
import { DutySchedules } from './constructs/duty-schedules';
import { GraphqlHttpApi } from './constructs/http-api';
import { Open311Function } from './constructs/open311-function';
import { ExportFunction } from './constructs/export-function';
import { ResidentPages } from './constructs/resident-pages';
import { InitialAdmins } from './constructs/initial-admins';
import { LogAndQueuePolicy } from './constructs/log-and-queue-policy';
import { ActiveTracing } from './constructs/active-tracing';
import { TraceSampling } from './constructs/trace-sampling';
import { OperationalAlarms } from './constructs/operational-alarms';
import { WebhookDelivery } from './constructs/webhook-delivery';
import { WebhookKey } from './constructs/webhook-key';
import { PersonalDataErasure } from './constructs/personal-data-erasure';
import { PhotoStorage } from './constructs/photo-storage';


export interface ApiStackProps extends StackProps {
  /**
   * The district's validated onboarding file (infra/districts/<id>.json): its id names the
   * stack's resources, its origins are the API's CORS origins, its admins and starting data are
   * loaded on deploy. One stack, table and user pool per district.
   */
  district: DistrictFile;
}

/** Stack ids are stable per district: renaming one would replace the stack and its resources. */
/**
 * What the public function may use at once, reserved for it and capping it: a flood of anonymous
 * calls meets this ceiling (and the route's throttle) while the staff API keeps the rest of the
 * account's concurrency. Needs an account limit well above it (the default of 1 000 is).
 */
export const PUBLIC_RESERVED_CONCURRENCY = 20;

export function apiStackId(districtId: string): string {
  return `CommunityCityServices-${districtId}`;
}

/**
 * One district's deployment: its table, its staff directory with the first administrators, the
 * GraphQL Lambda and the HTTP API, and the custom resource that loads the district file.
 * Nothing in it refers to another district's resources: each stack is a tenant of its own.
 */
export class ApiStack extends Stack {
  readonly district: DistrictFile;
  readonly table: Table;
  readonly apiFunction: NodejsFunction;
  /** The function behind `/public/graphql`, with its own reserved concurrency. */
  readonly publicFunction: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    // The district file's region, if it names one, is the stack's: ARNs then name its partition (aws-cn in China).
    super(scope, id, { ...props, env: props.env ?? (props.district.region ? { region: props.district.region } : undefined) });
    this.node.setContext(ENABLE_PARTITION_LITERALS, true);
    const districtId = props.district.id;
    if (!DISTRICT_ID_PATTERN.test(districtId)) {
      throw new Error(`Invalid district id "${districtId}": expected ${DISTRICT_ID_PATTERN}`);
    }
    this.district = props.district;
    Tags.of(this).add('district', districtId);

    const name = `community-city-services-${districtId}`;
    const keys = new DistrictKeys(this, 'Keys', { districtId });
    Aspects.of(this).add(new LogAndQueuePolicy({ retentionDays: props.district.logRetentionDays, logsKey: keys.logs, queuesKey: keys.queues }), {
      priority: AspectPriority.MUTATING,
    });
    Aspects.of(this).add(new ActiveTracing(), { priority: AspectPriority.MUTATING });
    new TraceSampling(this, 'TraceSampling', { districtId, tracing: props.district.tracing });
    this.table = new DataTable(this, 'Data', { encryptionKey: keys.data }).table;
    const identity = new DistrictIdentity(this, 'Identity', { identity: props.district.identity, region: this.region, userPoolName: name });
    const staffApi = new ApiFunction(this, 'GraphqlFunction', { table: this.table, serviceName: name, districtId });
    this.apiFunction = staffApi.function;
    this.publicFunction = new ApiFunction(this, 'PublicGraphqlFunction', {
      table: this.table,
      serviceName: `${name}-public`,
      districtId,
      bundle: publicApiBundle,
      cursorKey: staffApi.cursorKey,
      reservedConcurrentExecutions: PUBLIC_RESERVED_CONCURRENCY,
      description: 'Public GraphQL API: its log group, the district table and the cursor key, nothing else',
    }).function;
    if (props.district.identity.kind === 'oidc') {
      this.apiFunction.addEnvironment('IDENTITY_CLAIM_MAPPING', JSON.stringify(claimMappingOf(props.district.identity)));
    }
    const http = new GraphqlHttpApi(this, 'Http', {
      apiName: name,
      handler: this.apiFunction,
      publicHandler: this.publicFunction,
      jwtIssuer: identity.issuer,
      jwtAudience: identity.audience,
      corsAllowOrigins: props.district.allowedOrigins,
    });
    const open311 = new Open311Function(this, 'Open311', { api: http.api, table: this.table, serviceName: name, districtId });
    const exportsFunction = new ExportFunction(this, 'Exports', {
      api: http.api,
      authorizer: http.authorizer,
      table: this.table,
      serviceName: name,
      districtId,
      ...(props.district.identity.kind === 'oidc' ? { claimMapping: JSON.stringify(claimMappingOf(props.district.identity)) } : {}),
    });
    if (props.district.domain) new ApiCustomDomain(this, 'Domain', { domain: props.district.domain, api: http.api, stage: http.stage });
    // Photos: the district's front ends and the API's own origin (its report page) upload.
    const photos = new PhotoStorage(this, 'Photos', { serviceName: name, allowedOrigins: [...props.district.allowedOrigins, http.api.apiEndpoint] });
    for (const api of [this.apiFunction, this.publicFunction]) {
      photos.grantApi(api);
      api.addEnvironment('PHOTO_BUCKET', photos.bucket.bucketName);
    }
    const pages = new ResidentPages(this, 'ResidentPages', { api: http.api, serviceName: name });
    const onboarding = new DistrictOnboarding(this, 'Onboarding', { table: this.table, district: props.district, serviceName: name });
    // A Cognito district's first administrators; an OIDC district's are its provider's business.
    if (identity.users) {
      new InitialAdmins(this, 'InitialAdmins', {
        userPool: identity.users.userPool,
        adminGroup: identity.users.groups.ADMIN,
        districtId,
        emails: props.district.adminEmails,
      });
    }
    // Next week's roster every Friday 18:00 and last week's compliance every Monday 02:00, district time.
    const duty = new DutySchedules(this, 'Duty', { table: this.table, districtId, timezone: props.district.timezone, serviceName: name });
    // Webhooks: the API seals the endpoints' secrets with the key, the delivery functions open them; events come from the district's bus.
    const webhookKey = new WebhookKey(this, 'WebhookKey');
    webhookKey.grantRead(this.apiFunction);
    this.apiFunction.addEnvironment('WEBHOOK_SECRET_KEY_SECRET_ARN', webhookKey.secret.secretArn);
    const webhooks = new WebhookDelivery(this, 'Webhooks', { table: this.table, districtId, eventBus: duty.eventBus, key: webhookKey, serviceName: name });
    const events = new DomainEvents(this, 'Events', { table: this.table, eventBus: duty.eventBus, serviceName: name });
    // Reporters' data of issues closed longer than the district's retention, erased daily.
    const erasure = new PersonalDataErasure(this, 'Erasure', {
      table: this.table,
      districtId,
      timezone: props.district.timezone,
      retentionDays: props.district.personalDataRetentionDays,
      serviceName: name,
      deadLetterQueue: duty.deadLetterQueue,
    });
    new OperationalAlarms(this, 'Alarms', {
      api: http.api,
      functions: {
        Api: this.apiFunction,
        PublicApi: this.publicFunction,
        Open311: open311.function,
        Exports: exportsFunction.function,
        Pages: pages.function,
        Photos: photos.processor.function,
        Roster: duty.rosterFunction,
        Compliance: duty.complianceFunction,
        Onboarding: onboarding.function,
        Relay: events.function,
        WebhookDelivery: webhooks.deliveryFunction,
        WebhookSweeper: webhooks.sweeperFunction,
        Erasure: erasure.function,
      },
      deadLetterQueues: { Duty: duty.deadLetterQueue, Relay: events.deadLetterQueue, Webhook: webhooks.deadLetterQueue },
      alarmName: (suffix) => `${name}-${suffix}`,
      topicKey: keys.alarms,
    });

    new CfnOutput(this, 'ApiUrl', { value: http.stage.url, description: 'Base URL: append graphql or public/graphql' });
    if (identity.users) {
      new CfnOutput(this, 'UserPoolId', { value: identity.users.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: identity.users.client.userPoolClientId });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { DistrictFile } from '../functions/domain/district-file';
import { DISTRICT_ID_PATTERN } from '../functions/domain/vocabulary';
import { ApiFunction } from './constructs/api-function';
import { DataTable } from './constructs/data-table';
import { DistrictOnboarding } from './constructs/district-onboarding';
import { DutySchedules } from './constructs/duty-schedules';
import { GraphqlHttpApi } from './constructs/http-api';
import { ResidentPages } from './constructs/resident-pages';
import { InitialAdmins } from './constructs/initial-admins';
import { OperationalAlarms } from './constructs/operational-alarms';
import { UserDirectory } from './constructs/user-directory';


export interface ApiStackProps extends StackProps {
  /**
   * The district's validated onboarding file (infra/districts/<id>.json): its id names the
   * stack's resources, its origins are the API's CORS origins, its admins and starting data are
   * loaded on deploy. One stack, table and user pool per district.
   */
  district: DistrictFile;
}

/** Stack ids are stable per district: renaming one would replace the stack and its resources. */
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

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const districtId = props.district.id;
    if (!DISTRICT_ID_PATTERN.test(districtId)) {
      throw new Error(`Invalid district id "${districtId}": expected ${DISTRICT_ID_PATTERN}`);
    }
    this.district = props.district;
    Tags.of(this).add('district', districtId);

    const name = `community-city-services-${districtId}`;
    this.table = new DataTable(this, 'Data').table;
    const users = new UserDirectory(this, 'Users', { userPoolName: name });
    this.apiFunction = new ApiFunction(this, 'GraphqlFunction', { table: this.table, serviceName: name, districtId }).function;
    const http = new GraphqlHttpApi(this, 'Http', {
      apiName: name,
      handler: this.apiFunction,
      userPool: users.userPool,
      client: users.client,
      corsAllowOrigins: props.district.allowedOrigins,
    });
    new ResidentPages(this, 'ResidentPages', { api: http.api, serviceName: name });
    const onboarding = new DistrictOnboarding(this, 'Onboarding', { table: this.table, district: props.district, serviceName: name });
    new InitialAdmins(this, 'InitialAdmins', {
      userPool: users.userPool,
      adminGroup: users.groups.ADMIN,
      districtId,
      emails: props.district.adminEmails,
    });
    // Next week's roster every Friday 18:00 and last week's compliance every Monday 02:00, district time.
    const duty = new DutySchedules(this, 'Duty', { table: this.table, districtId, timezone: props.district.timezone, serviceName: name });
    new OperationalAlarms(this, 'Alarms', {
      api: http.api,
      functions: { Api: this.apiFunction, Roster: duty.rosterFunction, Compliance: duty.complianceFunction, Onboarding: onboarding.function },
      deadLetterQueue: duty.deadLetterQueue,
      alarmName: (suffix) => `${name}-${suffix}`,
    });

    new CfnOutput(this, 'ApiUrl', { value: http.stage.url, description: 'Base URL: append graphql or public/graphql' });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiFunction } from './constructs/api-function';
import { DataTable } from './constructs/data-table';
import { GraphqlHttpApi } from './constructs/http-api';
import { UserDirectory } from './constructs/user-directory';

/** The same rule the API applies to the `custom:district` claim (functions/api/auth/claims.ts). */
const DISTRICT_ID = /^[a-z][a-z0-9-]{1,39}$/;

export interface ApiStackProps extends StackProps {
  /** The tenant this stack serves, e.g. `dingnan`; one stack, table and user pool per district. */
  districtId: string;
  /** Browser origins of the district's front ends; none by default (see GraphqlHttpApiProps). */
  corsAllowOrigins?: readonly string[];
}

/** Stack ids are stable per district: renaming one would replace the stack and its resources. */
export function apiStackId(districtId: string): string {
  return `CommunityCityServices-${districtId}`;
}

/** One district's deployment: its table, its staff directory, the GraphQL Lambda and the HTTP API. */
export class ApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    if (!DISTRICT_ID.test(props.districtId)) {
      throw new Error(`Invalid district id "${props.districtId}": expected ${DISTRICT_ID}`);
    }
    Tags.of(this).add('district', props.districtId);

    const name = `community-city-services-${props.districtId}`;
    const { table } = new DataTable(this, 'Data');
    const users = new UserDirectory(this, 'Users', { userPoolName: name });
    const api = new ApiFunction(this, 'GraphqlFunction', { table, serviceName: name });
    const http = new GraphqlHttpApi(this, 'Http', {
      apiName: name,
      handler: api.function,
      userPool: users.userPool,
      client: users.client,
      corsAllowOrigins: props.corsAllowOrigins ?? [],
    });

    new CfnOutput(this, 'ApiUrl', { value: http.stage.url, description: 'Base URL: append graphql or public/graphql' });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createStore } from '../../functions/store/client';
import { readEnvironment } from '../../functions/shared/env';

/**
 * Cold-start component only (bench/cold-start.ts): the AWS SDK as the API's store creates it
 * (DynamoDB client + document client), answering one GetItem. No GraphQL: this is what any
 * handler of this API pays before its own code runs.
 */
const environment = readEnvironment();
const store = createStore({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });

export async function handler(): Promise<APIGatewayProxyStructuredResultV2> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { PK: 'COLD-START', SK: 'COLD-START' } }));
  return { statusCode: 200, body: JSON.stringify({ data: { found: Item !== undefined } }) };
}

import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createServices } from '../../app/services';
import { readExportEnvironment } from '../../shared/env';
import { tracedHandler } from '../../shared/tracing';
import { createExportServer } from './export-server';

/**
 * The export Lambda behind `GET /exports/{kind}` (the staff route's JWT authorizer): its own
 * bundle, the only one with exceljs, so the GraphQL functions stay lean. Read-only: it sends
 * the stored reports and the KPIs as files (functions/app/exports/export-report.ts).
 */
const environment = readExportEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-exports' });
const server = createExportServer({
  services: createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION }),
  claimMapping: environment.IDENTITY_CLAIM_MAPPING,
  deploymentDistrictId: environment.DISTRICT_ID,
  logError: (error) => logger.error('Export failed', { error: error as Error }),
  logRefusedToken: (reason, details) => logger.warn(reason, details),
});

export const handler = tracedHandler({ district: environment.DISTRICT_ID }, (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => server(event));

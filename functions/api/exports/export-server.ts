import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { exportReport } from '../../app/exports/export-report';
import type { Services } from '../../app/services';
import type { Caller } from '../../domain/caller';
import type { ClaimMapping } from '../../domain/deployment/identity';
import { callerFromClaims, verifiedClaimsOf } from '../auth/claims';
import { callerOfDeployment } from '../auth/deployment-district';
import { preferredLanguage } from '../i18n/accept-language';
import { errorResponse } from './error-response';
import { fileResponse } from './file-response';

export interface ExportServerOptions {
  services: Services;
  /** Which verified claims name the district, the roles and the officer (the staff API's mapping). */
  claimMapping: ClaimMapping;
  /** The district this deployment serves; absent locally, where the token's district alone scopes. */
  deploymentDistrictId?: string;
  /** Unexpected failures, for the log; the client gets a bare 500. */
  logError(error: unknown): void;
  /** A token of another district, or of an inactive officer: answered as anonymous, worth a warning. */
  logRefusedToken(reason: string, details: Record<string, unknown>): void;
}

/** The route's path: `/exports/{kind}` (the kind is checked by the use case). */
const EXPORT_PATH = /^\/exports\/([^/]+)$/;

/**
 * `GET /exports/{kind}?…` over an API Gateway (payload 2.0) event: a thin adapter. The caller
 * comes from the claims the route's JWT authorizer verified, read as the staff API reads them
 * (auth/claims.ts, auth/deployment-district.ts), and, as there, a token naming an officer who is
 * no longer active counts as no token. The district is the token's, never a parameter. The use
 * case checks the rest (who may, which parameters) and makes the file.
 */
export function createExportServer(options: ExportServerOptions) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const language = preferredLanguage(event.headers?.['accept-language']);
    try {
      const caller = await callerOf(event, options);
      const args = { ...event.queryStringParameters, kind: EXPORT_PATH.exec(event.rawPath)?.[1] };
      return fileResponse(await exportReport(options.services, caller, args));
    } catch (error) {
      return errorResponse(error, language, options.logError);
    }
  };
}

async function callerOf(event: APIGatewayProxyEventV2, options: ExportServerOptions): Promise<Caller | undefined> {
  const claimed = callerFromClaims(verifiedClaimsOf(event), options.claimMapping);
  const caller = callerOfDeployment(claimed, options.deploymentDistrictId);
  if (claimed && !caller) options.logRefusedToken('Token of another district treated as anonymous', { tokenDistrictId: claimed.districtId, deploymentDistrictId: options.deploymentDistrictId });
  if (!caller?.officerId) return caller;
  const officer = await options.services.officers.get(caller.districtId, caller.officerId);
  if (officer?.active) return caller;
  options.logRefusedToken('Token of an inactive or unknown officer treated as anonymous', { officerKnown: officer !== undefined });
  return undefined;
}

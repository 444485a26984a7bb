import { Duration, Validations } from 'aws-cdk-lib';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  PayloadFormatVersion,
  type CfnStage,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { originProblem } from '../../functions/domain/district-file';
import { corsPolicy } from '../cors-policy';

export interface GraphqlHttpApiProps {
  apiName: string;
  handler: IFunction;
  /** The district's token issuer (its Cognito user pool's or its OIDC provider's, infra/constructs/district-identity.ts). */
  jwtIssuer: string;
  /** The client ids whose tokens the authorizer accepts (`aud`, or `client_id` without `aud`). */
  jwtAudience: string[];
  /** The public function behind `/public/graphql` (infra/constructs/public-api-function.ts); the staff handler when absent. */
  publicHandler?: IFunction;
  /**
   * Browser origins of the district's front ends. Empty means no cross-origin browser access:
   * API Gateway still answers preflights but without Access-Control-Allow-Origin, so browsers
   * refuse; servers and same-origin callers are unaffected. Each is an exact origin (scheme, host,
   * optional port): `*` and origins with a path are refused at synth time.
   */
  corsAllowOrigins: readonly string[];
}

/** Per-stage limits: a district's traffic is modest; this caps a runaway client or a flood. */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };

/**
 * The public route's own limits, which replace the stage's for it: anonymous residents spend
 * these, never the staff route's 100 rps.
 */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * The HTTP API in front of the GraphQL Lambda. `/graphql` requires a token of the district's
 * issuer (sent as `Authorization`: a Cognito ID token, or the district's OIDC provider's token,
 * whose claims the handler maps). `/public/graphql` has no authorizer: it reaches the public
 * function (only the public operations in its schema), with its own route throttle, so residents
 * cannot spend the staff route's (payload 2.0).
 */
export class GraphqlHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The district's token check, for other functions' staff routes on this API (the exports). */
  readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: GraphqlHttpApiProps) {
    super(scope, id);
    const badOrigins = props.corsAllowOrigins.flatMap((origin) => {
      const problem = originProblem(origin);
      return problem ? [`"${origin}" ${problem}`] : [];
    });
    if (badOrigins.length > 0) throw new Error(`${props.apiName}: corsAllowOrigins: ${badOrigins.join('; ')}`);
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: 'Community city services GraphQL API',
      createDefaultStage: false,
      // API Gateway answers preflights itself (before the authorizer and the Lambda) and adds
      // Access-Control-Allow-Origin to the answers for these origins; the local server mirrors it.
      corsPreflight: {
        allowMethods: corsPolicy.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...corsPolicy.allowHeaders],
        ...(props.corsAllowOrigins.length > 0 ? { allowOrigins: [...props.corsAllowOrigins] } : {}),
        maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
      },
    });
    // One line per request (API Gateway's default format: request id, caller IP, route, status),
    // kept like the function logs; HTTP APIs write them through their service-linked role.
    // Retention and key are the district's (infra/constructs/log-and-queue-policy.ts).
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });

    const integration = new HttpLambdaIntegration('Graphql', props.handler, {
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    });
    // A JWT authorizer, never a Cognito one: the China regions have only this kind. API Gateway
    // fetches the issuer's discovery document and keys itself.
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, { jwtAudience: props.jwtAudience });
    this.authorizer = authorizer;
    const methods = [HttpMethod.POST, HttpMethod.GET];
    this.api.addRoutes({ path: '/graphql', methods, integration, authorizer });
    const publicIntegration = props.publicHandler
      ? new HttpLambdaIntegration('PublicGraphql', props.publicHandler, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 })
      : integration;
    const publicRoutes = this.api.addRoutes({ path: '/public/graphql', methods, integration: publicIntegration, authorizer: new HttpNoneAuthorizer() });
    // The L2 stage has no route settings; the L1 property is untyped, so it is written as CloudFormation spells it.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      methods.map((method) => [
        `${method} /public/graphql`,
        { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit },
      ]),
    );
    for (const route of publicRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Public on purpose: residents scan a station\'s service code without an account. The handler serves only stationByServiceCode here and answers UNAUTHENTICATED to everything else; the stage is throttled.',
      });
    }
  }
}

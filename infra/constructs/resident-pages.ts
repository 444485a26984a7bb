import { Duration, Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpNoneAuthorizer, PayloadFormatVersion, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { lambdaBundling } from '../api-bundling';
import { acknowledgeNodeRuntime } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

export interface ResidentPagesProps {
  /** The HTTP API whose public side serves the pages (no authorizer). */
  api: HttpApi;
  serviceName: string;
}

/**
 * The residents' pages, `GET /r/{code}` (report) and `GET /t/{code}` (status and rating), on the
 * public side of the HTTP API: a function of their own (functions/pages/handler.ts), a few KB,
 * that answers static HTML and touches no data (the pages call `/public/graphql` from the
 * browser), so its role may write its own log group and nothing else.
 */
export class ResidentPages extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ResidentPagesProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'Residents\' pages: their log group, nothing else' });
    logGroup.grantWrite(role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(__dirname, '..', '..', 'functions', 'pages', 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 128,
      timeout: Duration.seconds(3),
      role,
      logGroup,
      environment: { POWERTOOLS_SERVICE_NAME: props.serviceName, NODE_ENV: 'production' },
      bundling: nodejsBundling(lambdaBundling),
    });
    acknowledgeNodeRuntime(this.function);

    const integration = new HttpLambdaIntegration('Pages', this.function, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 });
    for (const path of ['/r/{code}', '/t/{code}']) {
      for (const route of props.api.addRoutes({ path, methods: [HttpMethod.GET], integration, authorizer: new HttpNoneAuthorizer() })) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: 'Public on purpose: residents open these pages from a station\'s QR code or their receipt, without an account. They are static HTML; the stage is throttled.',
        });
      }
    }
  }
}

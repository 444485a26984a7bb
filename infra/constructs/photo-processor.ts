import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { lambdaBundling } from '../api-bundling';
import { acknowledgeNodeRuntime } from '../nag-acknowledgements';

/**
 * sharp and its dependencies: its JavaScript (left out of the esbuild bundle: its loader finds
 * the addon with require at run time), the addon for linux-x64 (glibc), the libvips it links
 * through a relative rpath. Copied beside the bundle as they are in node_modules, offline (no
 * Docker, no download).
 */
export const SHARP_NATIVE_PACKAGES = ['sharp', 'detect-libc', '@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64', '@img/colour'] as const;

const REPOSITORY = join(__dirname, '..', '..');

/**
 * The photo processor: re-encodes each upload without its metadata (functions/photos/). Its own
 * bundle, so sharp never weighs on the API's. x86_64, unlike the stack's other functions: the
 * sharp addon installed with the lock file (and tested) is linux-x64, and packaging that one
 * keeps synth offline. Its role: its log group; bucket access is granted by PhotoStorage.
 */
export class PhotoProcessor extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: { serviceName: string }) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Photo processor: its log group and its bucket prefixes, nothing else',
    });
    logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPOSITORY, 'functions', 'photos', 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.X86_64,
      memorySize: 1024,
      timeout: Duration.seconds(30),
      role: this.role,
      logGroup,
      environment: { POWERTOOLS_SERVICE_NAME: `${props.serviceName}-photos`, NODE_ENV: 'production' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: lambdaBundling.target,
        minify: lambdaBundling.minify,
        sourceMap: lambdaBundling.sourceMap,
        // The runtime's AWS SDK; sharp (whose loader resolves its addon at run time) is copied below.
        externalModules: ['@aws-sdk/*', 'sharp', '@img/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            SHARP_NATIVE_PACKAGES.map((name) => `mkdir -p "${outputDir}/node_modules/@img" && cp -R "${inputDir}/node_modules/${name}" "${outputDir}/node_modules/${name}"`),
        },
      },
    });
    acknowledgeNodeRuntime(this.function);
  }
}

import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnPermission, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { PHOTO_PREFIX, PHOTO_UPLOAD_SECONDS, UPLOAD_PREFIX } from '../../functions/domain/photos/photo-keys';
import { logicalIdOf } from '../nag-acknowledgements';
import { PhotoProcessor } from './photo-processor';

export interface PhotoStorageProps {
  serviceName: string;
  /** Browser origins that upload: the district's front ends and the API's own origin (its default report page). */
  allowedOrigins: string[];
}

/** Uploads nobody processed (the processor failed every retry) are deleted after this; processed ones leave `uploads/` at once. */
export const ABANDONED_UPLOAD_DAYS = 1;

/**
 * The district's photo bucket and its processor. Encrypted (S3-managed keys), public access
 * blocked, objects owned by the bucket (no ACLs), TLS only, retained with the stack's data.
 * Browsers POST to `uploads/` through presigned policies; S3 calls the processor for every
 * object created there, which writes `photos/` and deletes the upload. The notification is
 * declared on the bucket itself (no custom resource, whose role would need `*`): the processor's
 * permission names the account, and its bucket access is a separate policy, so nothing cycles.
 */
export class PhotoStorage extends Construct {
  readonly bucket: Bucket;
  readonly processor: PhotoProcessor;

  constructor(scope: Construct, id: string, props: PhotoStorageProps) {
    super(scope, id);
    this.processor = new PhotoProcessor(this, 'Processor', { serviceName: props.serviceName });
    const permission = new CfnPermission(this, 'S3InvokesProcessor', {
      action: 'lambda:InvokeFunction',
      functionName: this.processor.function.functionArn,
      principal: 's3.amazonaws.com',
      sourceAccount: Aws.ACCOUNT_ID,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abandoned-uploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(ABANDONED_UPLOAD_DAYS) },
        { id: 'incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedOrigins: props.allowedOrigins,
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: PHOTO_UPLOAD_SECONDS,
        },
      ],
    });
    const cfnBucket = this.bucket.node.defaultChild as CfnBucket;
    cfnBucket.notificationConfiguration = {
      lambdaConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          function: this.processor.function.functionArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: UPLOAD_PREFIX }] } },
        },
      ],
    };
    cfnBucket.node.addDependency(permission);

    // The processor: read and delete uploads, write photos; listing only so a missing key is a 404, not a 403.
    new Policy(this, 'ProcessorAccess', {
      roles: [this.processor.role],
      statements: [
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject', 's3:DeleteObject'], resources: [this.bucket.arnForObjects(`${UPLOAD_PREFIX}*`)] }),
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`${PHOTO_PREFIX}*`)] }),
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
      ],
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Photo reads are presigned by the API, which logs every request that hands one out; server access logs would need a second bucket per district for little more.',
    });
    this.acknowledgePrefixes(this);
  }

  /** Photo keys are random: the only wildcards are the two prefixes of this one bucket. */
  private acknowledgePrefixes(scope: IConstruct): void {
    for (const prefix of [UPLOAD_PREFIX, PHOTO_PREFIX]) {
      Validations.of(scope).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(this.bucket)}.Arn>/${prefix}*]`,
        reason: `Photo keys are random ids under ${prefix}: the wildcard is that prefix of this one bucket.`,
      });
    }
  }

  /**
   * The API's access: sign uploads (PutObject under `uploads/`) and reads (GetObject under
   * `photos/`), and check cited keys (HEAD is GetObject; ListBucket makes a missing key a 404).
   */
  grantApi(grantee: IFunction): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`${UPLOAD_PREFIX}*`)] }));
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${UPLOAD_PREFIX}*`), this.bucket.arnForObjects(`${PHOTO_PREFIX}*`)] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    this.acknowledgePrefixes(grantee.role!);
  }
}

import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The key material that seals webhook signing secrets at rest (functions/store/webhooks/secret-box.ts):
 * a random string Secrets Manager generates for this deployment, which no person, file or
 * template holds. The API reads it to seal a secret it registers or rotates; the delivery and
 * retry functions to open one for signing. Each reads it once per container, on first use.
 */
export class WebhookKey extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Key material sealing the webhook endpoints\' signing secrets (AES-256-GCM); generated for this deployment',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Without it the stored signing secrets cannot be opened: keep it if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A new value would make every sealed endpoint secret unreadable, so the key is not rotated by a function; an endpoint\'s own signing secret is rotated by its ADMIN (rotateWebhookSecret), which is what receivers see.',
    });
  }

  /** GetSecretValue on this secret, nothing else. */
  grantRead(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [this.secret.secretArn] });
  }
}

import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The key material of the API's list cursors (functions/store/cursor.ts): a random string
 * Secrets Manager generates when the stack is created, so each deployment has its own and no
 * person, file or template ever holds it. The API reads it once per container, when it first
 * pages a list (functions/api/cursor-key-source.ts). Encrypted with the account's
 * `aws/secretsmanager` key, which Secrets Manager uses on the reader's behalf: the reader needs
 * GetSecretValue on this secret and nothing else.
 */
export class CursorKey extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: "Key material of the GraphQL API's list cursors (AES-256-GCM); generated for this deployment, read by the API function only",
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Outstanding cursors are all it protects: nothing is lost with it.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is a key for cursors, which live for one paging session, not a credential of another service: a new value only makes clients start their lists again, so it is replaced by hand when needed (docs/security.md, Cursors) rather than by a rotation function.',
    });
  }

  /** GetSecretValue on this secret, nothing else (not DescribeSecret, which `grantRead` adds). */
  grantRead(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [this.secret.secretArn] });
  }
}

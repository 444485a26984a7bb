import { createHash } from 'node:crypto';
import { Duration } from 'aws-cdk-lib';
import type { UserPool, UserPoolGroup } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, Logging, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

export interface InitialAdminsProps {
  userPool: UserPool;
  adminGroup: UserPoolGroup;
  districtId: string;
  /** The district file's `adminEmails`: each becomes a user (its e-mail is its user name) in the ADMIN group. */
  emails: readonly string[];
}

/**
 * The district's first administrators, created on deploy with two Cognito calls each, made by
 * aws-cdk-lib's AwsCustomResource (its Lambda ships with the library: no SDK client to add here):
 *
 * - AdminCreateUser with `custom:district` set (immutable afterwards) and a verified e-mail;
 *   Cognito mails a temporary password. A user who already exists is left as is.
 * - AdminAddUserToGroup ADMIN (idempotent).
 *
 * Removing an e-mail from the file deletes nothing (no onDelete): people leave through Cognito
 * (disable the user), never by a deploy. The calls' role may do exactly these two actions on
 * this stack's pool and write its own log group; the SDK is the one in the Lambda runtime, never
 * downloaded at deploy time.
 */
export class InitialAdmins extends Construct {
  constructor(scope: Construct, id: string, props: InitialAdminsProps) {
    super(scope, id);
    if (props.emails.length === 0) return;

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Initial administrators: create users and add them to ADMIN in this pool only',
    });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({
        actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'],
        resources: [props.userPool.userPoolArn],
      }),
    );
    const common = { role, logGroup, installLatestAwsSdk: false, timeout: Duration.minutes(2) };
    const userPoolId = props.userPool.userPoolId;

    for (const email of props.emails) {
      // Logical ids from the address: stable across deploys and reorderings of the list.
      const key = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 12);
      const user = new AwsCustomResource(this, `User${key}`, {
        ...common,
        resourceType: 'Custom::DistrictAdminUser',
        onCreate: {
          service: 'CognitoIdentityProvider',
          action: 'AdminCreateUser',
          // The call carries an e-mail address: keep it out of the function's logs.
          logging: Logging.withDataHidden(),
          parameters: {
            UserPoolId: userPoolId,
            Username: email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'custom:district', Value: props.districtId },
            ],
          },
          physicalResourceId: PhysicalResourceId.of(`${props.districtId}/${email}`),
          ignoreErrorCodesMatching: 'UsernameExistsException',
          outputPaths: ['User.Username'],
        },
      });
      const membership = new AwsCustomResource(this, `Admin${key}`, {
        ...common,
        resourceType: 'Custom::DistrictAdminGroupMembership',
        onCreate: {
          service: 'CognitoIdentityProvider',
          action: 'AdminAddUserToGroup',
          logging: Logging.withDataHidden(),
          parameters: { UserPoolId: userPoolId, Username: email, GroupName: 'ADMIN' },
          physicalResourceId: PhysicalResourceId.of(`${props.districtId}/${email}/ADMIN`),
        },
      });
      membership.node.addDependency(user, props.adminGroup);
    }
  }
}

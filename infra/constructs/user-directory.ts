import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolClient,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../functions/domain/caller';

export interface UserDirectoryProps {
  userPoolName: string;
}

/**
 * The district's staff accounts. Administrators create users (no self sign-up) and set the
 * claims the API reads from the ID token (functions/api/auth/claims.ts): the groups become
 * `cognito:groups`, and the custom attributes `custom:district` (fixed at creation) and
 * `custom:officerId`. Users cannot write either attribute themselves: the client may write only
 * the display name, so nobody can move to another district or impersonate an officer.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** One group per role; a user's groups become the `cognito:groups` claim. */
  readonly groups: Record<Role, UserPoolGroup>;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: false,
      signInCaseSensitive: false,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      // Authenticator apps, for whoever enrols; not SMS (costly, and no phone numbers are kept).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      customAttributes: {
        district: new StringAttribute({ mutable: false, minLen: 2, maxLen: 40 }),
        officerId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP), not required: field officers sign in on shared duty phones and mini-programs; a district can require it per user, and only administrators create accounts.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials feature plan: the Plus plan (threat protection) is billed per active user and is not offered in every partition the districts deploy to (China regions); self sign-up is off.',
    });
    this.groups = Object.fromEntries(
      ROLES.map((role) => [role, this.userPool.addGroup(`Group${role}`, { groupName: role })]),
    ) as Record<Role, UserPoolGroup>;
    // A public client for the browser front ends (SRP sign-in, no secret). No hosted UI, so OAuth
    // is off rather than left at the library's placeholder callback URL.
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}

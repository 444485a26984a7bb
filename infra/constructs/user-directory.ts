import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../functions/domain/caller';

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

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: false,
      signInCaseSensitive: false,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        district: new StringAttribute({ mutable: false, minLen: 2, maxLen: 40 }),
        officerId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) {
      this.userPool.addGroup(`Group${role}`, { groupName: role });
    }
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

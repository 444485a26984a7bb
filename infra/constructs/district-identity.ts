import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { isChinaRegion } from '../../functions/domain/deployment/region';
import type { Identity } from '../../functions/domain/deployment/identity';
import { UserDirectory } from './user-directory';

export interface DistrictIdentityProps {
  identity: Identity;
  /** The stack's region, when the district file names one. */
  region: string;
  userPoolName: string;
}

/**
 * Who signs the district's staff in, as the HTTP API's JWT authorizer sees it: an issuer and the
 * audiences it accepts. A Cognito district gets its user pool (issuer: the pool's provider URL,
 * right in every partition; audience: the web client); an OIDC district names its provider's
 * issuer and client id in its file, and nothing is created here. The China regions have no
 * Cognito user pools: a Cognito identity there fails the synth.
 */
export class DistrictIdentity extends Construct {
  readonly issuer: string;
  readonly audience: string[];
  /** The user pool, for a Cognito district only. */
  readonly users?: UserDirectory;

  constructor(scope: Construct, id: string, props: DistrictIdentityProps) {
    super(scope, id);
    if (props.identity.kind === 'oidc') {
      this.issuer = props.identity.issuer;
      this.audience = [props.identity.audience];
      return;
    }
    if (!Token.isUnresolved(props.region) && isChinaRegion(props.region)) {
      throw new Error(
        `${props.userPoolName}: identity "cognito" cannot be deployed to ${props.region}: Amazon Cognito user pools are not available in the China regions; set identity to the district's OIDC provider`,
      );
    }
    // In the stack's scope, under its old id: a user pool whose logical id changed would be replaced, its users lost.
    this.users = new UserDirectory(scope, 'Users', { userPoolName: props.userPoolName });
    this.issuer = `https://${this.users.userPool.userPoolProviderUrl}`;
    this.audience = [this.users.client.userPoolClientId];
  }
}

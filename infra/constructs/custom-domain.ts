import { CfnOutput } from 'aws-cdk-lib';
import { ApiMapping, DomainName, EndpointType, SecurityPolicy, type HttpApi, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';
import type { CustomDomain } from '../../functions/domain/deployment/custom-domain';

export interface ApiCustomDomainProps {
  domain: CustomDomain;
  api: HttpApi;
  stage: HttpStage;
}

/**
 * The API under the district's own, ICP-filed name: a regional API Gateway domain (the China
 * regions have no edge-optimized ones) with the district's ACM certificate, TLS 1.2, and the
 * stage mapped at its root, so `https://<name>/graphql` and `https://<name>/public/graphql` are the
 * API. The DNS record is the district's: a CNAME from the name to the `ApiDomainTarget` output.
 */
export class ApiCustomDomain extends Construct {
  readonly domainName: DomainName;

  constructor(scope: Construct, id: string, props: ApiCustomDomainProps) {
    super(scope, id);
    this.domainName = new DomainName(this, 'Name', {
      domainName: props.domain.name,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    new ApiMapping(this, 'Mapping', { api: props.api, domainName: this.domainName, stage: props.stage });
    new CfnOutput(this, 'Target', {
      value: this.domainName.regionalDomainName,
      description: `CNAME ${props.domain.name} to this name`,
    }).overrideLogicalId('ApiDomainTarget');
  }
}

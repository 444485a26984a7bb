/**
 * What a district stack may use in the AWS China regions (cn-north-1 Beijing, cn-northwest-1
 * Ningxia), in one place, each with the page of AWS's China documentation ("Getting Started with
 * Amazon Web Services in China", or the service's guide on docs.amazonaws.cn) that says it is
 * available there. test/infra/china-region.test.ts synthesizes a China district and checks every
 * resource type of its template against this list, and the features below against its
 * properties: a construct that adds a type or feature missing here fails that test until someone
 * has checked the China documentation and added it with its source.
 */

const GUIDE = 'https://docs.amazonaws.cn/en_us/aws/latest/userguide';

export interface ChinaAvailability {
  service: string;
  /** The China documentation saying the service is available in both China regions. */
  source: string;
  /** What the China page says differs, where it matters to these stacks. */
  note?: string;
}

const apiGateway: ChinaAvailability = {
  service: 'Amazon API Gateway',
  source: `${GUIDE}/api-gateway.html`,
  note: 'No Cognito authorizer, no edge-optimized endpoints; routes without authorization and every custom domain need an ICP filing.',
};
const lambda: ChinaAvailability = {
  service: 'AWS Lambda',
  source: `${GUIDE}/lambda.html`,
  note: 'No X-Ray integration, no function URLs.',
};
const cloudFormation: ChinaAvailability = {
  service: 'AWS CloudFormation (custom resources backed by Lambda)',
  source: 'https://docs.amazonaws.cn/AWSCloudFormation/latest/TemplateReference/',
};
const iam: ChinaAvailability = { service: 'AWS Identity and Access Management', source: `${GUIDE}/iam.html` };
const sns: ChinaAvailability = { service: 'Amazon SNS', source: `${GUIDE}/sns.html`, note: 'No SMS or mobile push: alarms go to e-mail or HTTPS subscriptions.' };
const eventBridge: ChinaAvailability = { service: 'Amazon EventBridge event buses and rules', source: 'https://docs.amazonaws.cn/en_us/eventbridge/latest/userguide/feature-availability.html' };
const s3: ChinaAvailability = { service: 'Amazon S3', source: 'https://docs.amazonaws.cn/en_us/AmazonS3/latest/userguide/', note: 'Buckets, bucket policies and event notifications to Lambda; S3-managed encryption.' };
const sqs: ChinaAvailability = { service: 'Amazon SQS', source: `${GUIDE}/sqs.html`, note: 'Server-side encryption available; no dead-letter redrive.' };

/** Every CloudFormation resource type a China district's template may contain. */
export const CHINA_RESOURCE_TYPES: Readonly<Record<string, ChinaAvailability>> = {
  'AWS::ApiGatewayV2::Api': apiGateway,
  'AWS::ApiGatewayV2::ApiMapping': apiGateway,
  'AWS::ApiGatewayV2::Authorizer': apiGateway,
  'AWS::ApiGatewayV2::DomainName': apiGateway,
  'AWS::ApiGatewayV2::Integration': apiGateway,
  'AWS::ApiGatewayV2::Route': apiGateway,
  'AWS::ApiGatewayV2::Stage': apiGateway,
  'AWS::CloudWatch::Alarm': { service: 'Amazon CloudWatch alarms', source: 'https://docs.amazonaws.cn/en_us/AmazonCloudWatch/latest/monitoring/alarm-getting-started.html' },
  'AWS::DynamoDB::Table': { service: 'Amazon DynamoDB', source: `${GUIDE}/dynamodb.html`, note: 'No multi-Region strongly consistent global tables.' },
  'AWS::Events::EventBus': eventBridge,
  'AWS::Events::Rule': eventBridge,
  'AWS::IAM::Policy': iam,
  'AWS::IAM::Role': iam,
  'AWS::KMS::Key': { service: 'AWS Key Management Service', source: 'https://www.amazonaws.cn/en/documentation-overview/kms/' },
  'AWS::Lambda::EventInvokeConfig': lambda,
  'AWS::Lambda::EventSourceMapping': {
    service: 'Lambda event source mappings on DynamoDB Streams',
    source: 'https://docs.amazonaws.cn/en_us/lambda/latest/dg/services-ddb-params.html',
    note: 'DynamoDB Streams with Lambda triggers: https://docs.amazonaws.cn/en_us/amazondynamodb/latest/developerguide/Streams.Lambda.html',
  },
  'AWS::Lambda::Function': lambda,
  'AWS::Lambda::Permission': lambda,
  'AWS::Logs::LogGroup': { service: 'Amazon CloudWatch Logs', source: `${GUIDE}/services.html` },
  'AWS::S3::Bucket': s3,
  'AWS::S3::BucketPolicy': s3,
  'AWS::SNS::Topic': sns,
  'AWS::SNS::TopicPolicy': sns,
  'AWS::SQS::Queue': sqs,
  'AWS::SQS::QueuePolicy': sqs,
  'AWS::Scheduler::Schedule': {
    service: 'Amazon EventBridge Scheduler',
    source: 'https://docs.amazonaws.cn/en_us/eventbridge/latest/userguide/using-eventbridge-scheduler.html',
    note: 'Its China endpoints are listed in https://docs.amazonaws.cn/en_us/eventbridge/latest/userguide/dual-stack.html.',
  },
  'AWS::SecretsManager::Secret': { service: 'AWS Secrets Manager', source: `${GUIDE}/secretsmanager.html` },
  'Custom::DistrictData': cloudFormation,
};

/**
 * Resource types that are not available in the China regions, though a construct could add them
 * without anyone noticing: the test refuses them by name, with their sources.
 */
export const CHINA_UNAVAILABLE_RESOURCE_TYPES: Readonly<Record<string, ChinaAvailability>> = {
  'AWS::Cognito::UserPool': { service: 'Amazon Cognito user pools', source: `${GUIDE}/cognito.html`, note: 'User pools are not available in the China regions.' },
  'AWS::Cognito::UserPoolClient': { service: 'Amazon Cognito user pools', source: `${GUIDE}/cognito.html` },
  'AWS::Lambda::Url': { service: 'Lambda function URLs', source: `${GUIDE}/lambda.html`, note: 'Function URLs are not available in the China regions.' },
};

/** The ACM certificate a China custom domain names must exist in the region: ACM is available there. */
export const CHINA_CERTIFICATES: ChinaAvailability = { service: 'AWS Certificate Manager', source: `${GUIDE}/acm.html` };

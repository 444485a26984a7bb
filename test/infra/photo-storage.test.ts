import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { SHARP_NATIVE_PACKAGES } from '../../infra/constructs/photo-processor';
import { statementsOfRole } from '../support/iam-statements';
import { districtFile } from '../support/seeded-district';
import { apiFunctionId, functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(180_000);

let synthesized: SynthesizedStack;
let bucketId: string;
let processorId: string;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  bucketId = Object.keys(synthesized.template.findResources('AWS::S3::Bucket'))[0]!;
  processorId = Object.entries(synthesized.template.findResources('AWS::Lambda::Function')).find(([, fn]) => fn.Properties.Architectures?.[0] === 'x86_64')![0];
});
afterAll(() => synthesized.cleanup());

const objectsUnder = (prefix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}*`]] });
const bucketArn = () => ({ 'Fn::GetAtt': [bucketId, 'Arn'] });

test('given the district stack, when synthesized, then it has one photo bucket: encrypted, public access blocked, no ACLs, retained, uploads expiring, CORS for the district and the API', () => {
  const template = synthesized.template;
  template.resourceCountIs('AWS::S3::Bucket', 1);
  template.hasResource('AWS::S3::Bucket', {
    DeletionPolicy: 'Retain',
    Properties: Match.objectLike({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Id: 'abandoned-uploads', Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' })]),
      },
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ['POST', 'GET'],
            AllowedOrigins: [...districtFile('dingnan').allowedOrigins, { 'Fn::GetAtt': [Match.anyValue(), 'ApiEndpoint'] }],
          }),
        ],
      },
      NotificationConfiguration: {
        LambdaConfigurations: [
          { Event: 's3:ObjectCreated:*', Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'uploads/' }] } }, Function: { 'Fn::GetAtt': [processorId, 'Arn'] } },
        ],
      },
    }),
  });
});

test('given the photo bucket, when its policy is read, then every request without TLS is denied', () => {
  synthesized.template.hasResourceProperties('AWS::S3::BucketPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
      ]),
    },
  });
});

test('given the API role, when its statements are read, then it may sign uploads and reads and check keys, on the two prefixes only, and knows the bucket', () => {
  const template = synthesized.template;
  const apiFunction = template.findResources('AWS::Lambda::Function')[apiFunctionId(synthesized.stack)]!;
  const roleId = apiFunction.Properties.Role['Fn::GetAtt'][0];
  const s3Statements = statementsOfRole(template, roleId).filter((statement) => [statement.Action].flat().some((action) => String(action).startsWith('s3:')));

  expect(s3Statements.map((statement) => ({ Action: statement.Action, Resource: statement.Resource }))).toEqual([
    { Action: 's3:PutObject', Resource: objectsUnder('uploads/') },
    { Action: 's3:GetObject', Resource: [objectsUnder('uploads/'), objectsUnder('photos/')] },
    { Action: 's3:ListBucket', Resource: bucketArn() },
  ]);
  expect(apiFunction.Properties.Environment.Variables.PHOTO_BUCKET).toEqual({ Ref: bucketId });
});

test('given the processor, when its policy is read, then it reads and deletes uploads and writes photos, nothing else of S3', () => {
  const policies = synthesized.template.findResources('AWS::IAM::Policy', { Properties: { PolicyName: Match.stringLikeRegexp('ProcessorAccess') } });
  const [policy] = Object.values(policies);
  expect(policy!.Properties.PolicyDocument.Statement.map((statement: { Action: unknown; Resource: unknown }) => ({ Action: statement.Action, Resource: statement.Resource }))).toEqual([
    { Action: ['s3:GetObject', 's3:DeleteObject'], Resource: objectsUnder('uploads/') },
    { Action: 's3:PutObject', Resource: objectsUnder('photos/') },
    { Action: 's3:ListBucket', Resource: bucketArn() },
  ]);
  synthesized.template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 's3.amazonaws.com', FunctionName: { 'Fn::GetAtt': [processorId, 'Arn'] }, SourceAccount: { Ref: 'AWS::AccountId' } });
});

test('given the processor asset, when its bundle is loaded from its own folder, then sharp and libvips come from beside it and strip an image', () => {
  const directory = functionAssetDirectory(synthesized, processorId);
  for (const name of SHARP_NATIVE_PACKAGES) expect(existsSync(join(directory, 'node_modules', name, 'package.json'))).toBe(true);

  // The repository's node_modules stands in for the runtime's AWS SDK; sharp must resolve inside the asset.
  const script = `require('./index.js');
    const sharp = require('sharp');
    const where = require.resolve('sharp');
    sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).jpeg().withExif({ IFD0: { Make: 'TestPhone' } }).toBuffer()
      .then((jpeg) => sharp(jpeg).jpeg().toBuffer()).then((out) => sharp(out).metadata())
      .then((meta) => process.stdout.write(JSON.stringify({ where, exif: meta.exif === undefined })));`;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: directory,
    env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
    encoding: 'utf8',
  });
  const { where, exif } = JSON.parse(output) as { where: string; exif: boolean };
  expect(where.startsWith(join(directory, 'node_modules', 'sharp'))).toBe(true);
  expect(exif).toBe(true);
});

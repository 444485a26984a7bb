import { join } from 'node:path';
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack, apiStackId } from './api-stack';
import { DistrictFileError, districtIds, districtsDirectory, readDistrictDirectory, readDistrictFile } from './district-files';

/** Context key that narrows the app to one district (`cdk deploy -c district=<id>`, set by infra/deploy.ts). */
export const DISTRICT_CONTEXT = 'district';

export interface DistrictAppOptions {
  /** Where the district files are read; default infra/districts. */
  districtsDirectory?: string;
  app?: AppProps;
}

export interface DistrictApp {
  app: App;
  /** One per district file, in file-name order. */
  stacks: ApiStack[];
}

/**
 * The CDK app: one stack per district file, every file validated first (a bad file fails the
 * synth with one message naming it and each bad field). With the `district` context only that
 * district's file is read, so deploying one district neither bundles nor depends on the others.
 * cdk-nag's AWS Solutions checks run as a policy-validation plugin on every synth: a finding
 * nobody acknowledged with a reason fails `cdk synth` and `cdk deploy`, not only the tests.
 */
export function buildDistrictApp(options: DistrictAppOptions = {}): DistrictApp {
  const app = new App(options.app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const directory = options.districtsDirectory ?? districtsDirectory;
  const only = app.node.tryGetContext(DISTRICT_CONTEXT) as string | undefined;
  if (only !== undefined && !districtIds(directory).includes(only)) {
    throw new DistrictFileError(`unknown district "${only}": there is no ${only}.json among the district files (${districtIds(directory).join(', ')})`);
  }
  const files = only === undefined ? readDistrictDirectory(directory) : [readDistrictFile(join(directory, `${only}.json`))];
  const stacks = files.map(
    (district) =>
      new ApiStack(app, apiStackId(district.id), {
        district,
        description: `Community city services (城管进社区) for ${district.name} (${district.id})`,
      }),
  );
  return { app, stacks };
}

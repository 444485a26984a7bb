import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiStack, apiStackId } from '../../infra/api-stack';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { districtFile } from './seeded-district';

export interface SynthesizedStack {
  stack: ApiStack;
  template: Template;
  /** The cloud assembly folder (assets included); removed by `cleanup`. */
  outdir: string;
  cleanup(): void;
}

/** A district's stack, from its file in infra/districts, synthesized (the Lambdas bundled by esbuild) into its own temporary folder. */
export function synthesizeDistrictStack(districtId = 'dingnan'): SynthesizedStack {
  const outdir = mkdtempSync(join(tmpdir(), 'ccs-infra-'));
  const stack = new ApiStack(new App({ outdir }), apiStackId(districtId), { district: districtFile(districtId) });
  return { stack, template: Template.fromStack(stack), outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The logical id of the stack's GraphQL function (the stack has others: onboarding, the provider framework). */
export const apiFunctionId = (stack: ApiStack): string => logicalIdOf(stack.apiFunction);

/**
 * The directory of the API function's deployed code: the asset the template's S3Key names,
 * mapped back through the assembly's asset manifest to the staged folder that gets zipped.
 */
export function apiAssetDirectory(synthesized: SynthesizedStack): string {
  return functionAssetDirectory(synthesized, apiFunctionId(synthesized.stack));
}

/** The staged code folder of any function of the stack, by its logical id. */
export function functionAssetDirectory(synthesized: SynthesizedStack, functionId: string): string {
  const lambda = synthesized.template.findResources('AWS::Lambda::Function')[functionId];
  const objectKey = (lambda!.Properties.Code as { S3Key: string }).S3Key;
  const assembly = synthesized.stack.node.root as App;
  const directory = assembly.synth().directory;
  const manifest = JSON.parse(readFileSync(join(directory, `${synthesized.stack.artifactId}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string; packaging: string } }>;
  };
  const asset = manifest.files[objectKey.replace(/\.zip$/, '')];
  if (asset?.source.packaging !== 'zip') throw new Error(`no zip asset for ${objectKey}`);
  return join(directory, asset.source.path);
}

import { Template } from 'aws-cdk-lib/assertions';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiStack } from '../../infra/api-stack';
import { buildDistrictApp } from '../../infra/district-app';

export interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
}

export interface SynthesizedApp {
  stacks: ApiStack[];
  /** Templates by district id. */
  templates: Record<string, Template>;
  /** cdk-nag's findings nobody acknowledged, from the assembly's policy validation report. */
  violations: Violation[];
  cleanup(): void;
}

/**
 * The whole CDK app as `cdk synth --all` builds it (one stack per district file, cdk-nag
 * included), synthesized once into a temporary folder. Assets are not bundled: these tests read
 * templates; test/infra/api-bundle-asset.test.ts covers the bundle.
 */
export function synthesizeDistrictApp(options: { districtsDirectory?: string } = {}): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'ccs-app-'));
  const { app, stacks } = buildDistrictApp({
    districtsDirectory: options.districtsDirectory,
    app: { outdir, context: { 'aws:cdk:bundling-stacks': [] } },
  });
  const assembly = app.synth();
  const reportFile = join(outdir, 'validation-report.json');
  const report = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations: Violation[] }[] })
    : { pluginReports: [] };
  return {
    stacks,
    // From the one assembly: Template.fromStack would synthesize the whole app again per stack.
    templates: Object.fromEntries(stacks.map((stack) => [stack.district.id, Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template)])),
    violations: report.pluginReports.flatMap((plugin) => plugin.violations),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** A temporary districts folder holding `files` (each written as `<id>.json`, or under `name` if given). */
export function districtsDirectoryOf(files: { name?: string; content: unknown }[]): { directory: string; cleanup(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'ccs-districts-'));
  for (const file of files) {
    const name = file.name ?? `${(file.content as { id: string }).id}.json`;
    writeFileSync(join(directory, name), typeof file.content === 'string' ? file.content : JSON.stringify(file.content));
  }
  return { directory, cleanup: () => rmSync(directory, { recursive: true, force: true }) };
}

import type { Template } from 'aws-cdk-lib/assertions';

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of the policies attached to one role: standalone policies and the role's inline ones. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const standalone = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .map((policy) => policy.Properties.PolicyDocument);
  const inline = ((template.findResources('AWS::IAM::Role')[roleId]!.Properties.Policies ?? []) as { PolicyDocument: unknown }[]).map(
    (policy) => policy.PolicyDocument,
  );
  return [...standalone, ...inline].flatMap((document) => (document as { Statement: Statement[] }).Statement);
}

/** Every statement of every identity policy in the template. */
export function allStatements(template: Template): Statement[] {
  return Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) => statementsOfRole(template, roleId));
}

/** Each Lambda function's logical id with the logical id of its role. */
export function functionRoles(template: Template): { functionId: string; roleId: string }[] {
  return Object.entries(template.findResources('AWS::Lambda::Function')).map(([functionId, fn]) => ({
    functionId,
    roleId: (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
  }));
}

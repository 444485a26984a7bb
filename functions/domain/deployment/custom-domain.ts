import * as z from 'zod';

/**
 * The API's own name: an ICP-filed domain (in China every custom domain of API Gateway needs an
 * ICP filing, and a WeChat mini-program may call only registered, filed HTTPS domains) and the
 * ACM certificate for it, in the district's region.
 */
export const customDomainSchema = z.strictObject({
  name: z
    .string()
    .regex(/^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case DNS name such as api.cgj.example.gov.cn'),
  certificateArn: z
    .string()
    .regex(/^arn:aws(?:-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'must be the ARN of an ACM certificate (arn:aws-cn:acm:<region>:<account>:certificate/<id>)'),
});

export type CustomDomain = z.output<typeof customDomainSchema>;

/** What the functions' own AWS clients (store/dynamodb.ts, attachments/s3.ts) share: credentials and endpoints. */

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The Lambda role's credentials, which the runtime puts in the environment. */
export const lambdaCredentials = (): AwsCredentials => ({
  accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  sessionToken: process.env.AWS_SESSION_TOKEN,
});

/** The host of a service in a region: the China regions live under amazonaws.com.cn. */
export const awsHost = (service: string, region: string): string =>
  `${service}.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;

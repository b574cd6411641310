/**
 * Configuration, read once per cold start from the environment. Missing or malformed values fail loudly at
 * module load, never halfway through a request.
 */
import * as z from 'zod';

const configSchema = z
  .object({
    STAGE: z.string().min(1),
    TABLE_NAME: z.string().min(1),
    AWS_REGION: z.string().default('cn-northwest-1'),
    /** Only for DynamoDB Local; must be a loopback URL. */
    DYNAMODB_ENDPOINT: z.url().optional(),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(7200),
    WECHAT_APPID: z.string().default(''),
    WECHAT_SECRET: z.string().default(''),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT']).default('INFO'),
    /** WeChat subscribe-message template ids per template key (notifications); local defaults in notifications/templates.ts. */
    WECHAT_TEMPLATE_DEADLINE_REMINDER: z.string().optional(),
    WECHAT_TEMPLATE_STATUS_UPDATE: z.string().optional(),
    WECHAT_TEMPLATE_REVIEW_TODO: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.STAGE !== 'local' && (!c.WECHAT_APPID || !c.WECHAT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_APPID'],
        message: 'WECHAT_APPID and WECHAT_SECRET are required outside stage local',
      });
    }
    if (
      c.DYNAMODB_ENDPOINT &&
      !/^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(c.DYNAMODB_ENDPOINT)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['DYNAMODB_ENDPOINT'],
        message: 'DYNAMODB_ENDPOINT may only point at a local emulator',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Parse a configuration from an environment; throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

let cached: Config | undefined;
/** The process configuration (memoised). */
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

/**
 * Configuration, read once per cold start from the environment. Missing or malformed values fail loudly at
 * module load, never halfway through a request.
 *
 * Checked by hand, not with a zod schema: every function parses it at init, and building and running a zod
 * object schema there cost several ms of each cold start (README "Performance") for a dozen strings.
 */

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

export interface Config {
  STAGE: string;
  TABLE_NAME: string;
  AWS_REGION: string;
  /** Only for DynamoDB Local; must be a loopback URL. */
  DYNAMODB_ENDPOINT?: string;
  JWT_SECRET: string;
  TOKEN_TTL_SECONDS: number;
  WECHAT_APPID: string;
  WECHAT_SECRET: string;
  WECHAT_API_BASE: string;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  /** WeChat subscribe-message template ids per template key (notifications); local defaults in notifications/templates.ts. */
  WECHAT_TEMPLATE_DEADLINE_REMINDER?: string;
  WECHAT_TEMPLATE_STATUS_UPDATE?: string;
  WECHAT_TEMPLATE_REVIEW_TODO?: string;
}

const isUrl = (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

/** Parse a configuration from an environment; throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const problem = (key: string, message: string) => problems.push(`${key}: ${message}`);
  const required = (key: string) => {
    const v = env[key];
    if (v === undefined) problem(key, '此项为必填项');
    else if (v.length < 1) problem(key, '不能为空');
    return v ?? '';
  };
  const url = (key: string, fallback?: string) => {
    const v = env[key] ?? fallback;
    if (v !== undefined && !isUrl(v)) problem(key, '应为有效的 URL');
    return v;
  };

  const STAGE = required('STAGE');
  const TABLE_NAME = required('TABLE_NAME');
  const JWT_SECRET = required('JWT_SECRET');
  if (env.JWT_SECRET !== undefined && JWT_SECRET.length < 32)
    problem('JWT_SECRET', 'JWT_SECRET must be at least 32 characters');
  const DYNAMODB_ENDPOINT = url('DYNAMODB_ENDPOINT');
  const WECHAT_API_BASE = url('WECHAT_API_BASE', 'https://api.weixin.qq.com')!;
  const ttl = env.TOKEN_TTL_SECONDS === undefined ? 7200 : Number(env.TOKEN_TTL_SECONDS);
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 86_400) problem('TOKEN_TTL_SECONDS', '应为 60 到 86400 之间的整数');
  const LOG_LEVEL = (env.LOG_LEVEL ?? 'INFO') as Config['LOG_LEVEL'];
  if (!LOG_LEVELS.includes(LOG_LEVEL)) problem('LOG_LEVEL', `应为 ${LOG_LEVELS.join('、')} 之一`);
  const WECHAT_APPID = env.WECHAT_APPID ?? '';
  const WECHAT_SECRET = env.WECHAT_SECRET ?? '';
  if (problems.length === 0) {
    if (STAGE !== 'local' && (!WECHAT_APPID || !WECHAT_SECRET))
      problem('WECHAT_APPID', 'WECHAT_APPID and WECHAT_SECRET are required outside stage local');
    if (DYNAMODB_ENDPOINT && !/^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(DYNAMODB_ENDPOINT))
      problem('DYNAMODB_ENDPOINT', 'DYNAMODB_ENDPOINT may only point at a local emulator');
  }
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  return {
    STAGE,
    TABLE_NAME,
    AWS_REGION: env.AWS_REGION ?? 'cn-northwest-1',
    ...(DYNAMODB_ENDPOINT === undefined ? {} : { DYNAMODB_ENDPOINT }),
    JWT_SECRET,
    TOKEN_TTL_SECONDS: ttl,
    WECHAT_APPID,
    WECHAT_SECRET,
    WECHAT_API_BASE,
    LOG_LEVEL,
    ...Object.fromEntries(
      (['WECHAT_TEMPLATE_DEADLINE_REMINDER', 'WECHAT_TEMPLATE_STATUS_UPDATE', 'WECHAT_TEMPLATE_REVIEW_TODO'] as const)
        .filter((k) => env[k] !== undefined)
        .map((k) => [k, env[k]]),
    ),
  };
}

let cached: Config | undefined;
/** The process configuration (memoised). */
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

import { route } from '../http/route';
import { routes } from '../http/spec';
import { login } from '../use-cases/auth';

/** POST /v1/auth/wechat-login */
export const handler = route(routes.wechatLogin, async ({ body, deps, now }) => ({
  body: await login(body.code, {
    stage: deps.config.STAGE,
    wechat: deps.wechat,
    users: deps.repos.users,
    tokens: deps.tokens,
    now,
  }),
}));

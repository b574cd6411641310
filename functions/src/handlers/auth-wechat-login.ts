import { wechatLogin } from '@jiebang/shared/routes/core';
import { route } from '../http/route';
import { usersOnly } from '../wiring';
import { login } from '../use-cases/auth';

/** POST /v1/auth/wechat-login */
export const handler = route(wechatLogin, usersOnly, async ({ body, now, deps, repos }) => ({
  body: await login(body.code, {
    stage: deps.config.STAGE,
    wechat: deps.wechat,
    users: repos.users,
    tokens: deps.tokens,
    now,
  }),
}));

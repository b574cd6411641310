/**
 * Zod configuration shared by client and server: Chinese messages for the generic cases the schemas do not
 * word themselves. Import once at start-up, before any parse.
 */
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
};

/** Configure zod (messages; jitless where `new Function` is forbidden, as in WeChat mini-programs). */
export function setupZod(options: { jitless?: boolean } = {}): void {
  const locale = zhCN();
  z.config({
    ...locale,
    ...(options.jitless ? { jitless: true } : {}),
    customError: (issue) => {
      if (issue.code === 'invalid_type') {
        if (issue.input === undefined) return '此项为必填项';
        return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      }
      if (issue.code === 'unrecognized_keys') return `不允许的字段：${issue.keys.join('、')}`;
      if (issue.code === 'invalid_value') return '取值不在允许范围内';
      return undefined; // fall back to the locale
    },
  });
}

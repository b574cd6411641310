import * as z from 'zod';

/** Error body of every non-2xx answer (api.md "Conventions"). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `{ items, nextCursor }` of every list route. */
export const listResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** `?limit=&cursor=` of every list route. */
export const listQuerySchema = z.object({
  limit: z.coerce
    .number({ error: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页至少 1 条')
    .max(50, '每页最多 50 条')
    .default(20),
  cursor: z.string().max(1024, '分页游标过长').optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** ISO 8601 instant with offset ("2024-07-12T17:00:00+08:00" or "...Z"). */
export const instantSchema = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（含时区）' });
/** Calendar date "YYYY-MM-DD". */
export const dateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export const healthResponseSchema = z.object({ ok: z.literal(true) });

import * as z from 'zod';
import { describe, expect, it } from '@jest/globals';
import { parseLenient } from './lenient';

const schema = z.strictObject({
  id: z.string(),
  items: z.array(z.strictObject({ n: z.number(), tags: z.strictObject({ a: z.string() }).optional() })),
});

describe('parseLenient', () => {
  it('drops fields the schema does not know, at any depth, and keeps the rest', () => {
    const r = parseLenient(schema, {
      id: 'x',
      addedLater: true,
      items: [
        { n: 1, extra: 'y' },
        { n: 2, tags: { a: 'b', newer: 1 } },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ id: 'x', items: [{ n: 1 }, { n: 2, tags: { a: 'b' } }] });
  });

  it('still refuses a missing or malformed field, even next to unknown ones', () => {
    expect(parseLenient(schema, { id: 'x', items: [{ n: 'one' }], extra: 1 }).success).toBe(false);
    expect(parseLenient(schema, { items: [] }).success).toBe(false);
  });

  it('does not change the caller’s object', () => {
    const body = { id: 'x', items: [], extra: 1 };
    parseLenient(schema, body);
    expect(body).toEqual({ id: 'x', items: [], extra: 1 });
  });

  it('refuses unknown fields when parsed strictly (the reason for this helper)', () => {
    expect(schema.safeParse({ id: 'x', items: [], extra: 1 }).success).toBe(false);
  });
});

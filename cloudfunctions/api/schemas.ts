/**
 * Input schemas of every action, checked at the edge before any use case runs. Unknown
 * fields are refused (strict objects), strings are bounded, numbers are whole and ranged.
 * The inferred types are asserted equal to the contract in types/api.ts.
 */
import { z } from 'zod';
import type { ResidentActions } from '../../types/api';
import { AUDIENCES, CATEGORIES } from '../../types/domain';
import { COMPANIONS_CEILING, NAME_MAX, PHONE_RE } from '../core/registration';

const id = z
  .string({ error: '缺少编号' })
  .min(1, { error: '缺少编号' })
  .max(96, { error: '编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '编号格式不正确' });
const day = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
const empty = z.strictObject({});

export const envelopeSchema = z.strictObject({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
});

export const residentSchemas = {
  'system.ping': empty,
  'me.get': empty,
  'week.get': z.strictObject({ campaignId: id.optional() }),
  'events.list': z.strictObject({
    campaignId: id.optional(),
    day: day.optional(),
    streetId: id.optional(),
    category: z.enum(CATEGORIES, { error: '没有这个活动类别' }).optional(),
    audience: z.enum(AUDIENCES, { error: '没有这个参与对象' }).optional(),
    q: z.string().max(40, { error: '搜索词最多 40 个字' }).optional(),
    offset: z.int().min(0).max(10_000).optional(),
    limit: z.int().min(1).max(100).optional(),
  }),
  'event.get': z.strictObject({ eventId: id }),
  'signup.create': z.strictObject({
    eventId: id,
    name: z
      .string({ error: '请填写姓名' })
      .trim()
      .min(1, { error: '请填写姓名' })
      .max(NAME_MAX, { error: `姓名最多 ${NAME_MAX} 个字` })
      // Letters, marks, spaces and the middle dot of minority names; no digits or symbols.
      .regex(/^[\p{L}\p{M}·・. ]+$/u, { error: '姓名只能包含文字' }),
    phone: z.string({ error: '请填写手机号' }).regex(PHONE_RE, { error: '请填写 11 位手机号' }),
    companions: z
      .int({ error: '同行家属人数应为整数' })
      .min(0, { error: '同行家属人数不能为负数' })
      .max(COMPANIONS_CEILING, { error: `同行家属最多 ${COMPANIONS_CEILING} 位` }),
    consent: z.boolean({ error: '请确认是否同意个人信息保护说明' }),
  }),
  'signup.cancel': z.strictObject({
    registrationId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/),
  }),
  'signup.mine': empty,
} as const;

type Simplify<T> = { [K in keyof T]: T[K] };
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SchemaMatchesContract = {
  [A in keyof ResidentActions]: Equal<
    Simplify<z.infer<(typeof residentSchemas)[A]>>,
    Simplify<ResidentActions[A]['input']>
  >;
};
/** Compile-time proof that every schema produces exactly its contract's input type. */
export const residentSchemasMatchContract: { [A in keyof ResidentActions]: true } =
  null as unknown as SchemaMatchesContract;

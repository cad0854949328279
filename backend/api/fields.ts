/**
 * Field schemas of the person fields (ids, name, phone, companions, the sign-up): the source of
 * the sign-up input type (types/api/ infers it). Their limits and patterns come from the core
 * (core/registration.ts), which the app's forms check with too (src/signup-form.ts): zod itself
 * cannot ship in the mini-program, its bundle uses BigInt, which WeChat's ES5 target refuses.
 */
import * as z from 'zod';
import { COMPANIONS_CEILING, NAME_MAX, PHONE_RE } from '../core/registration';
import { untrimmed } from './limits';
import { signupAnswers } from './question-fields';

export const id = z
  .string({ error: '缺少编号' })
  .min(1, { error: '缺少编号' })
  .max(96, { error: '编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '编号格式不正确' });
export const personName = z
  .string({ error: '请填写姓名' })
  .max(untrimmed(NAME_MAX), { error: `姓名最多 ${NAME_MAX} 个字` })
  .trim()
  .min(1, { error: '请填写姓名' })
  .max(NAME_MAX, { error: `姓名最多 ${NAME_MAX} 个字` })
  // Letters, marks, spaces and the middle dot of minority names; no digits or symbols.
  .regex(/^[\p{L}\p{M}·・. ]+$/u, { error: '姓名只能包含文字' });
export const phone = z
  .string({ error: '请填写手机号' })
  .max(11, { error: '请填写正确的 11 位手机号码' })
  .regex(PHONE_RE, { error: '请填写正确的 11 位手机号码' });
export const companions = z
  .int({ error: '同行家属人数应为整数' })
  .min(0, { error: '同行家属人数不能为负数' })
  .max(COMPANIONS_CEILING, { error: `同行家属最多 ${COMPANIONS_CEILING} 位` });
export const signupInput = z.strictObject({
  eventId: id,
  name: personName,
  phone,
  companions,
  consent: z.boolean({ error: '请确认是否同意个人信息保护说明' }),
  requestId: z
    .string()
    .max(64, { error: '请求编号格式不正确' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '请求编号格式不正确' })
    .optional(),
  /** Answers to the event's sign-up questions (only those it asks). */
  answers: signupAnswers,
});

/** What a sign-up sends (resident or staff on a person's behalf), inferred from its schema. */
export type SignupInput = z.infer<typeof signupInput>;

/**
 * Field schemas of per-event sign-up questions (core/signup-questions.ts): the questions an
 * event asks (event.save `questions`) and a sign-up's answers (signup.create / signup.proxy
 * `answers`). Kept together so the contract can move them as one piece.
 */
import * as z from 'zod';
import {
  ANSWER_CEILING,
  CHOICE_MAX,
  CHOICES_MAX,
  QUESTION_LABEL_MAX,
  QUESTIONS_MAX,
  questionsProblem,
} from '../core/signup-questions';
import { untrimmed } from './limits';

const questionId = z
  .string()
  .max(12, { error: '报名问题编号不正确' })
  .regex(/^(age|community|q[1-9])$/, { error: '报名问题编号不正确' });

export const signupQuestions = z
  .array(
    z.strictObject({
      id: questionId,
      kind: z.enum(['choice', 'text'], { error: '报名问题类型不正确' }),
      label: z
        .string()
        .max(untrimmed(QUESTION_LABEL_MAX), { error: `报名问题最多 ${QUESTION_LABEL_MAX} 个字` })
        .trim()
        .min(1, { error: '请填写报名问题的题目' })
        .max(QUESTION_LABEL_MAX, { error: `报名问题最多 ${QUESTION_LABEL_MAX} 个字` }),
      choices: z
        .array(
          z
            .string()
            .max(untrimmed(CHOICE_MAX), { error: `选项最多 ${CHOICE_MAX} 个字` })
            .trim()
            .min(1, { error: '选项不能为空' })
            .max(CHOICE_MAX, { error: `选项最多 ${CHOICE_MAX} 个字` }),
        )
        .max(CHOICES_MAX, { error: `选项最多 ${CHOICES_MAX} 个` })
        .optional(),
      required: z.boolean(),
      maxLength: z
        .int({ error: '回答长度限制须为整数' })
        .min(1, { error: `回答长度限制须为 1–${ANSWER_CEILING} 个字` })
        .max(ANSWER_CEILING, { error: `回答长度限制须为 1–${ANSWER_CEILING} 个字` }),
    }),
  )
  .max(QUESTIONS_MAX, { error: `报名问题最多 ${QUESTIONS_MAX} 个` })
  .superRefine((questions, ctx) => {
    const problem = questionsProblem(questions);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullish();

export const signupAnswers = z
  .array(
    z.strictObject({
      questionId,
      value: z
        .string()
        .max(untrimmed(ANSWER_CEILING), { error: `回答最多 ${ANSWER_CEILING} 个字` })
        .trim()
        .max(ANSWER_CEILING, { error: `回答最多 ${ANSWER_CEILING} 个字` }),
    }),
  )
  .max(QUESTIONS_MAX, { error: `报名问题最多 ${QUESTIONS_MAX} 个` })
  .optional();

/**
 * Per-event sign-up questions (报名问题): the host picks presets (年龄段 with its choices, 所在村/社区)
 * or asks its own, each required or optional with a length limit. A sign-up answers exactly the
 * questions its event asks; nothing else is collected. Pure: the schemas, the sign-up use case,
 * the exports and the app's forms all check with these rules and limits.
 */
import type { SignupQuestion } from '../../types/domain';
import { fail } from './errors';

export const QUESTIONS_MAX = 5;
export const QUESTION_LABEL_MAX = 30;
export const CHOICES_MAX = 10;
export const CHOICE_MAX = 20;
/** The longest answer any question may allow. */
export const ANSWER_CEILING = 100;
export const FREE_QUESTIONS_MAX = 3;

export const AGE_BANDS = ['18岁以下', '18–35岁', '36–59岁', '60岁及以上'];

/** The presets the editor offers; the host's own questions get ids q1–q3. */
export function presetQuestion(kind: 'age' | 'community' | 'free', taken: readonly SignupQuestion[]): SignupQuestion {
  if (kind === 'age')
    return {
      id: 'age',
      kind: 'choice',
      label: '年龄段',
      choices: [...AGE_BANDS],
      required: true,
      maxLength: CHOICE_MAX,
    };
  if (kind === 'community')
    return { id: 'community', kind: 'text', label: '所在村/社区', required: true, maxLength: 30 };
  const used = new Set(taken.map((q) => q.id));
  const id = ['q1', 'q2', 'q3'].find((q) => !used.has(q)) ?? `q${taken.length + 1}`;
  return { id, kind: 'text', label: '', required: false, maxLength: 50 };
}

const chars = (s: string) => Array.from(s).length;

/** What is wrong with a set of questions, in words; null when it may be saved. */
export function questionsProblem(questions: readonly SignupQuestion[]): string | null {
  if (questions.length > QUESTIONS_MAX) return `报名问题最多 ${QUESTIONS_MAX} 个`;
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) return '报名问题重复';
    ids.add(q.id);
    if (!q.label.trim()) return '请填写报名问题的题目';
    if (chars(q.label.trim()) > QUESTION_LABEL_MAX) return `报名问题最多 ${QUESTION_LABEL_MAX} 个字`;
    if (!Number.isInteger(q.maxLength) || q.maxLength < 1 || q.maxLength > ANSWER_CEILING)
      return `回答长度限制须为 1–${ANSWER_CEILING} 个字`;
    if (q.kind === 'choice') {
      const choices = q.choices ?? [];
      if (choices.length < 2) return `“${q.label}”至少要有 2 个选项`;
      if (new Set(choices).size !== choices.length) return `“${q.label}”的选项重复`;
      if (choices.some((c) => !c.trim() || chars(c) > CHOICE_MAX)) return `选项须为 1–${CHOICE_MAX} 个字`;
    }
  }
  return null;
}

/** The questions as stored: trimmed, choices only on choice questions. */
export function normaliseQuestions(questions: readonly SignupQuestion[]): SignupQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    label: q.label.trim(),
    ...(q.kind === 'choice' ? { choices: (q.choices ?? []).map((c) => c.trim()) } : {}),
    required: q.required,
    maxLength: q.maxLength,
  }));
}

export interface GivenAnswer {
  questionId: string;
  value: string;
}

/** What is wrong with one answer, in words; null when it is acceptable. */
export function answerProblem(q: SignupQuestion, value: string): string | null {
  const v = value.trim();
  if (!v) return q.required ? `请回答：${q.label}` : null;
  if (chars(v) > q.maxLength) return `“${q.label}”最多 ${q.maxLength} 个字`;
  if (q.kind === 'choice' && !(q.choices ?? []).includes(v)) return `“${q.label}”请从选项中选择`;
  return null;
}

/**
 * The answers a sign-up stores, by question id: only the questions the event asks, each checked
 * (required, length, choice). Undefined when the event asks none (and answers are refused then).
 */
export function answersOf(
  questions: readonly SignupQuestion[] | null | undefined,
  given: readonly GivenAnswer[] | undefined,
): Record<string, string> | undefined {
  const asked = questions ?? [];
  const byId = new Map<string, string>();
  for (const a of given ?? []) {
    if (!asked.some((q) => q.id === a.questionId)) fail('VALIDATION_FAILED', '该活动没有这个报名问题');
    if (byId.has(a.questionId)) fail('VALIDATION_FAILED', '同一问题只能回答一次');
    byId.set(a.questionId, a.value);
  }
  if (asked.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const q of asked) {
    const value = byId.get(q.id) ?? '';
    const problem = answerProblem(q, value);
    if (problem) fail('VALIDATION_FAILED', problem);
    if (value.trim()) out[q.id] = value.trim();
  }
  return out;
}

/**
 * The questions as the door asks them of a walk-in (现场登记, recorded by staff): the same
 * questions, every one optional. Required questions bind sign-ups; someone already at the door is
 * counted whether or not they answer (as their name and phone are optional there), and staff
 * record what the person is willing to tell.
 */
export function doorQuestions(questions: readonly SignupQuestion[] | null | undefined): SignupQuestion[] {
  return (questions ?? []).map((q) => ({ ...q, required: false }));
}

/**
 * The answers a walk-in stores: checked like a sign-up's (only the event's questions, once each,
 * length, choice) with every question optional (doorQuestions). Undefined when nothing is
 * answered. `replay`: a walk-in queued offline and synced later was counted at the door already,
 * so answers that no longer fit the event's questions (changed meanwhile) are left out rather
 * than refusing the walk-in.
 */
export function walkinAnswersOf(
  questions: readonly SignupQuestion[] | null | undefined,
  given: readonly GivenAnswer[] | undefined,
  replay = false,
): Record<string, string> | undefined {
  const asked = doorQuestions(questions);
  const fitting = replay
    ? (given ?? []).filter((a, i, all) => {
        const q = asked.find((x) => x.id === a.questionId);
        return !!q && !answerProblem(q, a.value) && all.findIndex((b) => b.questionId === a.questionId) === i;
      })
    : given;
  const answers = answersOf(asked, fitting);
  return answers && Object.keys(answers).length > 0 ? answers : undefined;
}

/**
 * Whether an answer may be shown in full to this reader. Answers to the presets (年龄段, 所在村/
 * 社区) are shown to everyone who sees the list; the host's own questions may hold anything, so
 * they are masked where names are masked (core/privacy.ts decides who).
 */
export function answerShown(q: SignupQuestion, fullPersonalData: boolean): boolean {
  return fullPersonalData || q.id === 'age' || q.id === 'community';
}

/** One cell per question, in the event's order ('' when not answered; 已填写 where masked). */
export function answerCells(
  questions: readonly SignupQuestion[] | null | undefined,
  answers: Record<string, string> | undefined,
  fullPersonalData: boolean,
): string[] {
  return (questions ?? []).map((q) => {
    const value = answers?.[q.id] ?? '';
    return value && !answerShown(q, fullPersonalData) ? '已填写' : value;
  });
}

/** All answers in one line, e.g. 年龄段：60岁及以上；所在村/社区：尧塘村 (for lists across events). */
export function answersLine(
  questions: readonly SignupQuestion[] | null | undefined,
  answers: Record<string, string> | undefined,
  fullPersonalData: boolean,
): string {
  const cells = answerCells(questions, answers, fullPersonalData);
  return (questions ?? [])
    .map((q, i) => (cells[i] ? `${q.label}：${cells[i]}` : ''))
    .filter(Boolean)
    .join('；');
}

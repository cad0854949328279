/**
 * The event's sign-up questions on a sign-up form (报名问题, core/signup-questions.ts): a choice
 * question as a row of options (radio group), a text question as a one-line field with its
 * length limit. Answers are kept by question id; errors come from answerProblem, the same check
 * the backend makes.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SignupQuestion } from '../../types/domain';
import { answerProblem } from '@backend/core/signup-questions';
import { TextField } from '../platform/text-field';
import './signup-questions.css';

export type Answers = Record<string, string>;

/** The form's own check of every answer: messages by question id, empty when all may be sent. */
export function checkAnswers(questions: readonly SignupQuestion[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const problem = answerProblem(q, answers[q.id] ?? '');
    if (problem) errors[q.id] = problem;
  }
  return errors;
}

/** What signup.create / signup.proxy receive: only answered questions, trimmed. */
export function answersInput(questions: readonly SignupQuestion[], answers: Answers) {
  return questions
    .filter((q) => (answers[q.id] ?? '').trim())
    .map((q) => ({ questionId: q.id, value: (answers[q.id] ?? '').trim() }));
}

/**
 * A form's answers to its questions, for the three forms that ask them (活动报名, 代报名,
 * 现场登记): `fields` for <SignupQuestions>, `check` shows what is wrong (true when all may be
 * sent), `input` what the action receives, `reset` after a registration.
 */
export function useAnswers(questions: readonly SignupQuestion[]) {
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    fields: {
      questions,
      answers,
      errors,
      onChange: (id: string, value: string) => {
        setAnswers((a) => ({ ...a, [id]: value }));
        setErrors(({ [id]: _gone, ...rest }) => rest);
      },
    },
    check: () => {
      const found = checkAnswers(questions, answers);
      setErrors(found);
      return Object.keys(found).length === 0;
    },
    input: () => (questions.length ? { answers: answersInput(questions, answers) } : {}),
    reset: () => {
      setAnswers({});
      setErrors({});
    },
  };
}

export function SignupQuestions({
  questions,
  answers,
  errors,
  onChange,
}: {
  questions: readonly SignupQuestion[];
  answers: Answers;
  errors: Record<string, string>;
  onChange: (id: string, value: string) => void;
}) {
  return (
    <View className="signup-questions">
      {questions.map((q) => (
        <View
          key={q.id}
          id={`question-${q.id}`}
          className={`form-item signup-question${errors[q.id] ? ' form-item--error' : ''}`}
        >
          <Text className="form-item__label">
            {q.label}
            {q.required ? '' : '（选填）'}
          </Text>
          {q.kind === 'choice' ? (
            <View className="signup-question__choices" role="radiogroup" aria-label={q.label}>
              {(q.choices ?? []).map((choice) => {
                const on = answers[q.id] === choice;
                return (
                  <View
                    key={choice}
                    className={`signup-question__choice${on ? ' signup-question__choice--on' : ''}`}
                    role="radio"
                    aria-checked={on}
                    onClick={() => onChange(q.id, on && !q.required ? '' : choice)}
                  >
                    <Text>{choice}</Text>
                  </View>
                );
              })}
            </View>
          ) : (
            <TextField
              className={`form-item__input signup-question__input input-question-${q.id}`}
              placeholder={`请填写${q.label}`}
              maxLength={q.maxLength}
              value={answers[q.id] ?? ''}
              onChange={(value) => onChange(q.id, value)}
            />
          )}
          {q.kind === 'text' && <Text className="form-item__hint">最多 {q.maxLength} 个字</Text>}
          {errors[q.id] && <Text className="form-item__error">{errors[q.id]}</Text>}
        </View>
      ))}
    </View>
  );
}

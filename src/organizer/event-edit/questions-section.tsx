/**
 * 报名问题 of the event editor: the unit adds presets (年龄段 with its choices, 所在村/社区) or up
 * to three questions of its own, each 必填 or 选填, text answers with a length limit. Residents
 * are asked exactly these on the sign-up form; nothing else is collected (core/signup-questions.ts).
 */
import { Button, Text, View } from '@tarojs/components';
import type { SignupQuestion } from '../../../types/domain';
import { ANSWER_CEILING, FREE_QUESTIONS_MAX, QUESTION_LABEL_MAX, presetQuestion } from '@backend/core/signup-questions';
import { TextField } from '../../platform/text-field';
import { Segmented } from '../components/segmented';

const PRESET_IDS = new Set(['age', 'community']);

export function QuestionsSection({
  questions,
  error,
  onChange,
}: {
  questions: SignupQuestion[];
  error?: string;
  onChange: (questions: SignupQuestion[]) => void;
}) {
  const has = (id: string) => questions.some((q) => q.id === id);
  const own = questions.filter((q) => !PRESET_IDS.has(q.id)).length;
  const patch = (id: string, change: Partial<SignupQuestion>) =>
    onChange(questions.map((q) => (q.id === id ? { ...q, ...change } : q)));
  const add = (kind: 'age' | 'community' | 'free') => onChange([...questions, presetQuestion(kind, questions)]);

  return (
    <View className="section questions-section" id="questions-section">
      <Text className="section__title">报名问题（选填）</Text>
      <Text className="questions-section__hint">
        除姓名和手机号外，只收集这里列出的信息。自定义问题的回答只有本单位工作人员能看到全文。
      </Text>
      {questions.map((q, i) => (
        <View key={q.id} className="question-row" id={`question-row-${q.id}`}>
          <Text className="question-row__number">问题 {i + 1}</Text>
          {PRESET_IDS.has(q.id) ? (
            <Text className="question-row__label">
              {q.label}
              {q.choices ? `：${q.choices.join(' / ')}` : ''}
            </Text>
          ) : (
            <TextField
              className="input question-row__input"
              placeholder="问题，如 想学的手机功能"
              maxLength={QUESTION_LABEL_MAX}
              value={q.label}
              onChange={(label) => patch(q.id, { label })}
            />
          )}
          <Segmented
            options={[
              { value: 'required', label: '必填' },
              { value: 'optional', label: '选填' },
            ]}
            value={q.required ? 'required' : 'optional'}
            onChange={(v) => patch(q.id, { required: v === 'required' })}
            label={`${q.label || `问题 ${i + 1}`}是否必填`}
          />
          {q.kind === 'text' && (
            <View className="question-row__limit">
              <Text className="question-row__limit-label">回答最多</Text>
              <TextField
                className="input question-row__max"
                kind="phone"
                placeholder={`字数（1–${ANSWER_CEILING}）`}
                maxLength={3}
                value={String(q.maxLength || '')}
                onChange={(v) => patch(q.id, { maxLength: Number(v.replace(/\D+/g, '')) || 0 })}
              />
              <Text className="question-row__limit-label">字</Text>
            </View>
          )}
          <Button
            className="btn btn--secondary question-row__remove"
            onClick={() => onChange(questions.filter((x) => x.id !== q.id))}
          >
            删除问题 {i + 1}
          </Button>
        </View>
      ))}
      <View className="questions-section__add">
        {!has('age') && (
          <Button className="btn btn--secondary add-question-age" onClick={() => add('age')}>
            添加“年龄段”
          </Button>
        )}
        {!has('community') && (
          <Button className="btn btn--secondary add-question-community" onClick={() => add('community')}>
            添加“所在村/社区”
          </Button>
        )}
        {own < FREE_QUESTIONS_MAX && (
          <Button className="btn btn--secondary add-question-free" onClick={() => add('free')}>
            添加自定义问题
          </Button>
        )}
      </View>
      {error && <Text className="form-row__error questions-section__error">{error}</Text>}
    </View>
  );
}

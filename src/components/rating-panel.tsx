/**
 * 评价: five big stars (each a tap target of its own), an optional comment, and 提交评价. Once
 * given, the rating shows as stars with its word (满意 …) and cannot be changed.
 */
import { Button, Text, View } from '@tarojs/components';
import { BusyButton } from './busy-button';
import { useState } from 'react';
import { callResident } from '../api/client';
import { RATING_WORDS } from '../labels';
import { TextField } from '../platform/text-field';

export function Stars({ score }: { score: number }) {
  return (
    <Text className="stars" aria-label={`${score} 星，${RATING_WORDS[score] ?? ''}`}>
      {'★'.repeat(score)}
      {'☆'.repeat(Math.max(0, 5 - score))}
    </Text>
  );
}

export function RatingPanel({
  registrationId,
  onRated,
  onCancel,
}: {
  registrationId: string;
  onRated: (score: number) => void;
  onCancel: () => void;
}) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (busy) return;
    if (score < 1) {
      setError('请先点星星打分');
      return;
    }
    setBusy(true);
    setError(null);
    const res = await callResident('rating.submit', { registrationId, score, comment: comment.trim() });
    setBusy(false);
    if (res.ok) onRated(res.data.score);
    else if (res.error.code === 'ALREADY_RATED') onRated(score);
    else setError(res.error.message);
  };

  return (
    <View className="rating-panel">
      <Text className="rating-panel__title">给这场活动打分</Text>
      <View className="rating-panel__stars" role="radiogroup" aria-label="评分">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rating-star${n <= score ? ' rating-star--on' : ''}`}
            role="radio"
            aria-checked={n === score}
            aria-label={`${n} 星，${RATING_WORDS[n]}`}
            data-score={n}
            onClick={() => {
              setScore(n);
              setError(null);
            }}
          >
            <Text>{n <= score ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Text className="rating-panel__word">{score ? `${score} 星：${RATING_WORDS[score]}` : '请点星星打分'}</Text>
      <TextField
        className="rating-panel__comment"
        placeholder="说说您的感受（可不填）"
        maxLength={200}
        value={comment}
        onChange={setComment}
      />
      {error && <Text className="rating-panel__error">{error}</Text>}
      <View className="rating-panel__actions">
        <Button className="btn btn--secondary rating-panel__cancel" onClick={onCancel}>
          以后再说
        </Button>
        <BusyButton className="btn--primary rating-panel__submit" busy={busy} lock onClick={() => void submit()}>
          提交评价
        </BusyButton>
      </View>
    </View>
  );
}

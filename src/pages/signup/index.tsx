/**
 * 活动报名: name, phone, companions and consent; then the outcome (confirmed or waitlisted) with
 * 开启活动提醒. The name and phone of the last sign-up are kept on the phone and filled in, so a
 * returning resident signs up with three taps from the event page (报名, 同意, 提交).
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ActionOutput, ApiError, EventView, RegistrationView } from '../../../types/api';
import { spanLabel } from '@backend/core/time';
import { normaliseName } from '@backend/core/registration';
import { callResident } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { ReminderButton } from '../../components/reminder-button';
import { LoginHelp } from '../../components/login-help';
import { ThemedPage } from '../../theme';
import { signupAction } from '../../format';
import { CompanionsField, ConsentToggle, PersonFields } from '../../components/person-fields';
import { routeParam } from '../../route';
import { randomHex } from '../../staff/offline/ids';
import type { FieldErrors, SignupField } from '../../signup-form';
import { checkSignup, companionsLimit, hasErrors, serverFieldErrors } from '../../signup-form';
import { SignupQuestions, useAnswers } from '../../components/signup-questions';
import './index.css';

type Outcome = ActionOutput<'resident', 'signup.create'>;

/** The name and phone of the last sign-up, kept on this phone only. */
export const CONTACT_STORAGE_KEY = 'llw.lastContact';

function readContact(): { name: string; phone: string } | null {
  try {
    const raw: unknown = Taro.getStorageSync(CONTACT_STORAGE_KEY);
    if (typeof raw !== 'object' || raw === null) return null;
    const { name, phone } = raw as { name?: unknown; phone?: unknown };
    return typeof name === 'string' && typeof phone === 'string' ? { name, phone } : null;
  } catch {
    return null;
  }
}

function writeContact(contact: { name: string; phone: string } | null): void {
  try {
    if (contact) Taro.setStorageSync(CONTACT_STORAGE_KEY, contact);
    else Taro.removeStorageSync(CONTACT_STORAGE_KEY);
  } catch {
    // Storage unavailable: the next sign-up starts empty.
  }
}

export default function SignupPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'id');
  const [loaded, setLoaded] = useState<{ event: EventView; mine: RegistrationView | null } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [remembered, setRemembered] = useState(() => readContact());
  const [name, setName] = useState(() => remembered?.name ?? '');
  const [phone, setPhone] = useState(() => remembered?.phone ?? '');
  const [companions, setCompanions] = useState(0);
  const [consent, setConsent] = useState(false);
  const asked = useAnswers(loaded?.event.questions ?? []);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ message: string; code?: ApiError['code']; other: string[] } | null>(
    null,
  );
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One id per form, sent with every attempt: a retry after a lost answer gets its sign-up back
  // (backend signup.create) instead of 已报名过.
  const [requestId] = useState(() => `su${randomHex(16)}`);

  const load = useCallback(async () => {
    if (!eventId) {
      setLoadError({ code: 'EVENT_NOT_FOUND', message: '没有找到该活动', retryable: false });
      return;
    }
    setLoadError(null);
    const res = await callResident('event.get', { eventId });
    if (res.ok) setLoaded(res.data);
    else setLoadError(res.error);
  }, [eventId]);

  useEffect(() => {
    void load();
  }, [load]);

  const clearFieldError = (field: SignupField) =>
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const next = { ...errors };
      delete next[field];
      return next;
    });

  if (loadError) {
    return (
      <ThemedPage>
        <ErrorState error={loadError} onRetry={loadError.retryable ? () => void load() : undefined} />
      </ThemedPage>
    );
  }
  if (!loaded) {
    return (
      <ThemedPage>
        <Loading />
      </ThemedPage>
    );
  }

  const { event } = loaded;
  const limit = companionsLimit(event);
  const goMine = () => void Taro.switchTab({ url: '/pages/mine/index' });

  if (outcome) return <SignupResult outcome={outcome} event={event} onMine={goMine} />;

  const action = signupAction(event, loaded.mine);
  const full = (event.seatsLeft ?? 0) < 1 + companions;

  const submit = async () => {
    if (submitting) return;
    const errors = checkSignup({ name, phone, companions, consent }, limit);
    const answered = asked.check();
    setFieldErrors(errors);
    if (hasErrors(errors) || !answered) {
      setFormError({ message: '请按提示修改后再提交', other: [] });
      return;
    }
    setFormError(null);
    setSubmitting(true);
    const res = await callResident('signup.create', {
      eventId: event.id,
      name: normaliseName(name),
      phone: phone.trim(),
      companions,
      consent,
      requestId,
      ...asked.input(),
    });
    setSubmitting(false);
    if (res.ok) {
      writeContact({ name: normaliseName(name), phone: phone.trim() });
      setOutcome(res.data);
      return;
    }
    const { fields, other } = serverFieldErrors(res.error);
    setFieldErrors(fields);
    setFormError({ message: res.error.message, code: res.error.code, other });
  };

  const forget = () => {
    writeContact(null);
    setRemembered(null);
    setName('');
    setPhone('');
  };

  return (
    <ThemedPage className="signup-page">
      <View className="summary">
        <Text className="summary__title">{event.title}</Text>
        <Text className="summary__line">时间：{spanLabel(event.startAt, event.endAt)}</Text>
        <Text className="summary__line">地点：{event.venue}</Text>
      </View>

      {!action.enabled ? (
        <>
          <View className="notice notice--muted">
            <Text className="notice__text">{action.reason ?? action.label}</Text>
          </View>
          {loaded.mine && loaded.mine.status !== 'cancelled' ? (
            <Button className="btn btn--primary btn--block go-mine" onClick={goMine}>
              查看我的报名
            </Button>
          ) : (
            <Button className="btn btn--secondary btn--block" onClick={() => void Taro.navigateBack()}>
              返回
            </Button>
          )}
        </>
      ) : (
        <View className="form">
          {full && (
            <View className="notice notice--wait">
              <Text className="notice__text">名额已满或不足，提交后将进入候补名单，有空位时按顺序递补。</Text>
            </View>
          )}

          {remembered && (
            <View className="remembered">
              <Text className="remembered__text">已填好您上次报名用的姓名和手机号。</Text>
              <View className="link remembered__clear" onClick={forget} role="button">
                <Text>清空，不再保存</Text>
              </View>
            </View>
          )}

          <PersonFields
            prefix="input"
            name={name}
            phone={phone}
            errors={fieldErrors}
            onChange={(field, value) => {
              (field === 'name' ? setName : setPhone)(value);
              clearFieldError(field);
            }}
          />

          <CompanionsField
            value={companions}
            max={limit}
            error={fieldErrors.companions}
            hint={`${limit > 0 ? `最多可带 ${limit} 位。` : ''}同行家属也占用名额，本次报名共占 ${1 + companions} 个名额。`}
            onChange={(n) => {
              setCompanions(n);
              clearFieldError('companions');
            }}
          />

          <SignupQuestions {...asked.fields} />

          <ConsentToggle
            checked={consent}
            text="我已阅读并同意《个人信息保护说明》"
            error={fieldErrors.consent}
            onToggle={() => {
              setConsent((c) => !c);
              clearFieldError('consent');
            }}
          >
            <Text className="link consent__read" onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
              查看《个人信息保护说明》
            </Text>
          </ConsentToggle>

          {formError && (
            <View className="notice notice--error form-error">
              <Text className="notice__text">{formError.message}</Text>
              {formError.other.map((m) => (
                <Text key={m} className="notice__text notice__detail">
                  {m}
                </Text>
              ))}
              {formError.code === 'UNAUTHENTICATED' && <LoginHelp onLoggedIn={() => setFormError(null)} />}
              {formError.code === 'SIGNUP_DUPLICATE' && (
                <Text className="link" onClick={goMine}>
                  查看我的报名
                </Text>
              )}
            </View>
          )}

          <Button
            className={`btn btn--primary btn--block signup-submit${submitting ? ' btn--disabled' : ''}`}
            loading={submitting || undefined}
            disabled={submitting || undefined}
            onClick={() => void submit()}
          >
            提交报名
          </Button>
        </View>
      )}
    </ThemedPage>
  );
}

function SignupResult({ outcome, event, onMine }: { outcome: Outcome; event: EventView; onMine: () => void }) {
  const waitlisted = outcome.outcome === 'waitlisted';
  const position = outcome.registration.waitPosition;
  return (
    <ThemedPage className="signup-page">
      <View className={`result ${waitlisted ? 'result--wait' : 'result--ok'}`}>
        <Text className="result__icon">{waitlisted ? '…' : '✓'}</Text>
        <Text className="result__title">{waitlisted ? `已进入候补，第 ${position ?? '?'} 位` : '报名成功'}</Text>
        <Text className="result__text">{event.title}</Text>
        <Text className="result__text">{spanLabel(event.startAt, event.endAt)}</Text>
        <Text className="result__text">{event.venue}</Text>
        <Text className="result__hint">
          {waitlisted
            ? '有人取消时将按候补顺序自动为您递补，请留意“我的报名”中的状态。'
            : '请按时到场参加。如不能参加，请在“我的报名”中取消，把名额留给其他居民。'}
        </Text>
      </View>
      <Button className="btn btn--primary btn--block go-mine" onClick={onMine}>
        查看我的报名
      </Button>
      <View className="result-reminder">
        <Text className="result-reminder__text">想在活动开始前收到微信提醒吗？</Text>
        <ReminderButton />
      </View>
    </ThemedPage>
  );
}

/**
 * 现场登记 / 代报名 at the door of one event. 现场登记 counts someone who came without signing
 * up (name and phone optional; queued like a scan when offline) and records their answers to the
 * event's sign-up questions, each optional at the door. 代报名 signs up a person who has no
 * smartphone, on their behalf and with their consent given in person, asking the questions as the
 * sign-up page does (required ones required). The fields are the sign-up page's
 * (components/person-fields.tsx, components/signup-questions.tsx).
 */
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ActionOutput, StaffEventView } from '../../../types/api';
import type { SignupQuestion } from '../../../types/domain';
import { doorQuestions } from '@backend/core/signup-questions';
import { COMPANIONS_CEILING, PHONE_RE, normaliseName } from '@backend/core/registration';
import { spanLabel } from '@backend/core/time';
import { ErrorState } from '../../components/states';
import { CompanionsField, ConsentToggle, PersonFields } from '../../components/person-fields';
import { SignupQuestions, useAnswers } from '../../components/signup-questions';
import { routeParam } from '../../route';
import type { FieldErrors, SignupField } from '../../signup-form';
import { NAME_MAX_LENGTH, checkSignup, companionsLimit, hasErrors, serverFieldErrors } from '../../signup-form';
import { callStaff } from '../api';
import { PendingBar } from '../components/pending-bar';
import { ScanCard } from '../components/scan-card';
import type { DoorResult } from '../offline/door';
import { useDoor } from '../use-door';
import '../staff.css';
import './index.css';
import { ThemedPage } from '../../theme';

type Tab = 'walkin' | 'proxy';

export default function StaffWalkinPage() {
  const { params } = useRouter();
  const eventId = routeParam(params, 'eventId');
  const { door, pending, syncing, syncNow } = useDoor(eventId);
  const [event, setEvent] = useState<StaffEventView | null>(() => door.cachedRoster()?.event ?? null);
  const [tab, setTab] = useState<Tab>('walkin');

  useEffect(() => {
    if (!eventId) return;
    void door.refreshRoster().then((r) => {
      if (r.roster) setEvent(r.roster.event);
    });
  }, [door, eventId]);

  if (!eventId) {
    return (
      <ThemedPage className="staff-page">
        <ErrorState error={{ message: '缺少活动编号', retryable: false }} />
      </ThemedPage>
    );
  }

  return (
    <ThemedPage className="staff-page walkin-page">
      {event && (
        <View className="door-header">
          <Text className="door-header__title">{event.title}</Text>
          <Text className="door-header__line">{spanLabel(event.startAt, event.endAt)}</Text>
        </View>
      )}
      <PendingBar pending={pending} syncing={syncing} offline={false} onSync={() => void syncNow()} />

      <View className="tabs" role="tablist">
        <View
          className={`tab${tab === 'walkin' ? ' tab--active' : ''}`}
          role="tab"
          aria-selected={tab === 'walkin'}
          onClick={() => setTab('walkin')}
        >
          <Text>现场登记</Text>
        </View>
        <View
          className={`tab${tab === 'proxy' ? ' tab--active' : ''}`}
          role="tab"
          aria-selected={tab === 'proxy'}
          onClick={() => setTab('proxy')}
        >
          <Text>代报名</Text>
        </View>
      </View>

      {tab === 'walkin' ? (
        <WalkinForm door={door} questions={event?.questions ?? []} />
      ) : (
        <ProxyForm
          eventId={eventId}
          maxCompanions={event ? companionsLimit(event) : COMPANIONS_CEILING}
          questions={event?.questions ?? []}
        />
      )}
    </ThemedPage>
  );
}

function WalkinForm({
  door,
  questions,
}: {
  door: ReturnType<typeof useDoor>['door'];
  questions: readonly SignupQuestion[];
}) {
  // At the door every question is optional (core/signup-questions.ts doorQuestions).
  const asked = doorQuestions(questions);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [companions, setCompanions] = useState(0);
  const form = useAnswers(asked);
  const [errors, setErrors] = useState<{ name?: string; phone?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DoorResult | null>(null);

  const submit = async () => {
    if (busy) return;
    const n = normaliseName(name);
    const p = phone.trim();
    const next: typeof errors = {};
    if (Array.from(n).length > NAME_MAX_LENGTH) next.name = `姓名不能超过 ${NAME_MAX_LENGTH} 个字`;
    if (p && !PHONE_RE.test(p)) next.phone = '请填写正确的 11 位手机号码，或留空';
    setErrors(next);
    const answered = form.check();
    if (next.name || next.phone || !answered) return;
    setBusy(true);
    const answer = await door.walkIn({ name: n || undefined, phone: p || undefined, companions, ...form.input() });
    setBusy(false);
    if (!answer.ok) {
      setErrors({ form: answer.error.message });
      return;
    }
    setDone(answer.value);
    setName('');
    setPhone('');
    setCompanions(0);
    form.reset();
  };

  return (
    <View className="staff-form walkin-form">
      {done && (
        <View className="walkin-done">
          <ScanCard
            result={done.result}
            offline={done.offline}
            now={Date.now()}
            title={done.result.outcome === 'checked_in' && !done.offline ? '现场登记成功' : undefined}
          />
        </View>
      )}
      <Text className="form-item__hint">未报名直接到场的居民，登记后计入现场人数。姓名和手机号可不填。</Text>
      <PersonFields
        prefix="walkin"
        name={name}
        phone={phone}
        errors={errors}
        onChange={(field, value) => (field === 'name' ? setName : setPhone)(value)}
        labels={{ name: '姓名（可不填）', phone: '手机号（可不填）' }}
      />
      <CompanionsField
        label="同行"
        who="同行"
        value={companions}
        max={COMPANIONS_CEILING}
        hint={`本次登记共 ${1 + companions} 人`}
        onChange={setCompanions}
      />
      {asked.length > 0 && (
        <Text className="form-item__hint walkin-questions-hint">本活动的报名问题，居民不愿回答的可不填。</Text>
      )}
      <SignupQuestions {...form.fields} />
      {errors.form && (
        <View className="notice notice--error">
          <Text className="notice__text">{errors.form}</Text>
        </View>
      )}
      <Button
        className={`btn btn--primary btn--block form-submit walkin-submit${busy ? ' btn--disabled' : ''}`}
        disabled={busy || undefined}
        loading={busy || undefined}
        onClick={() => void submit()}
      >
        登记到场
      </Button>
    </View>
  );
}

type ProxyOutcome = ActionOutput<'staff', 'signup.proxy'>;

function ProxyForm({
  eventId,
  maxCompanions,
  questions,
}: {
  eventId: string;
  maxCompanions: number;
  questions: readonly SignupQuestion[];
}) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [companions, setCompanions] = useState(0);
  const [consent, setConsent] = useState(false);
  const asked = useAnswers(questions);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ProxyOutcome | null>(null);

  const clear = (field: SignupField) => setErrors(({ [field]: _gone, ...rest }) => rest);

  const submit = async () => {
    if (busy) return;
    const draft = { name, phone, companions, consent };
    const found = checkSignup(draft, maxCompanions);
    if (!consent) found.consent = '请先当面告知并取得本人同意，再勾选';
    const answered = asked.check();
    setErrors(found);
    if (hasErrors(found) || !answered) {
      setFormError(['请按提示修改后再提交']);
      return;
    }
    setFormError(null);
    setBusy(true);
    const res = await callStaff('signup.proxy', {
      eventId,
      name: normaliseName(name),
      phone: phone.trim(),
      companions,
      consent,
      ...asked.input(),
    });
    setBusy(false);
    if (res.ok) {
      setDone(res.data);
      setName('');
      setPhone('');
      setCompanions(0);
      setConsent(false);
      asked.reset();
      return;
    }
    const { fields, other } = serverFieldErrors(res.error);
    setErrors(fields);
    setFormError([res.error.message, ...other]);
  };

  return (
    <View className="staff-form proxy-form">
      {done && (
        <View className={`notice ${done.outcome === 'confirmed' ? 'notice--ok' : 'notice--wait'} proxy-done`}>
          <Text className="notice__text">
            {done.outcome === 'confirmed'
              ? `代报名成功：${done.registration.name}`
              : `名额已满，${done.registration.name} 已进入候补第 ${done.registration.waitPosition ?? '?'} 位`}
          </Text>
        </View>
      )}
      <Text className="form-item__hint">为没有智能手机的居民报名。请当面核对姓名和手机号。</Text>
      <PersonFields
        prefix="proxy"
        name={name}
        phone={phone}
        errors={errors}
        onChange={(field, value) => {
          (field === 'name' ? setName : setPhone)(value);
          clear(field);
        }}
        placeholders={{ name: '请输入报名人姓名', phone: '请输入报名人手机号' }}
      />
      <CompanionsField
        value={companions}
        max={maxCompanions}
        error={errors.companions}
        onChange={(n) => {
          setCompanions(n);
          clear('companions');
        }}
      />
      <SignupQuestions {...asked.fields} />
      <ConsentToggle
        checked={consent}
        text="已当面告知并取得本人同意"
        error={errors.consent}
        onToggle={() => {
          setConsent((c) => !c);
          clear('consent');
        }}
      />
      {formError && (
        <View className="notice notice--error">
          {formError.map((m) => (
            <Text key={m} className="notice__text">
              {m}
            </Text>
          ))}
        </View>
      )}
      <Button
        className={`btn btn--primary btn--block form-submit proxy-submit${busy ? ' btn--disabled' : ''}`}
        disabled={busy || undefined}
        loading={busy || undefined}
        onClick={() => void submit()}
      >
        提交代报名
      </Button>
    </View>
  );
}

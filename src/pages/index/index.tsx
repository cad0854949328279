/** 活动周首页: the week's campaign, day tabs, filters, search, the day's events, and the 标准/大字 switch. */
import { Button, Picker, ScrollView, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionOutput, ApiError, ApiResult, EventView, WeekView } from '../../../types/api';
import type { Audience, Category, Day } from '../../../types/domain';
import { clockLabel, dayLabel, weekdayLabel } from '@backend/core/time';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { defaultDay, eventTags, hostText, seatsText, weekRangeLabel } from '../../format';
import { TextField } from '../../platform/text-field';
import { AUDIENCE_LABELS, AUDIENCE_OPTIONS, CATEGORY_LABELS, CATEGORY_OPTIONS } from '../../labels';
import { ThemeToggle, ThemedPage, useTheme } from '../../theme';
import './index.css';

const PAGE_SIZE = 50;

interface Filters {
  streetId?: string;
  category?: Category;
  audience?: Audience;
  q?: string;
}

export default function IndexPage() {
  const [week, setWeek] = useState<WeekView | null>(null);
  const [weekError, setWeekError] = useState<ApiError | null>(null);
  const [day, setDay] = useState<Day | undefined>(undefined);
  const [filters, setFilters] = useState<Filters>({});
  const [draftQ, setDraftQ] = useState('');
  const [events, setEvents] = useState<EventView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [listError, setListError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const requestSeq = useRef(0);

  /** The residents' campaign, or another current one the resident switched to. */
  const loadWeek = useCallback(async (campaignId?: string) => {
    setWeekError(null);
    const res = await callResident('week.get', campaignId ? { campaignId } : {});
    if (!res.ok) {
      setWeekError(res.error);
      return;
    }
    setWeek(res.data);
    setDay((current) => (campaignId || !current ? defaultDay(res.data.days, Date.now()) : current));
  }, []);

  useEffect(() => {
    void loadWeek();
  }, [loadWeek]);

  const query = useCallback(
    (offset: number): Promise<ApiResult<ActionOutput<'resident', 'events.list'>>> => {
      const input: ActionInput<'resident', 'events.list'> = { offset, limit: PAGE_SIZE };
      if (week) input.campaignId = week.campaign.id;
      // A search covers the whole week; without one the list is the chosen day's.
      if (day && !filters.q) input.day = day;
      if (filters.streetId) input.streetId = filters.streetId;
      if (filters.category) input.category = filters.category;
      if (filters.audience) input.audience = filters.audience;
      if (filters.q) input.q = filters.q;
      return callResident('events.list', input);
    },
    [day, filters, week],
  );

  const loadEvents = useCallback(async () => {
    if (!week || !day) return;
    const seq = ++requestSeq.current;
    setListError(null);
    setEvents(null);
    const res = await query(0);
    if (seq !== requestSeq.current) return; // a newer request has been made meanwhile
    if (!res.ok) {
      setListError(res.error);
      return;
    }
    setEvents(res.data.events);
    setTotal(res.data.total);
  }, [week, day, query]);

  useEffect(() => {
    void loadEvents();
  }, [loadEvents]);

  const loadMore = async () => {
    if (!events || loadingMore) return;
    const seq = requestSeq.current;
    setLoadingMore(true);
    const res = await query(events.length);
    setLoadingMore(false);
    if (seq !== requestSeq.current) return;
    if (!res.ok) {
      void Taro.showToast({ title: res.error.message, icon: 'none' });
      return;
    }
    setEvents([...events, ...res.data.events]);
    setTotal(res.data.total);
  };

  const search = () => setFilters((f) => ({ ...f, q: draftQ.trim() || undefined }));
  const searching = Boolean(filters.q);
  /** A day tab ends a search: the list is that day's again. */
  const chooseDay = (d: Day) => {
    setDay(d);
    if (filters.q) {
      setDraftQ('');
      setFilters((f) => ({ ...f, q: undefined }));
    }
  };
  const clearFilters = () => {
    setDraftQ('');
    setFilters({});
  };

  const openEvent = (id: string) => {
    void Taro.navigateTo({ url: `/pages/event/index?id=${encodeURIComponent(id)}` });
  };

  if (weekError) {
    return (
      <ThemedPage>
        <ErrorState error={weekError} onRetry={() => void loadWeek(week?.campaign.id)} />
      </ThemedPage>
    );
  }
  if (!week) {
    return (
      <ThemedPage>
        <Loading />
      </ThemedPage>
    );
  }

  const { campaign, days, streets } = week;
  const streetNames = ['全部街道/镇', ...streets.map((s) => s.name)];
  const streetIndex = filters.streetId ? streets.findIndex((s) => s.id === filters.streetId) + 1 : 0;
  const categoryNames = ['全部类别', ...CATEGORY_OPTIONS.map((c) => CATEGORY_LABELS[c])];
  const categoryIndex = filters.category ? CATEGORY_OPTIONS.indexOf(filters.category) + 1 : 0;
  const audienceNames = ['全部对象', ...AUDIENCE_OPTIONS.map((a) => AUDIENCE_LABELS[a])];
  const audienceIndex = filters.audience ? AUDIENCE_OPTIONS.indexOf(filters.audience) + 1 : 0;
  const filtered = Boolean(filters.streetId || filters.category || filters.audience || filters.q);

  return (
    <ThemedPage className="home">
      <View className="home-font">
        <Text className="home-font__label">字号</Text>
        <ThemeToggle />
      </View>
      <View className="campaign">
        {campaign.demo && <Text className="demo-badge">演示数据</Text>}
        <Text className="campaign__name">{campaign.name}</Text>
        {campaign.theme && <Text className="campaign__theme">主题：{campaign.theme}</Text>}
        <Text className="campaign__dates">活动时间：{weekRangeLabel(campaign.weekStart, campaign.weekEnd)}</Text>
        {week.others && week.others.length > 0 && (
          <View className="campaign__others" role="navigation" aria-label="其他正在进行的活动周">
            <Text className="campaign__others-label">同期还有：</Text>
            {week.others.map((o) => (
              <Text key={o.id} className="link campaign__other" onClick={() => void loadWeek(o.id)}>
                {o.name}
              </Text>
            ))}
          </View>
        )}
      </View>

      <ScrollView className="day-tabs" scrollX enhanced showScrollbar={false}>
        <View className="day-tabs__row" role="tablist" aria-label="活动日期">
          {days.map((d) => (
            <View
              key={d}
              id={`day-${d}`}
              className={`day-tab${d === day ? ' day-tab--active' : ''}`}
              role="tab"
              aria-selected={d === day}
              onClick={() => chooseDay(d)}
            >
              <Text className="day-tab__date">{dayLabel(d)}</Text>
              <Text className="day-tab__weekday">{weekdayLabel(d)}</Text>
            </View>
          ))}
        </View>
      </ScrollView>

      <View className="search">
        <TextField
          className="search__input"
          kind="search"
          placeholder="搜索活动"
          value={draftQ}
          onChange={setDraftQ}
          onConfirm={search}
        />
        <Button className="btn btn--primary search__button" onClick={search}>
          搜索
        </Button>
      </View>

      <View className="filters">
        <View className="filters__item">
          <Picker
            mode="selector"
            range={streetNames}
            value={streetIndex}
            onChange={(e) => {
              const i = Number(e.detail.value);
              setFilters((f) => ({ ...f, streetId: i > 0 ? streets[i - 1].id : undefined }));
            }}
          >
            <View className={`filter filter--street${streetIndex ? ' filter--on' : ''}`}>
              <Text className="filter__text">{streetIndex ? streetNames[streetIndex] : '街道/镇'}</Text>
              <Text className="filter__arrow">▾</Text>
            </View>
          </Picker>
        </View>
        <View className="filters__item">
          <Picker
            mode="selector"
            range={categoryNames}
            value={categoryIndex}
            onChange={(e) => {
              const i = Number(e.detail.value);
              setFilters((f) => ({ ...f, category: i > 0 ? CATEGORY_OPTIONS[i - 1] : undefined }));
            }}
          >
            <View className={`filter filter--category${categoryIndex ? ' filter--on' : ''}`}>
              <Text className="filter__text">{categoryIndex ? categoryNames[categoryIndex] : '类别'}</Text>
              <Text className="filter__arrow">▾</Text>
            </View>
          </Picker>
        </View>
        <View className="filters__item filters__item--last">
          <Picker
            mode="selector"
            range={audienceNames}
            value={audienceIndex}
            onChange={(e) => {
              const i = Number(e.detail.value);
              setFilters((f) => ({ ...f, audience: i > 0 ? AUDIENCE_OPTIONS[i - 1] : undefined }));
            }}
          >
            <View className={`filter filter--audience${audienceIndex ? ' filter--on' : ''}`}>
              <Text className="filter__text">{audienceIndex ? audienceNames[audienceIndex] : '对象'}</Text>
              <Text className="filter__arrow">▾</Text>
            </View>
          </Picker>
        </View>
      </View>
      {filtered && (
        <View className="filters__summary">
          <Text className="filters__summary-text">
            {filters.q ? `全周搜索“${filters.q}”` : '已筛选'}
            {events ? `，共 ${total} 项` : ''}
          </Text>
          <Text className="link filters__clear" onClick={clearFilters}>
            清除筛选
          </Text>
        </View>
      )}

      <View className="event-list">
        {listError ? (
          <ErrorState error={listError} onRetry={() => void loadEvents()} />
        ) : !events ? (
          <Loading />
        ) : events.length === 0 ? (
          <Empty text={filtered ? '没有符合条件的活动，换个条件试试' : '这一天暂无活动'}>
            {filtered && (
              <Button className="btn btn--secondary" onClick={clearFilters}>
                清除筛选
              </Button>
            )}
          </Empty>
        ) : (
          <>
            {events.map((event) => (
              <EventCard key={event.id} event={event} onOpen={openEvent} withDay={searching} />
            ))}
            {events.length < total && (
              <BusyButton className="btn--secondary load-more" busy={loadingMore} onClick={() => void loadMore()}>
                加载更多
              </BusyButton>
            )}
          </>
        )}
      </View>
    </ThemedPage>
  );
}

function EventCard({
  event,
  onOpen,
  withDay,
}: {
  event: EventView;
  onOpen: (id: string) => void;
  /** Search results span the week: each card says its day. */
  withDay: boolean;
}) {
  const { large } = useTheme();
  const seats = seatsText(event, large);
  // The card's name is its visible text (time, seats, title, venue), as a screen reader reads it.
  return (
    <View
      className={`event-card${event.cancelled ? ' event-card--cancelled' : ''}`}
      id={`event-${event.id}`}
      role="link"
      onClick={() => onOpen(event.id)}
    >
      <View className="event-card__top">
        <Text className="event-card__time">
          {withDay ? `${dayLabel(event.day)} ${weekdayLabel(event.day)} ` : ''}
          {clockLabel(event.startAt)}–{clockLabel(event.endAt)}
        </Text>
        <Badge className="event-card__seats" text={seats.text} tone={seats.tone} />
      </View>
      <Text className="event-card__title">{event.title}</Text>
      <Text className="event-card__venue">地点：{event.venue}</Text>
      <Text className="event-card__host">{hostText(event)}</Text>
      <View className="event-card__tags">
        {eventTags(event).map((tag) => (
          <Text key={tag} className="tag">
            {tag}
          </Text>
        ))}
      </View>
    </View>
  );
}

/**
 * The three forms drawn like the paper: a bordered sheet with its title, label cells on the
 * left, typed fields as inputs, counted cells marked 自动统计 (basis on tap), and the activity
 * tables (scrolling sideways on a phone).
 */
import { Picker, ScrollView, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActivityRow, Counted, F1Data, F2Data, F3Data } from '../../../types/forms';
import { TextField } from '../../platform/text-field';
import { CountedCell } from '../components/counted-cell';
import { TextArea } from '../components/text-area';
import { FIELD_SPECS, type FieldSpec } from './fields';

export interface TypedProps {
  fields: Record<string, string>;
  setField: (key: string, value: string) => void;
}

const spec = (kind: 'F1' | 'F2' | 'F3', key: string): FieldSpec =>
  FIELD_SPECS[kind].find((s) => s.key === key) ?? { key, label: key };

function Typed({ field, fields, setField }: TypedProps & { field: FieldSpec }) {
  const value = fields[field.key] ?? '';
  return (
    <View className="typed" data-field={field.key}>
      {field.multiline ? (
        <TextArea
          id={`field-${field.key}`}
          value={value}
          onChange={(v) => setField(field.key, v)}
          placeholder={field.placeholder ?? `请填写${field.label}`}
        />
      ) : (
        <TextField
          id={`field-${field.key}`}
          className="input"
          value={value}
          onChange={(v) => setField(field.key, v)}
          placeholder={field.placeholder ?? `请填写${field.label}`}
          maxLength={200}
        />
      )}
    </View>
  );
}

function Row({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  return (
    <View className="paper__row" id={id}>
      <View className="paper__label">
        <Text>{label}</Text>
      </View>
      <View className="paper__value">{children}</View>
    </View>
  );
}

function Plain({ text }: { text: string }) {
  return <Text className="paper__text">{text || '—'}</Text>;
}

function TypedRow({ kind, name, ...typed }: TypedProps & { kind: 'F1' | 'F2' | 'F3'; name: string }) {
  const field = spec(kind, name);
  return (
    <Row label={field.label}>
      <Typed field={field} {...typed} />
    </Row>
  );
}

function SectionRow({ title }: { title: string }) {
  return (
    <View className="paper__section">
      <Text>{title}</Text>
    </View>
  );
}

function Sheet({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <View className="paper" id={id}>
      <Text className="paper__title">{title}</Text>
      {children}
    </View>
  );
}

interface TableColumn {
  title: string;
  size: 'day' | 'time' | 'title' | 'content' | 'venue' | 'count';
  cell: (row: ActivityRow) => ReactNode;
}

function ActivityTable({
  columns,
  blocks,
  total,
  totalLabel,
  id,
}: {
  columns: TableColumn[];
  blocks: { label: string | null; rows: ActivityRow[] }[];
  total: Counted;
  totalLabel: string;
  id: string;
}) {
  const withDay = blocks.some((b) => b.label !== null);
  return (
    <ScrollView className="paper-table-scroll" scrollX enhanced showScrollbar>
      <View className="paper-table" id={id} role="table">
        <View className="paper-table__row paper-table__row--head" role="row">
          {withDay && <Cell size="day" head text="日期" />}
          {columns.map((c) => (
            <Cell key={c.title} size={c.size} head text={c.title} />
          ))}
        </View>
        {blocks.map((block, b) =>
          block.rows.length === 0 ? (
            <View key={`empty-${b}`} className="paper-table__row paper-table__row--empty" role="row">
              {block.label !== null && <Cell size="day" text={block.label} />}
              <View className="paper-table__cell paper-table__cell--rest" role="cell">
                <Text className="paper__muted">（无活动）</Text>
              </View>
            </View>
          ) : (
            block.rows.map((row, i) => (
              <View key={row.eventId} className="paper-table__row" role="row" data-event={row.eventId}>
                {block.label !== null && <Cell size="day" text={i === 0 ? block.label : ''} />}
                {columns.map((c) => (
                  <View key={c.title} className={`paper-table__cell pcol--${c.size}`} role="cell">
                    {c.cell(row)}
                  </View>
                ))}
              </View>
            ))
          ),
        )}
        <View className="paper-table__row paper-table__row--total" role="row" id={`${id}-total`}>
          {[...(withDay ? [null] : []), ...columns].map((c, i) => (
            <View key={c ? c.title : 'day'} className={`paper-table__cell pcol--${c ? c.size : 'day'}`} role="cell">
              {c?.size === 'count' ? (
                <CountedCell counted={total} id={`${id}-total-count`} />
              ) : i === 0 ? (
                <Text className="paper-table__total-label">合计</Text>
              ) : i === 1 ? (
                <Text className="paper__muted">{totalLabel}</Text>
              ) : null}
            </View>
          ))}
        </View>
      </View>
    </ScrollView>
  );
}

function Cell({ size, text, head }: { size: TableColumn['size']; text: string; head?: boolean }) {
  return (
    <View
      className={`paper-table__cell pcol--${size}${head ? ' paper-table__cell--head' : ''}`}
      role={head ? 'columnheader' : 'cell'}
    >
      <Text>{text}</Text>
    </View>
  );
}

const countCell = (row: ActivityRow) => <CountedCell counted={row.participants} id={`count-${row.eventId}`} />;

export function F1Paper({
  data,
  mobilisationId,
  onMobilisation,
  ...typed
}: TypedProps & { data: F1Data; mobilisationId: string | null; onMobilisation: (id: string | null) => void }) {
  const rows = data.days.flatMap((d) => d.rows);
  const choices = ['不指定（动员会不是本周活动）', ...rows.map((r) => `${r.time} ${r.title}`)];
  const index = Math.max(0, rows.findIndex((r) => r.eventId === mobilisationId) + 1);
  return (
    <Sheet title={data.title} id="paper-F1">
      <Row label="单位名称（盖章）">
        <Plain text={data.unitName} />
      </Row>
      <TypedRow kind="F1" name="leader" {...typed} />
      <TypedRow kind="F1" name="organizingUnits" {...typed} />
      <TypedRow kind="F1" name="participatingUnits" {...typed} />
      <SectionRow title="“启动周”主要负责人" />
      <TypedRow kind="F1" name="contactName" {...typed} />
      <TypedRow kind="F1" name="contactPosition" {...typed} />
      <TypedRow kind="F1" name="contactPhone" {...typed} />
      <TypedRow kind="F1" name="contactEmail" {...typed} />
      <SectionRow title="动员会" />
      <Row label="动员会活动" id="mobilisation">
        <Picker
          mode="selector"
          range={choices}
          value={index}
          onChange={(e) => {
            const i = Number(e.detail.value);
            onMobilisation(i === 0 ? null : (rows[i - 1]?.eventId ?? null));
          }}
        >
          <View className="picker-box">
            <Text className="picker-box__text">{choices[index]}</Text>
            <Text className="picker-box__arrow">▾</Text>
          </View>
        </Picker>
        <Text className="paper__hint">选本单位的一项活动作为动员会，时间、地点和人数随之自动填写（保存后生效）。</Text>
      </Row>
      <Row label="动员会时间">
        <Plain text={data.mobilisation.time} />
      </Row>
      <Row label="动员会举办地点">
        <Plain text={data.mobilisation.place} />
      </Row>
      <Row label="参与动员会人数">
        {data.mobilisation.participants ? (
          <CountedCell counted={data.mobilisation.participants} id="mobilisation-count" />
        ) : (
          <Text className="paper__muted">选定动员会活动后自动统计</Text>
        )}
      </Row>
      <Row label="活动周主题">
        <Plain text={data.theme} />
      </Row>
      <ActivityTable
        id="table-F1"
        blocks={data.days.map((d) => ({ label: d.label, rows: d.rows }))}
        total={data.total}
        totalLabel="参加人数合计（人次）"
        columns={[
          { title: '活动时间', size: 'time', cell: (r) => <Text>{r.time.replace(/^\S+\s/, '')}</Text> },
          { title: '活动项目', size: 'title', cell: (r) => <Text>{r.title}</Text> },
          { title: '形式与内容', size: 'content', cell: (r) => <Text>{r.content}</Text> },
          { title: '活动地点', size: 'venue', cell: (r) => <Text>{r.venue}</Text> },
          { title: '参加人数', size: 'count', cell: countCell },
        ]}
      />
      <Row label="表下注">
        <Typed field={spec('F1', 'footnote')} {...typed} />
      </Row>
    </Sheet>
  );
}

export function F2Paper({ data, ...typed }: TypedProps & { data: F2Data }) {
  return (
    <Sheet title={data.title} id="paper-F2">
      <Row label="单位名称（盖章）">
        <Plain text={data.unitName} />
      </Row>
      <TypedRow kind="F2" name="contactName" {...typed} />
      <TypedRow kind="F2" name="contactPhone" {...typed} />
      <Row label="参加人数">
        <Plain
          text={data.mode === 'plan' ? '计划：按座位数（无需报名的按已报名人数）' : '实到：签到 + 现场登记 + 填报'}
        />
      </Row>
      <ActivityTable
        id="table-F2"
        blocks={[{ label: null, rows: data.rows }]}
        total={data.total}
        totalLabel={data.mode === 'plan' ? '预计参加人数合计' : '实际参加人数合计（人次）'}
        columns={[
          { title: '活动项目', size: 'title', cell: (r) => <Text>{r.title}</Text> },
          { title: '活动形式与内容', size: 'content', cell: (r) => <Text>{r.content}</Text> },
          { title: '参加人数', size: 'count', cell: countCell },
          { title: '活动地点', size: 'venue', cell: (r) => <Text>{r.venue}</Text> },
          { title: '活动时间', size: 'time', cell: (r) => <Text>{r.time}</Text> },
        ]}
      />
    </Sheet>
  );
}

export function F3Paper({ data, ...typed }: TypedProps & { data: F3Data }) {
  const t = (name: string) => <TypedRow kind="F3" name={name} {...typed} />;
  const c = (label: string, counted: Counted<string>, id: string) => (
    <Row label={label}>
      <CountedCell counted={counted} id={id} />
    </Row>
  );
  return (
    <Sheet title={data.title} id="paper-F3">
      <Row label="举办县区">
        <Plain text={data.district} />
      </Row>
      <Row label="主办单位及协办单位">
        <Plain text={data.hostsAndCoHosts} />
      </Row>
      <SectionRow title="组织领导" />
      {t('issuingDepartment')}
      {t('attendingLeaders')}
      {t('coordinatingDepartment')}
      {t('planningDepartment')}
      <SectionRow title="活动参与情况" />
      {c('全市区数及参与活动的数量', data.participation.areas, 'f3-areas')}
      {c('主会场及分会场数量', data.participation.venues, 'f3-venues')}
      {c('参加活动人数', data.participation.participants, 'f3-participants')}
      {t('highlights')}
      <SectionRow title="活动主题与内容" />
      <Row label="活动主题">
        <Plain text={data.themeAndContent.theme} />
      </Row>
      {t('content')}
      {t('results')}
      {c('活动时间', data.themeAndContent.period, 'f3-period')}
      <SectionRow title="活动的群众性" />
      {c('活动范围', data.reach.scope, 'f3-scope')}
      {c('群众满意度', data.reach.satisfaction, 'f3-satisfaction')}
      {t('selfAssessment')}
      <SectionRow title="宣传报道" />
      {t('publicityRange')}
      {t('articles')}
      {t('media')}
      {t('other')}
    </Sheet>
  );
}

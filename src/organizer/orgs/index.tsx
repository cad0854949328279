/**
 * 组织架构: the district's tree — district → streets and towns → units — with each unit's kind
 * and person in charge (负责人, 职务, 电话, E-mail: the header fields of the forms). Organizers add
 * and edit streets, towns and units here (org.save); everyone with a door role may look.
 */
import { Button, Picker, Text, View } from '@tarojs/components';
import { BusyButton } from '../../components/busy-button';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { Org, OrgContact, UnitKind } from '../../../types/domain';
import { CONTACT_PHONE_RE, EMAIL_RE } from '@backend/core/setup';
import { callResident } from '../../api/client';
import { Badge } from '../../components/badge';
import { PageStates } from '../../components/states';
import { useCall } from '../../hooks/use-call';
import { useFormDraft } from '../../hooks/use-form-draft';
import { TextField } from '../../platform/text-field';
import { isOrganizer } from '../access';
import { callOrganizer } from '../api';
import { FormRow } from '../components/form';
import { Segmented } from '../components/segmented';
import type { FieldErrorMap } from '../field-errors';
import { ORG_KIND_LABELS, UNIT_KIND_LABELS, UNIT_KIND_OPTIONS } from '../labels';
import '../organizer.css';
import '../organizer-forms.css';
import './index.css';
import { ThemedPage } from '../../theme';

interface Tree {
  district: Org | null;
  areas: { area: Org; units: Org[] }[];
  /** Units placed directly under the district. */
  districtUnits: Org[];
}

export function orgTree(orgs: Org[]): Tree {
  const byName = (a: Org, b: Org) => a.name.localeCompare(b.name, 'zh-CN');
  const district = orgs.find((o) => o.kind === 'district') ?? null;
  const areas = orgs
    .filter((o) => o.kind === 'street' || o.kind === 'town')
    .sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'street' ? -1 : 1))
    .map((area) => ({ area, units: orgs.filter((o) => o.kind === 'unit' && o.parentId === area.id).sort(byName) }));
  const districtUnits = orgs.filter((o) => o.kind === 'unit' && o.parentId === district?.id).sort(byName);
  return { district, areas, districtUnits };
}

interface OrgDraft {
  id?: string;
  name: string;
  kind: 'street' | 'town' | 'unit';
  parentId: string | null;
  unitKind: UnitKind;
  contact: OrgContact;
}

const EMPTY_CONTACT: OrgContact = { name: '', position: '', phone: '', email: '' };
const ORG_FIELDS = [
  'name',
  'kind',
  'parentId',
  'unitKind',
  'contact.name',
  'contact.position',
  'contact.phone',
  'contact.email',
  'contact',
];

export function checkOrgDraft(d: OrgDraft): FieldErrorMap {
  const errors: FieldErrorMap = {};
  if (!d.name.trim()) errors.name = '请填写单位名称';
  else if (Array.from(d.name.trim()).length > 60) errors.name = '单位名称最多 60 个字';
  if (d.kind === 'unit' && !d.parentId) errors.parentId = '请选择单位所属的街道/镇';
  const c = d.contact;
  if (Array.from(c.name.trim()).length > 20) errors['contact.name'] = '负责人姓名最多 20 个字';
  if (Array.from(c.position.trim()).length > 40) errors['contact.position'] = '单位职务最多 40 个字';
  if (c.phone.trim() && !CONTACT_PHONE_RE.test(c.phone.trim())) {
    errors['contact.phone'] = '联系电话格式不正确（手机或带区号的座机）';
  }
  if (c.email.trim() && !EMAIL_RE.test(c.email.trim())) errors['contact.email'] = 'E-mail 格式不正确';
  return errors;
}

export default function OrgsPage() {
  const call = useCall(
    async () => {
      const [res, me] = await Promise.all([callOrganizer('org.list', {}), callResident('me.get', {})]);
      if (!res.ok) return res;
      return { ok: true as const, data: { orgs: res.data.orgs, role: me.ok ? me.data.role : null } };
    },
    [],
    { when: 'show' },
  );
  const orgs = call.data?.orgs ?? null;
  /** Where the editor is open: an org id, `new-area`, or `new-unit-<parentId>`. */
  const [anchor, setAnchor] = useState<string | null>(null);
  const [draft, setDraft] = useState<OrgDraft | null>(null);

  const tree = useMemo(() => orgTree(orgs ?? []), [orgs]);
  const organizer = isOrganizer(call.data?.role);

  const open = (key: string, d: OrgDraft) => {
    setAnchor(key);
    setDraft(d);
  };
  const close = () => {
    setAnchor(null);
    setDraft(null);
  };
  const edit = (org: Org) =>
    organizer &&
    open(org.id, {
      id: org.id,
      name: org.name,
      kind: org.kind === 'street' || org.kind === 'town' || org.kind === 'unit' ? org.kind : 'street',
      parentId: org.parentId,
      unitKind: org.unitKind ?? 'community_centre',
      contact: { ...EMPTY_CONTACT, ...org.contact },
    });
  const saved = (org: Org) => {
    call.setData((d) => (d ? { ...d, orgs: [...d.orgs.filter((o) => o.id !== org.id), org] } : d));
    close();
    void Taro.showToast({ title: '已保存', icon: 'success' });
  };

  if (call.error || !orgs) {
    return <PageStates className="organizer-page orgs-page" error={call.error} onRetry={() => void call.reload()} />;
  }

  const parents = [tree.district, ...tree.areas.map((a) => a.area)].filter((o): o is Org => o !== null);
  const editor = (key: string) =>
    anchor === key && draft ? (
      <OrgEditor
        draft={draft}
        parents={parents}
        districtId={tree.district?.id ?? null}
        onCancel={close}
        onSaved={saved}
      />
    ) : null;

  const unitRow = (u: Org) => (
    <View key={u.id}>
      <View
        className="org-row org-row--unit"
        id={`org-${u.id}`}
        role={organizer ? 'button' : undefined}
        onClick={() => edit(u)}
      >
        <View className="org-row__main">
          <Text className="org-row__name">{u.name}</Text>
          <Text className="org-row__line">
            {u.unitKind ? UNIT_KIND_LABELS[u.unitKind] : '单位'}
            {u.contact?.name ? ` · 负责人 ${u.contact.name}` : ''}
            {u.contact?.phone ? ` · ${u.contact.phone}` : ''}
          </Text>
        </View>
        {organizer && <Text className="org-row__edit">编辑 ›</Text>}
      </View>
      {editor(u.id)}
    </View>
  );

  return (
    <ThemedPage className="organizer-page orgs-page">
      <View className="org-header">
        <Text className="org-header__title">组织架构</Text>
        <Text className="org-header__line">{tree.district?.name ?? '本区'}：区 → 街道/镇 → 单位</Text>
        {organizer && (
          <Button
            className="btn btn--primary btn--block add-area"
            onClick={() =>
              open('new-area', {
                name: '',
                kind: 'street',
                parentId: tree.district?.id ?? null,
                unitKind: 'community_centre',
                contact: { ...EMPTY_CONTACT },
              })
            }
          >
            添加街道/镇
          </Button>
        )}
      </View>
      {editor('new-area')}

      {tree.areas.map(({ area, units }) => (
        <View key={area.id} className="section org-area" id={`area-${area.id}`}>
          <View className="org-area__head">
            <Text className="section__title org-area__name">{area.name}</Text>
            <Badge text={ORG_KIND_LABELS[area.kind]} tone="info" />
          </View>
          {organizer && (
            <View className="org-area__actions">
              <Button className="btn btn--secondary btn--small" onClick={() => edit(area)}>
                编辑{ORG_KIND_LABELS[area.kind]}
              </Button>
              <Button
                className="btn btn--secondary btn--small add-unit"
                onClick={() =>
                  open(`new-unit-${area.id}`, {
                    name: '',
                    kind: 'unit',
                    parentId: area.id,
                    unitKind: 'community_centre',
                    contact: { ...EMPTY_CONTACT },
                  })
                }
              >
                添加单位
              </Button>
            </View>
          )}
          {editor(area.id)}
          {editor(`new-unit-${area.id}`)}
          {units.length === 0 ? <Text className="section__hint">还没有单位</Text> : units.map(unitRow)}
        </View>
      ))}

      {tree.districtUnits.length > 0 && (
        <View className="section org-area">
          <Text className="section__title">区直属单位</Text>
          {tree.districtUnits.map(unitRow)}
        </View>
      )}
    </ThemedPage>
  );
}

/** A one-line field of the editor: how it reads, its limit, whether spaces go. */
interface TextRowSpec {
  label: string;
  placeholder: string;
  max: number;
  kind?: 'name';
  hint?: string;
  trim?: boolean;
  required?: boolean;
}

const NAME_ROW: TextRowSpec = { label: '名称', placeholder: '名称', max: 60, required: true };

/** The contact's fields (统计报表的表头), by their key in OrgContact. */
const CONTACT_ROWS: (TextRowSpec & { key: keyof OrgContact })[] = [
  { key: 'name', label: '负责人姓名', placeholder: '姓名', max: 20, kind: 'name' },
  { key: 'position', label: '单位职务', placeholder: '例如：主任', max: 40 },
  {
    key: 'phone',
    label: '联系电话',
    placeholder: '电话',
    max: 20,
    hint: '手机，或带区号的座机，如 0519-82812345',
    trim: true,
  },
  { key: 'email', label: 'E-mail', placeholder: 'E-mail', max: 120, trim: true },
];

function OrgEditor({
  draft: initial,
  parents,
  districtId,
  onCancel,
  onSaved,
}: {
  draft: OrgDraft;
  parents: Org[];
  districtId: string | null;
  onCancel: () => void;
  onSaved: (org: Org) => void;
}) {
  const form = useFormDraft<OrgDraft>(initial);
  const { errors, formError, update } = form;
  const d = form.draft ?? initial;
  const unitParents = parents;
  const parentIndex = Math.max(
    0,
    unitParents.findIndex((p) => p.id === d.parentId),
  );
  const contact = (k: keyof OrgContact, v: string) => update({ contact: { ...d.contact, [k]: v } }, `contact.${k}`);
  /** A labelled one-line field; `hook` is its class for tests. */
  const textRow = (
    row: TextRowSpec,
    hook: string,
    value: string,
    error: string | undefined,
    set: (v: string) => void,
  ) => (
    <FormRow key={hook} label={row.label} error={error} hint={row.hint} required={row.required}>
      <TextField
        className={`input ${hook}`}
        kind={row.kind}
        placeholder={row.placeholder}
        maxLength={row.max}
        value={value}
        onChange={(v) => set(row.trim ? v.trim() : v)}
      />
    </FormRow>
  );

  const save = async () => {
    const c = d.contact;
    const hasContact = Boolean(c.name.trim() || c.position.trim() || c.phone.trim() || c.email.trim());
    const saved = await form.submit({
      check: () => checkOrgDraft(d),
      fields: ORG_FIELDS,
      send: () =>
        callOrganizer('org.save', {
          ...(d.id ? { id: d.id } : {}),
          name: d.name.trim(),
          kind: d.kind,
          parentId: d.kind === 'unit' ? d.parentId : districtId,
          ...(d.kind === 'unit' ? { unitKind: d.unitKind } : {}),
          ...(hasContact
            ? {
                contact: {
                  name: c.name.trim(),
                  position: c.position.trim(),
                  phone: c.phone.trim(),
                  email: c.email.trim(),
                },
              }
            : {}),
        }),
    });
    if (saved) onSaved(saved.org);
  };

  return (
    <View className="inline-panel org-editor">
      <Text className="inline-panel__title">
        {d.id ? `编辑：${initial.name}` : d.kind === 'unit' ? '添加单位' : '添加街道/镇'}
      </Text>
      {d.kind !== 'unit' && !d.id && (
        <Segmented
          options={[
            { value: 'street', label: '街道' },
            { value: 'town', label: '镇' },
          ]}
          value={d.kind}
          onChange={(k) => update({ kind: k })}
          label="类型"
        />
      )}
      {textRow(NAME_ROW, 'org-name', d.name, errors.name, (name) => update({ name }))}
      {d.kind === 'unit' && (
        <>
          <FormRow label="所属街道/镇" error={errors.parentId} required>
            <Picker
              mode="selector"
              range={unitParents.map((p) => p.name)}
              value={parentIndex}
              onChange={(e) => update({ parentId: unitParents[Number(e.detail.value)]?.id ?? null })}
            >
              <View
                className="picker-field"
                role="button"
                aria-label={`所属街道/镇：${unitParents[parentIndex]?.name ?? '请选择'}`}
              >
                <Text className="picker-field__value">{unitParents[parentIndex]?.name ?? '请选择'}</Text>
                <Text className="picker-field__arrow">▾</Text>
              </View>
            </Picker>
          </FormRow>
          <FormRow label="单位类别" error={errors.unitKind}>
            <Picker
              mode="selector"
              range={UNIT_KIND_OPTIONS.map((k) => UNIT_KIND_LABELS[k])}
              value={UNIT_KIND_OPTIONS.indexOf(d.unitKind)}
              onChange={(e) => update({ unitKind: UNIT_KIND_OPTIONS[Number(e.detail.value)] ?? 'other' })}
            >
              <View className="picker-field" role="button" aria-label={`单位类别：${UNIT_KIND_LABELS[d.unitKind]}`}>
                <Text className="picker-field__value">{UNIT_KIND_LABELS[d.unitKind]}</Text>
                <Text className="picker-field__arrow">▾</Text>
              </View>
            </Picker>
          </FormRow>
        </>
      )}
      <Text className="field-label org-editor__contact">负责人（统计报表的表头）</Text>
      {CONTACT_ROWS.map((row) =>
        textRow(row, `contact-${row.key}`, d.contact[row.key], errors[`contact.${row.key}`], (v) =>
          contact(row.key, v),
        ),
      )}
      {formError && (
        <View className="notice notice--error">
          <Text className="notice__text">{[formError.message, ...formError.other].join('；')}</Text>
        </View>
      )}
      <View className="form-actions">
        <Button className="btn btn--secondary" onClick={onCancel}>
          取消
        </Button>
        <BusyButton className="btn--primary save-org" busy={form.saving} onClick={() => void save()}>
          保存
        </BusyButton>
      </View>
    </View>
  );
}

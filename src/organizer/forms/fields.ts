/**
 * The typed fields of each form (forms.md "Counted versus typed"): their keys in the saved
 * profile, their labels as on the paper, and what fills them before anything was saved.
 */
import type { F1Data, F2Data, F3Data, FormKind, FormProfile } from '../../../types/forms';

export interface FieldSpec {
  key: string;
  label: string;
  multiline?: boolean;
  placeholder?: string;
}

export const FIELD_SPECS: Record<FormKind, FieldSpec[]> = {
  F1: [
    { key: 'leader', label: '分管领导（签字）', placeholder: '可留空，打印后签字' },
    { key: 'organizingUnits', label: '组织单位', multiline: true, placeholder: '组织本单位活动的单位' },
    { key: 'participatingUnits', label: '参与单位', multiline: true, placeholder: '参与活动的单位，用顿号分隔' },
    { key: 'contactName', label: '姓名', placeholder: '“启动周”主要负责人' },
    { key: 'contactPosition', label: '单位职务', placeholder: '例如：中心主任' },
    { key: 'contactPhone', label: '联系方式', placeholder: '手机或座机' },
    { key: 'contactEmail', label: 'E-mail', placeholder: '例如：name@example.com' },
    { key: 'footnote', label: '表下注', multiline: true, placeholder: '表格下方的说明' },
  ],
  F2: [
    { key: 'contactName', label: '联系人', placeholder: '联系人姓名' },
    { key: 'contactPhone', label: '联系电话', placeholder: '手机或座机' },
  ],
  F3: [
    { key: 'issuingDepartment', label: '下发活动文件的部门', multiline: true },
    { key: 'attendingLeaders', label: '出席活动（开幕式）的领导', multiline: true },
    { key: 'coordinatingDepartment', label: '具体协调部门', multiline: true },
    { key: 'planningDepartment', label: '制定活动方案部门', multiline: true },
    { key: 'highlights', label: '有特色的活动', multiline: true },
    { key: 'content', label: '活动内容', multiline: true },
    { key: 'results', label: '活动成效', multiline: true },
    { key: 'selfAssessment', label: '自我评价', multiline: true },
    { key: 'publicityRange', label: '宣传范围', multiline: true },
    { key: 'articles', label: '文字报道', multiline: true },
    { key: 'media', label: '影像图片报道', multiline: true },
    { key: 'other', label: '其他', multiline: true },
  ],
};

export type PreviewForm = { kind: 'F1'; data: F1Data } | { kind: 'F2'; data: F2Data } | { kind: 'F3'; data: F3Data };

/** What the form itself shows for a field (the saved text, or the backend's default). */
function shown(form: PreviewForm, key: string): string {
  if (form.kind === 'F1') {
    const d = form.data;
    const values: Record<string, string> = {
      leader: d.leader,
      organizingUnits: d.organizingUnits,
      participatingUnits: d.participatingUnits,
      contactName: d.contact.name,
      contactPosition: d.contact.position,
      contactPhone: d.contact.phone,
      contactEmail: d.contact.email,
      footnote: d.footnote,
    };
    return values[key] ?? '';
  }
  if (form.kind === 'F2') {
    return (
      ({ contactName: form.data.contactName, contactPhone: form.data.contactPhone } as Record<string, string>)[key] ??
      ''
    );
  }
  const d = form.data;
  const values: Record<string, string> = {
    ...d.leadership,
    highlights: d.participation.highlights,
    content: d.themeAndContent.content,
    results: d.themeAndContent.results,
    selfAssessment: d.reach.selfAssessment,
    publicityRange: d.publicity.range,
    articles: d.publicity.articles,
    media: d.publicity.media,
    other: d.other,
  };
  return values[key] ?? '';
}

/** The inputs' first values: the saved profile's, else what the form shows. */
export function initialFields(form: PreviewForm, profile: FormProfile | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of FIELD_SPECS[form.kind]) out[spec.key] = profile?.fields[spec.key] ?? shown(form, spec.key);
  return out;
}

/**
 * 联系与地图 of the event editor: the host's contact (联系人, 联系电话) and the venue's map point
 * (纬度/经度 GCJ-02 and the address to show); each optional, an emptied one is cleared on save.
 */
import { Text, View } from '@tarojs/components';
import { TextField } from '../../platform/text-field';
import { FormRow } from '../components/form';
import { ADDRESS_MAX, CONTACT_NAME_MAX, type EventDraft } from '../event-form';
import type { FieldErrorMap } from '../field-errors';

export function ContactSection({
  draft,
  errors,
  update,
}: {
  draft: EventDraft;
  errors: FieldErrorMap;
  update: (patch: Partial<EventDraft>, ...fields: string[]) => void;
}) {
  return (
    <View className="section">
      <Text className="section__title">联系与地图（选填，清空即删除）</Text>
      <FormRow label="联系人" error={errors.contactName}>
        <TextField
          className="input input-contact-name"
          kind="name"
          placeholder="例如 王老师"
          maxLength={CONTACT_NAME_MAX}
          value={draft.contactName}
          onChange={(v) => update({ contactName: v }, 'contactName')}
        />
      </FormRow>
      <FormRow label="联系电话" error={errors.contactPhone} hint="手机号或带区号的座机号，居民可一键拨打">
        <TextField
          className="input input-contact-phone"
          kind="phone"
          placeholder="例如 0519-82812345"
          maxLength={13}
          value={draft.contactPhone}
          onChange={(v) => update({ contactPhone: v.trim() }, 'contactPhone')}
        />
      </FormRow>
      <FormRow label="地图位置" error={errors.location} hint="纬度、经度（GCJ-02，可在腾讯地图或高德地图上取点）">
        <TextField
          className="input input-latitude"
          placeholder="纬度，如 31.7512"
          maxLength={14}
          value={draft.latitude}
          onChange={(v) => update({ latitude: v.trim() }, 'location')}
        />
        <TextField
          className="input input-longitude"
          placeholder="经度，如 119.5601"
          maxLength={14}
          value={draft.longitude}
          onChange={(v) => update({ longitude: v.trim() }, 'location')}
        />
        <TextField
          className="input input-address"
          placeholder="地图上显示的地址（选填）"
          maxLength={ADDRESS_MAX}
          value={draft.address}
          onChange={(v) => update({ address: v }, 'location')}
        />
      </FormRow>
    </View>
  );
}

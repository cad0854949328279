/**
 * 费用、联系与地图 on the event page: the price of a 收费 activity, the host's contact with 拨打电话
 * (Taro.makePhoneCall), and 查看地图/导航 (src/platform/map). Shows nothing the event lacks.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EventView } from '../../types/api';
import { openMap } from '../platform/map';

export function EventPracticalCard({ event }: { event: EventView }) {
  const { fee, contactName, contactPhone, location } = event;
  if (event.free && !contactPhone && !location) return null;
  return (
    <View className="practical" id="event-practical">
      {!event.free && (
        <View className="practical__row">
          <Text className="practical__label">费用</Text>
          <Text className="practical__value" id="event-fee">
            {fee ?? '收费（请向主办单位咨询）'}
          </Text>
        </View>
      )}
      {contactPhone && (
        <View className="practical__row">
          <Text className="practical__label">咨询</Text>
          <Text className="practical__value">
            {contactName ? `${contactName} ` : ''}
            {contactPhone}
          </Text>
          <Button
            className="btn btn--secondary btn--small practical__button"
            id="call-host"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: contactPhone }).catch(() => undefined)}
          >
            拨打电话
          </Button>
        </View>
      )}
      {location && (
        <View className="practical__row">
          <Text className="practical__label">地点</Text>
          <Text className="practical__value">{event.venue}</Text>
          <Button
            className="btn btn--secondary btn--small practical__button"
            id="open-map"
            onClick={() =>
              openMap({
                ...location,
                name: event.venue,
                address: location.address || `${event.streetName} ${event.venue}`,
              })
            }
          >
            查看地图 / 导航
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * The venue on the map, neutral twin (also what WeChat bundles): WeChat's own map with 导航
 * (Taro.openLocation takes GCJ-02 coordinates, as the event stores them).
 */
import Taro from '@tarojs/taro';
import type { MapPlace } from './map.types';

export { mapLink, type MapPlace } from './map.types';

export function openMap(place: MapPlace): void {
  void Taro.openLocation({
    latitude: place.latitude,
    longitude: place.longitude,
    name: place.name,
    address: place.address,
    scale: 16,
  }).catch(() => undefined);
}

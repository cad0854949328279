/**
 * The venue on the map, H5 twin: openLocation needs WeChat's JS-SDK, which a plain web page
 * lacks, so the place opens in 高德地图's web map (mapLink), which offers 导航 on the phone.
 */
import { mapLink, type MapPlace } from './map.types';

export { mapLink, type MapPlace } from './map.types';

export function openMap(place: MapPlace): void {
  window.open(mapLink(place), '_blank', 'noopener');
}

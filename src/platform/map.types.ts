/** What both map twins share: the place and its web map link (高德 URI API). */
export interface MapPlace {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

export function mapLink(place: MapPlace): string {
  const position = `${place.longitude},${place.latitude}`;
  return `https://uri.amap.com/marker?position=${position}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`;
}

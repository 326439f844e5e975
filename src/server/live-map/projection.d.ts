/** Longitude and latitude in degrees to x and y on the base map. */
export function equalEarth(
  scale: number,
  translateX: number,
  translateY: number,
): (longitude: number, latitude: number) => [number, number];

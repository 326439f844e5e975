/** A point given as [longitude, latitude] in degrees, GeoJSON's order. */
export type LonLat = readonly [number, number];

const RAD = Math.PI / 180;

/**
 * The weighted centre of points on the sphere: the mean of their unit vectors, so places either
 * side of the antimeridian (Fiji, Chukotka) average near it rather than near Greenwich.
 */
export function sphereMean(points: Iterable<{ at: LonLat; weight: number }>): LonLat | null {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const { at, weight } of points) {
    const [lon, lat] = [at[0] * RAD, at[1] * RAD];
    x += weight * Math.cos(lat) * Math.cos(lon);
    y += weight * Math.cos(lat) * Math.sin(lon);
    z += weight * Math.sin(lat);
  }
  const length = Math.hypot(x, y, z);
  if (length === 0) return null;
  return [Math.atan2(y, x) / RAD, Math.asin(z / length) / RAD];
}

// Equal Earth (Šavrič, Patterson and Jenny, 2018) as d3-geo 3.1.2's geoEqualEarth computes it,
// without rotation or clipping: plain JavaScript so the page and tests/live-map-projection.test.ts
// run this very file; its types are in projection.d.ts.

const A1 = 1.340264;
const A2 = -0.081106;
const A3 = 0.000893;
const A4 = 0.003796;
const M = Math.sqrt(3) / 2;
const RADIANS = Math.PI / 180;

/**
 * A function from longitude and latitude (degrees) to x and y in the base map's units.
 * @param {number} scale
 * @param {number} translateX
 * @param {number} translateY
 */
export function equalEarth(scale, translateX, translateY) {
  /** @param {number} longitude @param {number} latitude @returns {[number, number]} */
  return (longitude, latitude) => {
    const lambda = longitude * RADIANS;
    const l = Math.asin(M * Math.sin(latitude * RADIANS));
    const l2 = l * l;
    const l6 = l2 * l2 * l2;
    const x = (lambda * Math.cos(l)) / (M * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)));
    const y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    return [translateX + scale * x, translateY - scale * y];
  };
}

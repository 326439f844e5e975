/**
 * UPU S10 identifiers (2-letter service indicator, 8 digits, check digit, ISO country of the
 * issuing post; UPU standard S10) belong to the designated post of the country code.
 */
const POST_BY_COUNTRY: Readonly<Record<string, string>> = {
  CN: "china-post",
  SG: "singapore-post",
  TH: "thailand-post",
  JP: "japan-post",
  KR: "korea-post",
  GB: "royal-mail",
  DE: "deutsche-post",
  FR: "la-poste",
  AU: "australia-post",
  CA: "canada-post",
  US: "usps",
};

/** Our carrier code for an S10 number, or "upu-s10" for posts we do not list by name. */
export function s10CarrierCode(countryCode: string, serviceIndicator: string): string {
  const first = serviceIndicator[0];
  // EMS items (service indicator E*) from China are carried and tracked by China EMS.
  if (countryCode === "CN" && first === "E") return "china-ems";
  // La Poste ships international parcels (service indicator C*) as Colissimo International.
  if (countryCode === "FR" && first === "C") return "colissimo";
  return POST_BY_COUNTRY[countryCode] ?? "upu-s10";
}

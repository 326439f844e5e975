import type { LocaleCatalog } from "../catalog-types.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { id } from "./id.ts";
import { it } from "./it.ts";
import { ja } from "./ja.ts";
import { ko } from "./ko.ts";
import { ms } from "./ms.ts";
import { ptBR } from "./pt-br.ts";
import { th } from "./th.ts";
import { vi } from "./vi.ts";
import { zhHans } from "./zh-hans.ts";
import { zhHant } from "./zh-hant.ts";

/** Every locale's canonical texts, in SUPPORTED_LOCALES order. */
export const CATALOGS: readonly LocaleCatalog[] = [
  en,
  zhHans,
  zhHant,
  ja,
  ko,
  de,
  fr,
  es,
  it,
  ptBR,
  th,
  vi,
  id,
  ms,
];

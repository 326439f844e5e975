/**
 * A place name reduced to what carriers and the gazetteer agree on: accents folded (São -> sao),
 * case folded, punctuation and runs of spaces made one space ("St.-Gallen" -> "st gallen").
 * Scripts without case or accents (東京) pass through unchanged.
 */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

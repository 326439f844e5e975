import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";

/**
 * What a generated request fills its arguments with: ids of one kind of the other tenant's rows,
 * and its tracking number and order number where an argument names them.
 */
export interface Probe {
  /** The kind of id put where an argument's name does not say which (`id`, `ids`). */
  kind: string;
  idOf(kind: string): string;
  trackingNumber: string;
  nativeOrderId: string;
}

/** Argument names that say which kind of id they take. */
const KIND_BY_NAME: Record<string, string> = {
  storeId: "Store",
  orderId: "Order",
  shipmentId: "Shipment",
  subscriptionId: "WebhookSubscription",
};

const SCALAR_VALUES: Record<string, unknown> = {
  String: "matrix",
  Int: 1,
  Float: 0.9,
  Boolean: false,
  DateTime: "2026-11-20T10:00:00Z",
  Date: "2026-11-20",
  Locale: "en",
};

const STRING_BY_NAME: Record<string, (probe: Probe) => string> = {
  trackingNumber: (probe) => probe.trackingNumber,
  nativeOrderId: (probe) => probe.nativeOrderId,
  url: () => "http://127.0.0.1:9/matrix",
  secret: () => "s".repeat(32),
};

/** Plausible values for other strings, so a request is not refused before it looks up an id. */
const PLAUSIBLE: Record<string, string> = {
  destinationCountry: "US",
  marketplace: "amazon",
  site: "US",
  provider: "aftership",
  carrier: "ups",
  buyerLocale: "en-US",
  name: "matrix",
};

/** Whether a value for this argument (or a field inside it) carries something of the probe. */
function carries(name: string, type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === "ID" || name in STRING_BY_NAME) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => carries(field.name, field.type, seen));
}

/**
 * A value for an argument: required ones always, optional ones only when they carry the probe,
 * so every generated request points at the other tenant's data wherever the schema lets it.
 */
function valueFor(name: string, type: GraphQLInputType, probe: Probe): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [valueFor(name, inner.ofType, probe)];
  if (isEnumType(inner)) return inner.getValues()[0]?.name;
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    const fields = Object.values(inner.getFields());
    // A @oneOf input takes exactly one of its fields.
    if (inner.isOneOf)
      return { [fields[0]!.name]: valueFor(fields[0]!.name, fields[0]!.type, probe) };
    for (const field of fields) {
      if (isNonNullType(field.type) || carries(field.name, field.type)) {
        value[field.name] = valueFor(field.name, field.type, probe);
      }
    }
    return value;
  }
  if (inner.name === "ID") return probe.idOf(KIND_BY_NAME[name] ?? probe.kind);
  if (inner.name === "String" && STRING_BY_NAME[name]) return STRING_BY_NAME[name](probe);
  if (inner.name === "String" && PLAUSIBLE[name]) return PLAUSIBLE[name];
  return SCALAR_VALUES[inner.name] ?? "matrix";
}

export function argumentsFor(
  args: readonly GraphQLArgument[],
  probe: Probe,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of args) {
    if (isNonNullType(arg.type) || carries(arg.name, arg.type)) {
      values[arg.name] = valueFor(arg.name, arg.type, probe);
    }
  }
  return values;
}

/** Whether any argument of the field can carry the probe (otherwise one request is enough). */
export const takesProbe = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => carries(arg.name, arg.type));

/**
 * A selection of the type's leaves and, three levels deep, its objects' leaves: enough that any
 * row of the other tenant that came back would show its id. Fields with required arguments are
 * left out; lists below the first level are not expanded (their cost multiplies).
 */
export function selectionFor(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return "";
  if (!isObjectType(type) && !isInterfaceType(type)) return "{ __typename }";
  const fields = Object.values((type as GraphQLObjectType).getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type)),
  );
  const parts = ["__typename"];
  for (const field of fields) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name);
      continue;
    }
    const isList = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    if (depth >= 3 || (isList && depth >= 1 && field.name !== "edges")) continue;
    parts.push(`${field.name} ${selectionFor(named, depth + 1)}`);
  }
  return `{ ${parts.join(" ")} }`;
}

/** A document for one root field, its arguments as variables typed from the schema. */
export function documentFor(
  operation: "query" | "mutation" | "subscription",
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string {
  const args = field.args.filter((arg) => arg.name in variables);
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  return `${operation} Matrix${declared ? `(${declared})` : ""} { ${field.name}${
    passed ? `(${passed})` : ""
  } ${selectionFor(getNamedType(field.type))} }`;
}

import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import {
  type ASTNode,
  type ExecutionResult,
  GraphQLError,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { MAX_REQUEST_TEXT } from "../domain/input-limits.ts";
import { scopeForReadField } from "../domain/scopes.ts";
import type { Context } from "../schema/context.ts";
import {
  introspectionRefusal,
  type RequestLimitOptions,
  type RunArgs,
  rateLimited,
  rateLimitHeadersPlugin,
  sseSubscriptionRefusal,
  variablesOf,
  verdicts,
} from "./access-policy.ts";
import { measureCost } from "./query-cost.ts";

/**
 * What one request may ask for (decision 028). Its cost counts, with the variables resolved, 1 per
 * field and 20 per rawDescription, and multiplies what a list selects by its page size or cap:
 * 100,000 lets through 100 shipments with 331 timeline entries of three fields each, or 26 entries
 * of every field. bench/README.md has the time and size of the largest requests it lets through.
 */
export const REQUEST_LIMITS = {
  maxCost: 100_000,
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;

/**
 * Shape checks on the document (GraphQL Armor, long literals), then, just before anything runs,
 * the scopes, long variables and the cost.
 */
export function requestLimitPlugins(options: RequestLimitOptions): Plugin[] {
  return [
    EnvelopArmorPlugin({
      // "Did you mean" helps whoever explores the API, and maps it for whoever probes it.
      blockFieldSuggestion: { enabled: options.production },
      maxDepth: {
        n: REQUEST_LIMITS.maxDepth,
        propagateOnRejection: false,
        onReject: [
          report(
            "QUERY_TOO_DEEP",
            "maxDepth",
            (n, max) => `Query depth ${n} is over the limit of ${max}`,
          ),
        ],
      },
      maxAliases: {
        n: REQUEST_LIMITS.maxAliases,
        propagateOnRejection: false,
        onReject: [
          report(
            "TOO_MANY_ALIASES",
            "maxAliases",
            (n, max) => `Too many aliases: the query uses ${n}, the limit is ${max}`,
          ),
        ],
      },
      maxDirectives: {
        n: REQUEST_LIMITS.maxDirectives,
        propagateOnRejection: false,
        onReject: [
          report(
            "TOO_MANY_DIRECTIVES",
            "maxDirectives",
            (n, max) => `Too many directives: the query uses ${n}, the limit is ${max}`,
          ),
        ],
      },
      maxTokens: {
        n: REQUEST_LIMITS.maxTokens,
        // A parse-time check: there is no validation context to report to, so it throws.
        onReject: [
          () => {
            throw new GraphQLError(
              `Too many tokens: a request may have at most ${REQUEST_LIMITS.maxTokens}`,
              { extensions: { code: "TOO_MANY_TOKENS" } },
            );
          },
        ],
      },
      // GraphQL Armor counts cost from the document's literals only; queryCost does it right.
      costLimit: { enabled: false },
    }),
    literalTextPlugin(),
    beforeRunPlugin(options),
    rateLimitHeadersPlugin(),
  ];
}

/** GraphQL Armor calls its refusals "Syntax Error"; these are validation errors with a code. */
function report(
  code: string,
  limit: "maxDepth" | "maxAliases" | "maxDirectives",
  describe: (found: string, max: number) => string,
) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1] ?? "more";
    const max = REQUEST_LIMITS[limit];
    context?.reportError(
      new GraphQLError(describe(found, max), { extensions: { code, limit: max } }),
    );
  };
}

/**
 * Checks that need the variables run just before execution: yoga caches validation by document
 * text, so a rule that read variables would let a cheap request's verdict stand for a costly one.
 * In order: the scopes, text sizes, cost, then the key's budget is charged the cost. The first
 * that refuses answers.
 */
function beforeRunPlugin(options: RequestLimitOptions): Plugin {
  const { rateLimiter, subscriptions } = options;
  const check = async (args: RunArgs) => {
    const refusal =
      readScopeRefusal(args) ??
      (options.introspection ? null : introspectionRefusal(args)) ??
      variableTextRefusal(args);
    if (refusal) return refusal;
    const { cost, refusal: tooCostly } = measureCost(args, REQUEST_LIMITS.maxCost);
    if (tooCostly) return tooCostly;
    const { viewer, request } = args.contextValue as Partial<Context> & { request?: Request };
    if (!viewer) return null;
    const verdict = await rateLimiter.charge(viewer.apiKeyId, cost);
    if (request) verdicts.set(request, verdict);
    return verdict.allowed ? null : rateLimited(verdict, cost);
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const refusal = await check(args);
      if (refusal) setResultAndStopExecution(refusal);
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = (await check(args)) ?? sseSubscriptionRefusal(args, subscriptions);
      if (refusal) return setResultAndStopExecution(refusal);
      const { viewer, socket } = args.contextValue as Partial<Context> & { socket?: unknown };
      // graphql-ws counts its own subscribers (shared executions run this hook once for many).
      if (!viewer || socket) return;
      let released = false;
      const release = () => {
        if (!released) subscriptions.release(viewer.apiKeyId);
        released = true;
      };
      return {
        onSubscribeResult: ({ result }) => {
          if (!isAsyncIterable(result)) return { onEnd: release };
          // Ending the iterator ends yoga's event stream: the response closes.
          const forget = subscriptions.follow(viewer.apiKeyId, () => void result.return?.());
          return {
            onEnd: () => {
              forget();
              release();
            },
          };
        },
        onSubscribeError: release,
      };
    },
  };
}

/**
 * Each root field of a query or subscription needs its scope (READ_FIELD_SCOPES, decision 034):
 * FORBIDDEN, HTTP 403, naming the first one missing. Mutations check theirs themselves and
 * answer in their payload.
 */
function readScopeRefusal(args: RunArgs): ExecutionResult | null {
  const operationNode = getOperationAST(args.document, args.operationName);
  const operation = operationNode?.operation;
  if (!operationNode || operation === "mutation") return null;
  const { viewer } = args.contextValue as Partial<Context>;
  const fragments = new Map(
    args.document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment.selectionSet] as const),
  );
  for (const field of rootFields(operationNode.selectionSet, fragments)) {
    const scope = scopeForReadField(field);
    if (scope === null || viewer?.scopes.has(scope)) continue;
    const message = `this API key lacks the ${scope} scope ${field} needs`;
    return {
      errors: [
        new GraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } }),
      ],
    };
  }
  return null;
}

function rootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, SelectionSetNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return rootFields(selection.selectionSet, fragments, seen);
    }
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment, fragments, seen);
  });
}

/**
 * No text in a request, literal or variable, may be longer than MAX_REQUEST_TEXT, whatever field
 * it is for; the fields' own limits (src/domain/input-limits.ts) are lower and typed. Literals are
 * checked with the document, variables before execution.
 */
function literalTextPlugin(): Plugin {
  const rule: ValidationRule = (validation) => ({
    StringValue(node) {
      if (node.value.length > MAX_REQUEST_TEXT) {
        validation.reportError(textTooLong("a string in the query", node));
      }
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

function variableTextRefusal(args: RunArgs): ExecutionResult | null {
  const paths = longStrings(variablesOf(args), "$");
  return paths.length > 0 ? { errors: paths.map((path) => textTooLong(`variable ${path}`)) } : null;
}

function textTooLong(what: string, node?: ASTNode): GraphQLError {
  const message = `${what} is longer than ${MAX_REQUEST_TEXT} characters, the most any text in a request may have`;
  return new GraphQLError(message.charAt(0).toUpperCase() + message.slice(1), {
    nodes: node,
    extensions: { code: "TOO_LONG" },
  });
}

function longStrings(value: unknown, path: string): string[] {
  if (typeof value === "string") return value.length > MAX_REQUEST_TEXT ? [path] : [];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => longStrings(item, `${path}.${index}`));
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      longStrings(item, path === "$" ? `$${key}` : `${path}.${key}`),
    );
  }
  return [];
}

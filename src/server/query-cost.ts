import { createComplexityRule } from "@pothos/plugin-complexity";
import { type DocumentNode, type ExecutionResult, GraphQLError, validate } from "graphql";
import { type RunArgs, variablesOf } from "./access-policy.ts";

/**
 * The request's cost with its variables resolved (decision 028), and a refusal when it is over
 * `maxCost`.
 */
export function measureCost(args: RunArgs, maxCost: number): Cost {
  const variables = JSON.stringify(args.variableValues ?? {});
  if (variables.length > MAX_MEMO_VARIABLES) return computeCost(args, maxCost);
  // Yoga hands every request of one query text the same parsed document.
  let known = costs.get(args.document);
  if (!known) {
    known = new Map();
    costs.set(args.document, known);
  }
  const key = `${maxCost}\n${args.operationName ?? ""}\n${variables}`;
  let cost = known.get(key);
  if (!cost) {
    if (known.size >= MAX_MEMO_PER_DOCUMENT) known.clear();
    cost = computeCost(args, maxCost);
    known.set(key, cost);
  }
  return cost;
}

type Cost = { cost: number; refusal: ExecutionResult | null };

/**
 * Costs already measured, per document and then per limit, operation name and variables: the cost
 * depends on nothing else, and measuring walks the whole document (a validation pass) on every
 * request otherwise. Requests with long variables (a batch of events) are measured each time.
 */
const costs = new WeakMap<DocumentNode, Map<string, Cost>>();
const MAX_MEMO_PER_DOCUMENT = 64;
const MAX_MEMO_VARIABLES = 1_024;

function computeCost(args: RunArgs, maxCost: number): Cost {
  let cost = 0;
  const rule = createComplexityRule({
    context: {},
    variableValues: variablesOf(args),
    operationName: args.operationName ?? undefined,
    validate: ({ complexity }, reportError) => {
      cost = complexity;
      if (complexity <= maxCost) return;
      const message = `Query cost ${complexity} is over the limit of ${maxCost}: ask for smaller pages (first) or fewer fields`;
      const extensions = {
        code: "QUERY_TOO_COMPLEX",
        cost: complexity,
        limit: maxCost,
      };
      reportError(new GraphQLError(message, { extensions }));
    },
  });
  // Only this rule: the document passed graphql's own validation already. Variables that do not
  // coerce are reported here as graphql-js would report them.
  const errors = validate(args.schema, args.document, [rule]);
  return { cost, refusal: errors.length > 0 ? { errors } : null };
}

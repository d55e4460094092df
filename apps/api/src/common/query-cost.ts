/**
 * The static cost of a GraphQL operation, checked before it runs (a validation rule), so that a
 * client cannot ask for unbounded work. The model, documented in docs/api.md ("Limits"):
 *
 * - every field selected costs 1, plus the cost of what is selected inside it;
 * - a connection (a field with a `first` argument) counts its items `first` times: the literal
 *   value capped at the page cap (a larger value is cut to the cap when it runs, so it costs the
 *   cap), the cap itself when `first` is a variable (its value is not known here), the
 *   argument's default when `first` is left out;
 * - any other list of objects counts its items LIST_ESTIMATE times (their number is not known
 *   before the query runs); a list of scalars or enums counts once;
 * - fragments count where they are spread; introspection (`__schema`, `__type`) is free.
 *
 * graphql-armor's cost rule was used before: it multiplies by a `first` given as a literal only
 * (a variable `first` counted as 1 item), weights every level by 1.5, and labels its refusal
 * "Syntax Error"; with it the documented maximum page (`first: 100`) of `performanceData` with
 * ten fields cost 5225 and was refused. Here a page of 100 with every field of a node passes and
 * the figure a client sees is one it can compute.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { AppError } from './errors';

/** How many items an unpaged list of objects is assumed to hold. */
export const LIST_ESTIMATE = 10;

export interface CostLimit {
  maxCost: number;
  /** The page cap of every connection (`first` above it is cut to it). */
  maxPageSize: number;
}

/** The cost of one operation of `context`'s document, by the model above. */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode, limit: Pick<CostLimit, 'maxPageSize'>): number {
  const schema = context.getSchema();
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return 0;

  const pageSize = (arg: ValueNode | undefined, defaultValue: unknown): number => {
    if (!arg) return typeof defaultValue === 'number' ? Math.min(Math.max(defaultValue, 1), limit.maxPageSize) : limit.maxPageSize;
    if (arg.kind === Kind.INT) return Math.min(Math.max(parseInt(arg.value, 10), 1), limit.maxPageSize);
    return limit.maxPageSize;
  };

  const spreading = new Set<string>();
  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, listFactor: number): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += on ? costOf(sel.selectionSet, on, listFactor) : 0;
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const fragment = context.getFragment(name);
        // A fragment cycle is reported by graphql's own NoFragmentCyclesRule; here it stops.
        if (!fragment || spreading.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        spreading.add(name);
        total += on ? costOf(fragment.selectionSet, on, listFactor) : 0;
        spreading.delete(name);
      } else {
        const name = sel.name.value;
        if (name === '__schema' || name === '__type') continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field) {
          total += 1; // __typename, or an unknown field that validation refuses anyway
          continue;
        }
        const firstArg = field.args.find((a) => a.name === 'first');
        const inner = getNamedType(field.type);
        // A connection's lists (edges) hold `first` items; lists further down, LIST_ESTIMATE.
        const childFactor = firstArg ? pageSize(sel.arguments?.find((a) => a.name.value === 'first')?.value, firstArg.defaultValue) : LIST_ESTIMATE;
        const own = 1 + (sel.selectionSet ? costOf(sel.selectionSet, inner, childFactor) : 0);
        const listOfObjects = isListType(getNullableType(field.type)) && isCompositeType(inner);
        total += listOfObjects ? listFactor * own : own;
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, root, LIST_ESTIMATE);
}

/** The validation rule: refuses an operation over `maxCost` with BAD_REQUEST, in both languages. */
export function costLimitRule(limit: CostLimit) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const cost = operationCost(context, operation, limit);
      if (cost <= limit.maxCost) return;
      const refusal = new AppError(
        'BAD_REQUEST',
        {
          id: `Kueri terlalu berat: biayanya ${cost}, batasnya ${limit.maxCost}. Minta lebih sedikit isian atau halaman yang lebih kecil (first).`,
          en: `Query too costly: it costs ${cost}, the limit is ${limit.maxCost}. Select fewer fields or a smaller page (first).`,
        },
        { cost, maxCost: limit.maxCost },
      );
      context.reportError(new GraphQLError(refusal.message, { nodes: [operation], originalError: refusal }));
    },
  });
}

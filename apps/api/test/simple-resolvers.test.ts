/**
 * Every field that only reads a property of its parent is a plain property read. type-graphql
 * otherwise wraps such a field in its "basic" resolver (middlewares over `root[name]`), and the
 * executor then builds a resolve info, a path and an arguments object for each call: on the
 * Kasubbag's board, four such fields on each of 500 values were 1.2 MB of garbage per load, half of
 * what a load allocated (issue 15, bench/dashboard.mjs). The object types say `simpleResolvers:
 * true`; a type that inherits its fields takes them with its parent's options, which is how
 * IndicatorValueFields slipped through. Fields with a real resolver (@FieldResolver, queries,
 * mutations) are not this wrapper and are left alone.
 */
import { isObjectType } from 'graphql';
import { getSchema } from '../src/schema/build-schema';

/** type-graphql's basic field resolver (resolvers/create.js createBasicFieldResolver) reads `root[fieldMetadata.name]`. */
const isBasicResolver = (resolve: unknown) => typeof resolve === 'function' && resolve.toString().includes('root[fieldMetadata.name]');

it('no field of the schema goes through type-graphql\'s basic resolver', async () => {
  const schema = await getSchema();
  const wrapped: string[] = [];
  let resolvers = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) resolvers++;
      if (isBasicResolver(field.resolve)) wrapped.push(`${type.name}.${field.name}`);
    }
  }
  // The check reads real resolvers (queries, @FieldResolver), so it would see a basic one.
  expect(resolvers).toBeGreaterThan(50);
  expect(wrapped).toEqual([]);
}, 60_000);

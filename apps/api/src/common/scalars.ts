/**
 * Scalars that validate at the edge, so services never see a malformed id.
 * `UUID`: every id argument and input field (`@Arg('id', () => UUID)`, `@Field(() => UUID)`).
 * A non-UUID value is refused by GraphQL before any resolver runs.
 */
import { GraphQLUUID } from 'graphql-scalars';

export const UUID = GraphQLUUID;

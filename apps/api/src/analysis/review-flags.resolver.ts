import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GqlContext } from '../common/context';
import { BidangSubmission } from '../submission/submission.model';
import { ReviewFlag } from './review-flags.model';

/**
 * `BidangSubmission.reviewFlags`: the deviation flags of the step 6 analysis, for the reviewer at
 * step 4 while a return is still possible. A field of its own (not in the board's SQL): computed
 * only when asked, with the history of the submission's indicators.
 */
@Resolver(() => BidangSubmission)
export class ReviewFlagsResolver {
  @FieldResolver(() => [ReviewFlag], { description: 'Tanda penyimpangan per indikator (hanya yang ditandai)' })
  reviewFlags(@Root() s: { id: string }, @Ctx() ctx: GqlContext) {
    return ctx.services.analyses.reviewFlags(s.id);
  }
}

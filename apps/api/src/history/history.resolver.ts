import { AUDIT_SEARCH_ROLES } from '@sipedaki/sop';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import type { GqlContext } from '../common/context';
import { UUID } from '../common/scalars';
import { User } from '../office/office.model';
import { AuditEntityType, AuditFilterInput, AuditPage, HistoryEntry } from './history.model';
import { ENTITY_TYPES } from './history.service';

@Resolver()
export class HistoryResolver {
  @Authorized()
  @Query(() => [HistoryEntry], { description: 'Riwayat satu permintaan data: langkah, kiriman Bidang, dokumen (terlama dahulu)' })
  requestHistory(@Arg('requestId', () => UUID) requestId: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.history.ofRequest(actor, requestId);
  }

  @Authorized()
  @Query(() => [HistoryEntry], { description: 'Riwayat satu kiriman Bidang: simpan (nilai lama → baru), kirim, persetujuan, pemeriksaan, dokumen' })
  submissionHistory(@Arg('submissionId', () => UUID) submissionId: string, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.history.ofSubmission(actor, submissionId);
  }

  @Authorized(...AUDIT_SEARCH_ROLES)
  @Query(() => AuditPage, { description: 'Pencarian jejak audit seluruh Dinas (Administrator, Sekretaris); ekspor XLSX: GET /api/audit.xlsx' })
  auditEvents(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('page', () => Int, { nullable: true, defaultValue: 1 }) page: number,
    @Arg('pageSize', () => Int, { nullable: true, defaultValue: 50 }) pageSize: number,
    @Ctx() ctx: GqlContext,
    @CurrentActor() actor: Actor,
  ) {
    return ctx.services.history.search(actor, filter ?? {}, page, pageSize);
  }

  @Authorized(...AUDIT_SEARCH_ROLES)
  @Query(() => [User], { description: 'Pengguna Dinas ini (juga yang nonaktif) untuk saringan jejak audit' })
  auditActors(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.history.actors(actor);
  }

  @Authorized(...AUDIT_SEARCH_ROLES)
  @Query(() => [AuditEntityType], { description: 'Jenis data untuk saringan jejak audit' })
  auditEntityTypes() {
    return Object.entries(ENTITY_TYPES).map(([code, [label, labelEn]]) => ({ code, label, labelEn }));
  }
}

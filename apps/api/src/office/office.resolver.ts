import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Office, OfficeDay } from './office.model';

@Resolver(() => Office)
export class OfficeResolver {
  @FieldResolver(() => [OfficeDay], { description: 'Jam kerja per hari; hari yang tidak ada = libur' })
  hours(@Root() office: Office): OfficeDay[] {
    const hours = (office.officeHours ?? {}) as Record<string, { start: string; end: string }>;
    return Object.entries(hours)
      .map(([weekday, h]) => ({ weekday: Number(weekday), start: h.start, end: h.end }))
      .sort((a, b) => a.weekday - b.weekday);
  }
}

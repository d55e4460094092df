import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { capabilityRoles } from '@sipedaki/sop';
import type { GqlContext } from '../common/context';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor';
import { AddHolidayInput, MoveHolidayInput, OfficeHoursInput, RemoveHolidayInput } from './calendar.input';
import { CalendarChange, CalendarWarning, Holiday } from './calendar.model';

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => [Holiday], { description: 'Hari libur dan cuti bersama yang berlaku bagi Dinas ini (nasional yang dibatalkan ditandai cancelled)' })
  holidays(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor, @Arg('year', () => Int) year: number) {
    return ctx.services.calendars.listHolidays(actor, year);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Query(() => [CalendarWarning], { description: 'Peringatan kalender (mulai Desember: hari libur tahun depan belum tercatat)' })
  calendarWarnings(@Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.calendars.warnings(actor);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => CalendarChange, { description: 'Tambah hari libur khusus Dinas ini; batas waktu langkah yang terbuka dihitung ulang' })
  addHoliday(@Arg('input', () => AddHolidayInput) input: AddHolidayInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.calendars.addHoliday(actor, input);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => CalendarChange, { description: 'Pindahkan hari libur (nasional: hanya bagi Dinas ini); batas waktu dihitung ulang' })
  moveHoliday(@Arg('input', () => MoveHolidayInput) input: MoveHolidayInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.calendars.moveHoliday(actor, input);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => CalendarChange, { description: 'Hapus hari libur Dinas atau batalkan hari libur nasional bagi Dinas ini; batas waktu dihitung ulang' })
  removeHoliday(@Arg('input', () => RemoveHolidayInput) input: RemoveHolidayInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.calendars.removeHoliday(actor, input);
  }

  @Authorized(...capabilityRoles('office.SETTINGS'))
  @Mutation(() => CalendarChange, { description: 'Atur zona waktu dan jam kerja Dinas; batas waktu langkah yang terbuka dihitung ulang' })
  setOfficeHours(@Arg('input', () => OfficeHoursInput) input: OfficeHoursInput, @Ctx() ctx: GqlContext, @CurrentActor() actor: Actor) {
    return ctx.services.calendars.setOfficeHours(actor, input);
  }
}

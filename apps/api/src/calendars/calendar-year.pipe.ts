import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { calendarYearProblems } from '@jinlin/domain';

/** `:year` of /calendars/cn/:year: a whole number in the range the domain accepts, or 400 naming it. */
@Injectable()
export class CalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    const problems = calendarYearProblems(year, { holidays: [], workdays: [] });
    if (problems.length > 0) throw new BadRequestException(problems);
    return year;
  }
}

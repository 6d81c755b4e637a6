/** Where an event dated at a precision sits on a time axis: from the first day of its period to the last. */
export interface Dated {
  start: { date: string; latest: string } | null;
  end: { date: string; latest: string } | null;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** [from, to) in milliseconds: a month-precise start is a month-long band, a day a day. */
export function extentOf(event: Dated): { from: number; to: number } | null {
  if (!event.start) return null;
  const last = event.end ?? event.start;
  return { from: dayOf(event.start.date), to: dayOf(last.latest) + DAY };
}

export function axisOf(extents: Array<{ from: number; to: number }>): { from: number; to: number } | null {
  if (extents.length === 0) return null;
  const from = Math.min(...extents.map((e) => e.from));
  const to = Math.max(...extents.map((e) => e.to));
  const margin = Math.max((to - from) * 0.03, 7 * DAY);
  return { from: from - margin, to: to + margin };
}

/** Month ticks, thinned so labels never crowd. */
export function monthTicks(axis: { from: number; to: number }, maxTicks = 12): number[] {
  const ticks: number[] = [];
  const start = new Date(axis.from);
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  while (cursor.getTime() < axis.to) {
    ticks.push(cursor.getTime());
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const step = Math.ceil(ticks.length / maxTicks);
  return ticks.filter((_, i) => i % step === 0);
}

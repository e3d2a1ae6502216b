/** Calendar labels: tick t of a scenario that starts at YYYY-MM is t months later. */
export function tickDate(start: string | undefined, t: number): string {
  if (!start) return '';
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1 + t;
  const y = year + Math.floor(month / 12);
  const m = (month % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `2026-06-01 09:30:00 UTC`: the exact instant, shown on hover. */
export const utcText = (iso: string): string =>
  `${new Date(iso)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`;

/** A time in the viewer's zone, with UTC on hover; a dash when there is none. */
export function Time({ value }: { readonly value: string | null | undefined }) {
  if (!value) return <span aria-label="never">—</span>;
  return (
    <time dateTime={value} title={utcText(value)}>
      {local.format(new Date(value))}
    </time>
  );
}

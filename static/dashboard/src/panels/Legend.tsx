/** What each colour of the stacked bars means, and what a paler bar means. */
export function Legend({ items, partial }: { items: { key: string; label: string; color: string }[]; partial: boolean }) {
  return (
    <ul className="legend">
      {items.map((s) => (
        <li key={s.key}>
          <span className="swatch" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
      {partial && (
        <li className="muted" data-testid="partial-note">
          * partial week (the range starts or ends inside it; shown paler)
        </li>
      )}
    </ul>
  );
}

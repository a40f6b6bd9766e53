import { ConflictError } from '@ngo-hub/kit';

/** The states each state may move to; a state that may move nowhere is final. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Throws CONFLICT, naming the states allowed from `from`, unless the table allows `from` → `to`. */
export function assertTransition<S extends string>(table: TransitionTable<S>, subject: string, from: S, to: S, field: string): void {
  const allowed = table[from];
  if (allowed.includes(to)) return;
  const options = allowed.length ? `from ${from} it can only become ${allowed.join(' or ')}` : `${from} is final`;
  throw new ConflictError(`${subject} that is ${from} cannot become ${to}: ${options}`, { field, from, to });
}

import { ConflictError } from './errors';

/** The states each state may move to; a state that may move nowhere is final. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** A refused move, for the error: what is moving, where it is, where it was asked to go. */
export interface Move<S extends string> {
  /** What moves, as the message names it: "grant 360G-…", "an enrollment". */
  subject: string;
  from: S;
  to: S;
  /** The input field the move came from (`status`, `id`). */
  field: string;
}

/**
 * The one CONFLICT every status change of the hub refuses with: "<subject> is <from> and cannot
 * become <to>; it may become A or B" (or "<from> is final"), with `from`, `to` and `allowed` in
 * the extensions so clients can offer the moves that remain.
 */
export function transitionConflict<S extends string>(move: Move<S>, allowed: readonly S[]): ConflictError {
  const next = allowed.length ? `it may become ${allowed.join(' or ')}` : `${move.from} is final`;
  return new ConflictError(`${move.subject} is ${move.from} and cannot become ${move.to}; ${next}`, {
    field: move.field,
    from: move.from,
    to: move.to,
    allowed: [...allowed],
  });
}

/** Throws `transitionConflict` unless the table allows the move. */
export function assertTransition<S extends string>(table: TransitionTable<S>, move: Move<S>): void {
  const allowed = table[move.from];
  if (!allowed.includes(move.to)) throw transitionConflict(move, allowed);
}

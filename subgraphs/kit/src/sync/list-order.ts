import { registerEnumType } from 'type-graphql';

/** The order a partner may ask a list for: its own, or by change (to sync a mirror). */
export enum ListOrder {
  DEFAULT = 'DEFAULT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ListOrder, {
  name: 'ListOrder',
  description: "The order of a list: its own (as the list's description says) or by last change, the order to sync a mirror in.",
  valuesConfig: {
    DEFAULT: { description: "The list's own order (names, dates; see the list)." },
    UPDATED_AT: {
      description:
        'Least recently changed first, ties broken by id. Its cursors are sync tokens: keep the last `endCursor` and ask again with `after` for what changed since, even rows changed in the same millisecond.',
    },
  },
});

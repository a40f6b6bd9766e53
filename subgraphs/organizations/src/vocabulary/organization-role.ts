import { registerEnumType } from 'type-graphql';

/** A member's rights in an organization on the hub (the kit's `OrganizationRole`). */
export enum OrganizationRole {
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'What a member or an API key may do for an organization.',
  valuesConfig: {
    EDITOR: { description: "Writes the organization's data: its profile, postings, courses, grants it makes." },
    ADMIN: { description: "What an editor does, and manages the organization's members and API keys." },
  },
});

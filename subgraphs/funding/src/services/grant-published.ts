import type { Grant } from '../entities/grant';
import { JsonNumber, parseExactJson, type JsonValue } from '../three-sixty-giving/exact-json';
import type { PublishedOrganization } from '../types/grant-as-published';

type JsonObject = { [key: string]: JsonValue };

const parsed = new WeakMap<Grant, JsonObject>();

/** What the grant's 360Giving file said beyond the hub's columns (Grant.published), parsed once per grant object. */
export function publishedOf(grant: Grant): JsonObject {
  let value = parsed.get(grant);
  if (!value) {
    const json = grant.published ? parseExactJson(grant.published) : {};
    value = json && typeof json === 'object' && !Array.isArray(json) && !(json instanceof JsonNumber) ? json : {};
    parsed.set(grant, value);
  }
  return value;
}

export function textOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** The objects of a published list (or a lone object). */
export function objectsOf(value: JsonValue | undefined): JsonObject[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is JsonObject => Boolean(item) && typeof item === 'object' && !Array.isArray(item) && !(item instanceof JsonNumber));
}

export function publishedOrganization(value: JsonValue | undefined): PublishedOrganization | null {
  const [organization] = objectsOf(value);
  if (!organization) return null;
  return {
    orgId: textOf(organization.id),
    name: textOf(organization.name),
    charityNumber: textOf(organization.charityNumber),
    companyNumber: textOf(organization.companyNumber),
    streetAddress: textOf(organization.streetAddress),
    locality: textOf(organization.addressLocality),
    region: textOf(organization.addressRegion),
    postalCode: textOf(organization.postalCode),
    country: textOf(organization.addressCountry),
    url: textOf(organization.url),
  };
}

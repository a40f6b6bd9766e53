/**
 * The lists a caller may download as CSV (`GET /export/<name>.csv?<filter>`): each is the same
 * GraphQL list field a client would page through, so it is authorized and filtered exactly like
 * it. Columns are paths into a node; a list value is joined with "; ". Each record's provenance
 * (seed article, import or API; illustrative or not) goes with it, and `?illustrative=false`
 * leaves out what the seed invented.
 */
export interface CsvList {
  /** The Query field, a cursor connection taking `filter`, `first` and `after`. */
  field: string;
  /** The field's filter input type: query parameters are its fields. */
  filterType: string;
  /** The selection of one node. */
  selection: string;
  /** Column title → path into the node (`registration.status`, `offeredBy.name`). */
  columns: Record<string, string>;
  /** A list field of the node that gives one row per element (the node's other columns repeated). */
  rowPer?: string;
}

/**
 * A list whose field gives its pages already laid out as a spreadsheet (`spreadsheet { columns
 * rows }`, e.g. grants in the 360Giving layout, whose columns depend on the data).
 */
export interface SheetList {
  field: string;
  filterType: string;
  /** Rows asked for a page. */
  pageSize: number;
  sheet: true;
}

/** Lists whose CSV layout is a published standard's, not the hub's. */
export const SHEET_LISTS: Record<string, SheetList> = {
  // 360Giving's spreadsheet layout (Identifier, Amount Awarded, Recipient Org:Identifier, ...):
  // the same file `npm run export:360giving -- FILE.csv` writes, and imports back
  grants: { field: 'exportGrants360Giving', filterType: 'GrantFilter', pageSize: 500, sheet: true },
};

export const CSV_LISTS: Record<string, CsvList> = {
  organizations: {
    field: 'organizations',
    filterType: 'OrganizationFilter',
    selection:
      'id name nameZh kind causeAreas city province country foundedOn stage website orgId registration { status legalForm authority registeredOn creditCode } provenance { kind illustrative sourceTitle sourcePublisher sourceFile }',
    columns: {
      id: 'id',
      name: 'name',
      nameZh: 'nameZh',
      kind: 'kind',
      causeAreas: 'causeAreas',
      city: 'city',
      province: 'province',
      country: 'country',
      foundedOn: 'foundedOn',
      stage: 'stage',
      website: 'website',
      orgId: 'orgId',
      registrationStatus: 'registration.status',
      legalForm: 'registration.legalForm',
      registrationAuthority: 'registration.authority',
      registeredOn: 'registration.registeredOn',
      creditCode: 'registration.creditCode',
      provenance: 'provenance.kind',
      illustrative: 'provenance.illustrative',
      source: 'provenance.sourceTitle',
      sourcePublisher: 'provenance.sourcePublisher',
    },
  },
  people: {
    // the public profile only: contact details and applications are not in a download
    field: 'people',
    filterType: 'PersonFilter',
    selection:
      'id name nameZh roles city province skills languages qualification openToWork provenance { kind illustrative sourceTitle sourcePublisher sourceFile }',
    columns: {
      id: 'id',
      name: 'name',
      nameZh: 'nameZh',
      roles: 'roles',
      city: 'city',
      province: 'province',
      skills: 'skills',
      languages: 'languages',
      qualification: 'qualification',
      openToWork: 'openToWork',
      provenance: 'provenance.kind',
      illustrative: 'provenance.illustrative',
      source: 'provenance.sourceTitle',
      sourcePublisher: 'provenance.sourcePublisher',
    },
  },
  courses: {
    field: 'courses',
    filterType: 'CourseFilter',
    selection:
      'id title titleZh kind startsOn endsOn city online language capacity enrolledCount seatsLeft causeAreas offeredBy { id name } fee { amount currency } provenance { kind illustrative sourceTitle sourcePublisher sourceFile }',
    columns: {
      id: 'id',
      title: 'title',
      titleZh: 'titleZh',
      kind: 'kind',
      startsOn: 'startsOn',
      endsOn: 'endsOn',
      city: 'city',
      online: 'online',
      language: 'language',
      capacity: 'capacity',
      enrolled: 'enrolledCount',
      seatsLeft: 'seatsLeft',
      causeAreas: 'causeAreas',
      offeredBy: 'offeredBy.name',
      offeredByIds: 'offeredBy.id',
      feeAmount: 'fee.amount',
      feeCurrency: 'fee.currency',
      provenance: 'provenance.kind',
      illustrative: 'provenance.illustrative',
      source: 'provenance.sourceTitle',
      sourcePublisher: 'provenance.sourcePublisher',
    },
  },
  'funding-flows': {
    // one row per flow and currency: sums are never converted
    field: 'fundingFlows',
    filterType: 'FundingFlowFilter',
    rowPer: 'totals',
    selection: 'funder { id name nameZh } recipient { id name nameZh city } grantCount totals { amount currency }',
    columns: {
      funderId: 'funder.id',
      funder: 'funder.name',
      funderZh: 'funder.nameZh',
      recipientId: 'recipient.id',
      recipient: 'recipient.name',
      recipientZh: 'recipient.nameZh',
      recipientCity: 'recipient.city',
      grantCount: 'grantCount',
      currency: 'totals.currency',
      amount: 'totals.amount',
    },
  },
};

/** The value at `path` in `node`: lists are followed (and flattened), then joined by the caller. */
export function valuesAt(node: unknown, path: string): unknown[] {
  let values: unknown[] = [node];
  for (const key of path.split('.')) {
    values = values.flatMap((value) => {
      if (value === null || value === undefined) return [];
      const next = (value as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : [next];
    });
  }
  return values.filter((value) => value !== null && value !== undefined);
}

/** The CSV rows of one node: one, or one per element of `list.rowPer`. */
export function rowsOf(list: CsvList, node: Record<string, unknown>): string[][] {
  const nodes = list.rowPer ? ((node[list.rowPer] as unknown[] | null) ?? []).map((element) => ({ ...node, [list.rowPer!]: element })) : [node];
  return nodes.map((one) => Object.values(list.columns).map((path) => valuesAt(one, path).map(String).join('; ')));
}

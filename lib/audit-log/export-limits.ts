// The export's limits (docs/decisions/029), apart from the server module so pages and forms can show them.
export const AUDIT_EXPORT_MAX_DAYS = 31;
export const AUDIT_EXPORT_CAP = 50_000;

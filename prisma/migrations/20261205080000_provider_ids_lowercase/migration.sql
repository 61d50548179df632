-- The provider id has one spelling end to end: the API, the contracts, the URLs and the
-- database all say "google" / "microsoft" (no conversion layer). Renaming keeps every row.
ALTER TYPE "CalendarProvider" RENAME VALUE 'GOOGLE' TO 'google';
ALTER TYPE "CalendarProvider" RENAME VALUE 'MICROSOFT' TO 'microsoft';

-- CalDAV (iCloud, Fastmail, Nextcloud...) as a third calendar provider, spelled as the API spells it.
ALTER TYPE "CalendarProvider" ADD VALUE 'caldav';

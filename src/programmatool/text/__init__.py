"""Dutch number formatting, terminal safety, suggestions and OS-error wording."""

-- Key/value settings owned by the process (for example the instance id); rooms add their own tables in later files.
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

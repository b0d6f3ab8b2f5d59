//! Storage: the versioned envelope, migrations, validation, backups, import and export.
//!
//! `format` and `backups` are pure and tested natively; `kv` keeps the stored documents (in
//! IndexedDB, read into memory at start-up, or in localStorage where IndexedDB cannot be
//! used), and `browser` is the rest of the app's contact with the browser: settings in
//! localStorage, Blob, object URLs and file reading. Every fallible browser call returns a
//! `Result`; nothing here panics.

pub mod backups;
pub mod browser;
pub mod format;
pub mod import;
mod indent;
pub mod kv;
pub mod offline;
pub mod pieces;
pub mod schema;
pub mod workspaces;

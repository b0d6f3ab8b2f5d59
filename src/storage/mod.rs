//! Storage: the versioned envelope, migrations, validation, backups, import and export.
//!
//! `format` and `backups` are pure and tested natively; `browser` is the only code in the
//! app that calls localStorage, Blob, object URLs and file reading. Every fallible browser
//! call returns a `Result`; nothing here panics.

pub mod backups;
pub mod browser;
pub mod format;
pub mod import;
pub mod offline;
pub mod pieces;
pub mod schema;
pub mod workspaces;

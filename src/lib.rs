//! Cultivate: form, cultivate, facilitate and evaluate communities of practice.
//!
//! - [`model`]: the pure domain (no browser code), tested natively.
//! - [`storage`]: the only code that touches browser storage and files.
//! - [`state`]: the app-state functions the views read and write through.
//! - [`ui`]: Leptos views, one component per file, a page per area.

pub mod model;
pub mod state;
pub mod storage;
pub mod ui;

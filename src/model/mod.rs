//! The pure domain of Cultivate: communities of practice, the people in them, and the
//! editable catalogues of frameworks from the Wenger-Trayner guidebook.
//!
//! Nothing in here touches the browser, so everything is unit-tested natively with
//! `cargo test`. The model never reads the clock or a random source itself: callers pass
//! `now` and fresh ids in, which keeps every operation deterministic and testable.

pub mod catalogue;
pub mod chooser;
pub mod csv;
pub mod cultivation;
pub mod dates;
pub mod evaluation;
pub mod evaluation_catalogues;
pub mod facilitation;
pub mod facilitation_catalogues;
pub mod forming;
pub mod generate;
pub mod ids;
pub mod lifecycle;
pub mod meetings;
pub mod merge;
pub mod limits;
pub mod links;
pub mod onboarding;
pub mod org_catalogues;
pub mod organisation;
pub mod participation;
pub mod portfolio;
pub mod readiness;
pub mod rhythm;
pub mod roles;
pub mod sample;
mod sample_evaluation;
mod sample_facilitation;
pub mod technology;
pub mod tree;
pub mod validate;
pub mod value;
mod validate_evaluation;
mod validate_facilitation;
pub mod words;
pub mod workspace;

pub use catalogue::{CatalogueEntry, CatalogueKind, Catalogues};
pub use ids::Id;
pub use validate::{validate_records, validate_workspace, Problem};
pub use workspace::*;

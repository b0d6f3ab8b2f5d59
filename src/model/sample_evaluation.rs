//! The sample workspace's evaluation: value-creation plans, indicators with observations,
//! stories at different consent levels and a reflection.

use super::workspace::{Timestamp, Workspace};

/// Adds the sample evaluation records. (To be written with the Evaluate area.)
pub(super) fn add_evaluation(_ws: &mut Workspace, _t0: Timestamp) {}

//! The sample workspace's meetings: designed, run and recorded, so that the Facilitate
//! area and the evaluation built on it have something to show.

use super::workspace::{Timestamp, Workspace};

/// Adds the sample meetings. (To be written with the Facilitate area.)
pub(super) fn add_meetings(_ws: &mut Workspace, _t0: Timestamp) {}

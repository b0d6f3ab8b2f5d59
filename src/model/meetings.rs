//! Operations and computations on meetings: agenda times, the run-mode clock, exports, the
//! activity log. The records are in [`super::facilitation`].

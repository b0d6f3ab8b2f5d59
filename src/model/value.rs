//! Operations and computations of evaluation: derived indicators, CSV import of
//! observations, the value-creation matrix and the sponsor report. The records are in
//! [`super::evaluation`].

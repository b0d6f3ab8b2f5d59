//! placeholder: see src/model/organisation.rs
